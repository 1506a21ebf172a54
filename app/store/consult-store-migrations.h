/* consult-store-migrations.h
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "consult-store.h"

G_BEGIN_DECLS

/* One forward-only schema step: after it the database's user_version is
 * @version.  Steps are applied in order, each in its own transaction. */
typedef struct
{
  guint  version;
  char  *name;
  char  *sql;
} ConsultStoreMigration;

void       consult_store_migration_free      (ConsultStoreMigration *migration);

/* The migrations shipped in the store's GResource (migrations/NNNN-*.sql),
 * sorted by version; a GPtrArray of ConsultStoreMigration. */
GPtrArray *consult_store_default_migrations  (GError               **error);

/* Replaces the migrations @self applies when opened: tests use it to
 * check how an upgrade that fails half-way is undone.  Call before
 * consult_store_open(); @migrations is a GPtrArray of ConsultStoreMigration. */
void       consult_store_set_migrations      (ConsultStore          *self,
                                              GPtrArray             *migrations);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConsultStoreMigration, consult_store_migration_free)

G_END_DECLS
