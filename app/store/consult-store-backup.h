/* consult-store-backup.h
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "consult-store.h"

G_BEGIN_DECLS

/* Copies the open database to @dest_path with SQLite's online backup API
 * (consistent even while others write), as one self-contained file,
 * created 0600 and moved into place only when complete. */
gboolean consult_store_backup       (ConsultStore  *self,
                                     const char    *dest_path,
                                     GError       **error);

/* Checks, read-only and without upgrading it, that the file at @path is
 * a sound MedSpa Consult database: integrity check, a schema this version
 * can open, an unbroken audit chain.  Used on a backup before restoring
 * it, and by `verify` on the database itself.  @broken_row as in
 * consult_store_verify(). */
gboolean consult_store_check_file   (const char    *path,
                                     gint64        *broken_row,
                                     GError       **error);

/* Replaces the database at @db_path by @backup_path after checking the
 * backup; the database it replaces (if any, even a damaged one) is kept
 * and its new path returned in @previous_path.  Refuses while another
 * program has the database open.  Opening the result upgrades it if the
 * backup is from an older version. */
gboolean consult_store_restore      (const char    *db_path,
                                     const char    *backup_path,
                                     char         **previous_path,
                                     GError       **error);

G_END_DECLS
