/* consult-store.h
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "consult-store-error.h"

G_BEGIN_DECLS

#define CONSULT_TYPE_STORE (consult_store_get_type ())

G_DECLARE_FINAL_TYPE (ConsultStore, consult_store, CONSULT, STORE, GObject)

/* The local SQLite store: one database file, written through one
 * connection; searches (ConsultClientList) read through a second,
 * read-only one, and a thread of the store's own checkpoints the WAL
 * after commits, so that no save pays for it.
 *
 * Thread safety: every public consult_store_*() function takes the
 * store's own recursive mutex for its whole duration, so one ConsultStore
 * may be shared by the main thread and GTask worker threads; calls are
 * serialised.  A ConsultClientList takes the search connection's lock
 * instead: the database runs in WAL mode, so a search never waits for a
 * write, nor a write for a search, and sees what was committed.  Writes
 * from several connections or processes wait for each other up to the
 * busy timeout, then fail with CONSULT_STORE_ERROR_BUSY. */

ConsultStore *consult_store_new                (const char    *path);
ConsultStore *consult_store_new_for_path       (const char    *path,
                                                GError       **error);
gboolean      consult_store_open               (ConsultStore  *self,
                                                GError       **error);
void          consult_store_close              (ConsultStore  *self);
gboolean      consult_store_is_open            (ConsultStore  *self);
const char   *consult_store_get_path           (ConsultStore  *self);
guint         consult_store_get_schema_version (ConsultStore  *self);
guint         consult_store_get_latest_schema_version (ConsultStore *self);

/* Who is writing: recorded in the audit trail and as the author of new
 * consultations and plan versions.  Defaults to the login name. */
void          consult_store_set_actor          (ConsultStore  *self,
                                                const char    *actor);
const char   *consult_store_get_actor          (ConsultStore  *self);

/* How long a write waits for another program's lock (default 5000 ms);
 * set before consult_store_open() to apply to the upgrade too. */
void          consult_store_set_busy_timeout   (ConsultStore  *self,
                                                guint          timeout_ms);

/* Groups several writes into one transaction: all of them or none.
 * Holds the store's lock until commit or rollback (same thread). */
gboolean      consult_store_begin              (ConsultStore  *self,
                                                GError       **error);
gboolean      consult_store_commit             (ConsultStore  *self,
                                                GError       **error);
void          consult_store_rollback           (ConsultStore  *self);

/* Runs PRAGMA integrity_check and walks the audit chain.  On failure the
 * error (CONSULT_STORE_ERROR_CORRUPT) names the first broken link, and
 * @broken_row (if not NULL) is set to its audit row id, or 0 when the
 * integrity check itself failed. */
gboolean      consult_store_verify             (ConsultStore  *self,
                                                gint64        *broken_row,
                                                GError       **error);

G_END_DECLS
