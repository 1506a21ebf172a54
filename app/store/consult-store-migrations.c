/* consult-store-migrations.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-store"

#include "config.h"

#include <stdlib.h>

#include <glib/gi18n.h>
#include <gio/gio.h>

#include "consult-store-migrations.h"
#include "consult-store-private.h"
#include "consult-store-resources.h"

#define MIGRATIONS_PATH "/io/github/medspa_consult/Consult/store/migrations/"

void
consult_store_migration_free (ConsultStoreMigration *migration)
{
  if (migration == NULL)
    return;

  g_free (migration->name);
  g_free (migration->sql);
  g_free (migration);
}

static gint
compare_migrations (gconstpointer a,
                    gconstpointer b)
{
  const ConsultStoreMigration *ma = *(ConsultStoreMigration * const *) a;
  const ConsultStoreMigration *mb = *(ConsultStoreMigration * const *) b;

  return (ma->version > mb->version) - (ma->version < mb->version);
}

/* A migration file is named NNNN-what-it-does.sql; NNNN is its version. */
static ConsultStoreMigration *
load_migration (GResource   *resource,
                const char  *name,
                GError     **error)
{
  g_autofree char *path = g_strconcat (MIGRATIONS_PATH, name, NULL);
  g_autoptr (GBytes) bytes = NULL;
  ConsultStoreMigration *migration;
  guint64 version;
  const char *end = NULL;

  if (!g_ascii_isdigit (name[0]) ||
      (version = g_ascii_strtoull (name, (char **) &end, 10)) == 0 ||
      version > G_MAXUINT || *end != '-' || !g_str_has_suffix (name, ".sql"))
    {
      g_set_error (error, CONSULT_STORE_ERROR, CONSULT_STORE_ERROR_MIGRATION,
                   "Misnamed migration resource %s", name);
      return NULL;
    }

  bytes = g_resource_lookup_data (resource, path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  migration = g_new0 (ConsultStoreMigration, 1);
  migration->version = (guint) version;
  migration->name = g_strdup (name);
  migration->sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  return migration;
}

/**
 * consult_store_default_migrations:
 * @error: return location for an error
 *
 * Returns: (transfer full): the shipped migrations, oldest first
 */
GPtrArray *
consult_store_default_migrations (GError **error)
{
  /* Named explicitly (not through g_resources_*) so that the linker keeps
   * the resource object of this static library (TOOLCHAIN.md). */
  GResource *resource = consult_store_get_resource ();
  g_autoptr (GPtrArray) migrations = NULL;
  g_auto (GStrv) names = NULL;

  names = g_resource_enumerate_children (resource, MIGRATIONS_PATH,
                                         G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (names == NULL)
    return NULL;

  migrations = g_ptr_array_new_with_free_func ((GDestroyNotify) consult_store_migration_free);
  for (guint i = 0; names[i] != NULL; i++)
    {
      ConsultStoreMigration *migration = load_migration (resource, names[i], error);

      if (migration == NULL)
        return NULL;
      g_ptr_array_add (migrations, migration);
    }

  g_ptr_array_sort (migrations, compare_migrations);
  return g_steal_pointer (&migrations);
}

void
consult_store_set_migrations (ConsultStore *self,
                              GPtrArray    *migrations)
{
  g_autoptr (GRecMutexLocker) locker = NULL;

  g_return_if_fail (CONSULT_IS_STORE (self));
  g_return_if_fail (migrations != NULL);

  locker = g_rec_mutex_locker_new (&self->lock);
  g_clear_pointer (&self->migrations, g_ptr_array_unref);
  self->migrations = g_ptr_array_ref (migrations);
}

gboolean
_consult_store_read_user_version (sqlite3     *db,
                                  const char  *path,
                                  guint       *version,
                                  GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  /* The first read of the file: a damaged header or a file that is not a
   * database at all shows up here, before anything is written. */
  rc = sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *version = (guint) sqlite3_column_int64 (stmt, 0);
      sqlite3_finalize (stmt);
      /* A readable header may still hide a damaged schema page. */
      rc = sqlite3_exec (db, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL);
      if (rc == SQLITE_OK)
        return TRUE;
    }
  else
    {
      sqlite3_finalize (stmt);
    }

  _consult_store_set_sqlite_error (error, db, sqlite3_extended_errcode (db), path);
  return FALSE;
}

static gboolean
apply_migration (ConsultStore                *self,
                 const ConsultStoreMigration *migration,
                 GError                     **error)
{
  g_autofree char *set_version = NULL;

  if (!_consult_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  /* PRAGMA takes no bound parameters; the version is our own integer. */
  set_version = g_strdup_printf ("PRAGMA user_version = %u", migration->version);
  if (_consult_store_exec (self, migration->sql, error) &&
      _consult_store_exec (self, set_version, error) &&
      _consult_store_exec (self, "COMMIT", error))
    return TRUE;

  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);

  return FALSE;
}

static char *
pre_migration_backup_path (ConsultStore *self)
{
  return g_strdup_printf ("%s.pre-migration-v%u.bak", self->path, self->schema_version);
}

gboolean
_consult_store_migrate (ConsultStore  *self,
                        GError       **error)
{
  g_autofree char *backup_path = NULL;
  guint latest = consult_store_get_latest_schema_version (self);

  if (self->schema_version > latest)
    {
      g_set_error (error, CONSULT_STORE_ERROR, CONSULT_STORE_ERROR_TOO_NEW,
                   _("The database “%s” was written by a newer version of "
                     "MedSpa Consult (schema %u; this version knows up to %u). "
                     "It was not changed. Install the newer version to open it."),
                   self->path, self->schema_version, latest);
      return FALSE;
    }

  if (self->schema_version == latest)
    return TRUE;

  /* A brand-new file has nothing worth keeping. */
  if (self->schema_version > 0)
    {
      backup_path = pre_migration_backup_path (self);
      if (!_consult_store_copy_database (self->db, self->path, backup_path, error))
        return FALSE;
    }

  for (guint i = 0; i < self->migrations->len; i++)
    {
      const ConsultStoreMigration *migration = g_ptr_array_index (self->migrations, i);
      g_autoptr (GError) local_error = NULL;

      if (migration->version <= self->schema_version)
        continue;

      g_debug ("Applying migration %s", migration->name);
      if (!apply_migration (self, migration, &local_error))
        {
          if (local_error->domain == CONSULT_STORE_ERROR &&
              (local_error->code == CONSULT_STORE_ERROR_BUSY ||
               local_error->code == CONSULT_STORE_ERROR_FULL ||
               local_error->code == CONSULT_STORE_ERROR_READ_ONLY))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }

          g_set_error (error, CONSULT_STORE_ERROR, CONSULT_STORE_ERROR_MIGRATION,
                       _("Upgrading the database to schema version %u failed "
                         "and was undone; the database is unchanged (%s)."),
                       migration->version, local_error->message);
          return FALSE;
        }

      self->schema_version = migration->version;
    }

  return TRUE;
}
