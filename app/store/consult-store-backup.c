/* consult-store-backup.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "consult-store-backup.h"
#include "consult-store-migrations.h"
#include "consult-store-private.h"

/* Makes a finished file (or a rename in @path's folder) durable. */
static gboolean
fsync_path (const char  *path,
            GError     **error)
{
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  int saved_errno;

  if (fd < 0 || fsync (fd) != 0)
    {
      saved_errno = errno;
      if (fd >= 0)
        close (fd);
      g_set_error (error, CONSULT_STORE_ERROR,
                   saved_errno == ENOSPC ? CONSULT_STORE_ERROR_FULL : CONSULT_STORE_ERROR_IO,
                   _("“%s” could not be written to disk: %s."), path, g_strerror (saved_errno));
      return FALSE;
    }

  return g_close (fd, error);
}

static gboolean
backup_into (sqlite3     *source,
             const char  *source_path,
             const char  *tmp_path,
             GError     **error)
{
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;

  rc = sqlite3_open_v2 (tmp_path, &dest, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dest, "main", source, "main");
      if (backup == NULL)
        {
          rc = sqlite3_extended_errcode (dest);
        }
      else
        {
          rc = sqlite3_backup_step (backup, -1);
          sqlite3_backup_finish (backup);
          if (rc == SQLITE_DONE)
            rc = sqlite3_extended_errcode (dest);
        }
    }

  /* One self-contained file: a backup travels without a -wal beside it. */
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      int code = rc & 0xff;

      if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB)
        _consult_store_set_sqlite_error (error, source, rc, source_path);
      else
        _consult_store_set_sqlite_error (error, dest, rc, tmp_path);
    }

  sqlite3_close (dest);
  return rc == SQLITE_OK;
}

/* Writes a complete copy next to @dest_path, then renames it over: a
 * reader of @dest_path sees the old file or the whole new one. */
gboolean
_consult_store_copy_database (sqlite3     *source,
                              const char  *source_path,
                              const char  *dest_path,
                              GError     **error)
{
  g_autofree char *tmp_path = g_strconcat (dest_path, ".tmp-XXXXXX", NULL);
  g_autofree char *dir = g_path_get_dirname (dest_path);
  int fd;

  fd = g_mkstemp_full (tmp_path, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      _consult_store_set_sqlite_error (error, NULL, SQLITE_CANTOPEN, dest_path);
      return FALSE;
    }
  close (fd);

  if (!backup_into (source, source_path, tmp_path, error) ||
      !fsync_path (tmp_path, error))
    {
      g_unlink (tmp_path);
      return FALSE;
    }

  if (g_rename (tmp_path, dest_path) != 0)
    {
      int saved_errno = errno;

      g_unlink (tmp_path);
      g_set_error (error, CONSULT_STORE_ERROR, CONSULT_STORE_ERROR_IO,
                   _("The backup could not be moved to “%s”: %s."),
                   dest_path, g_strerror (saved_errno));
      return FALSE;
    }

  return fsync_path (dir, error);
}

gboolean
consult_store_backup (ConsultStore  *self,
                      const char    *dest_path,
                      GError       **error)
{
  g_autoptr (GRecMutexLocker) locker = NULL;

  g_return_val_if_fail (CONSULT_IS_STORE (self), FALSE);
  g_return_val_if_fail (dest_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  locker = g_rec_mutex_locker_new (&self->lock);
  if (!_consult_store_check_open (self, error))
    return FALSE;

  return _consult_store_copy_database (self->db, self->path, dest_path, error);
}

static guint
latest_schema_version (GError **error)
{
  g_autoptr (GPtrArray) migrations = consult_store_default_migrations (error);
  const ConsultStoreMigration *last;

  if (migrations == NULL || migrations->len == 0)
    return 0;

  last = g_ptr_array_index (migrations, migrations->len - 1);
  return last->version;
}

static gboolean
check_backup_db (sqlite3     *db,
                 const char  *backup_path,
                 gint64      *broken_row,
                 GError     **error)
{
  guint version = 0;
  guint latest;

  if (!_consult_store_read_user_version (db, backup_path, &version, error) ||
      (latest = latest_schema_version (error)) == 0)
    return FALSE;

  if (version == 0)
    {
      g_set_error (error, CONSULT_STORE_ERROR, CONSULT_STORE_ERROR_INVALID,
                   _("“%s” is not a MedSpa Consult database or backup."), backup_path);
      return FALSE;
    }

  if (version > latest)
    {
      g_set_error (error, CONSULT_STORE_ERROR, CONSULT_STORE_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of MedSpa "
                     "Consult (schema %u; this version knows up to %u)."),
                   backup_path, version, latest);
      return FALSE;
    }

  return _consult_store_verify_db (db, backup_path, broken_row, error);
}

static sqlite3 *
open_backup (const char  *path,
             GError     **error)
{
  sqlite3 *db = NULL;
  int rc;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, CONSULT_STORE_ERROR, CONSULT_STORE_ERROR_NOT_FOUND,
                   _("The file “%s” does not exist."), path);
      return NULL;
    }

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  if (rc != SQLITE_OK)
    {
      _consult_store_set_sqlite_error (error, db, rc, path);
      sqlite3_close (db);
      return NULL;
    }

  sqlite3_extended_result_codes (db, 1);
  return db;
}

gboolean
consult_store_check_file (const char  *path,
                          gint64      *broken_row,
                          GError     **error)
{
  sqlite3 *db;
  gboolean ok;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (broken_row != NULL)
    *broken_row = 0;

  if (!(db = open_backup (path, error)))
    return FALSE;

  ok = check_backup_db (db, path, broken_row, error);
  sqlite3_close (db);
  return ok;
}

/* Folds the WAL into the file and leaves WAL mode, which SQLite allows
 * only when no other connection has the database open: so this is also
 * the "is anyone using it?" check.  A damaged database fails here with
 * CORRUPT, which the caller accepts: it is moved aside as it is. */
static gboolean
quiesce_current (const char  *db_path,
                 GError     **error)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_extended_result_codes (db, 1);
      rc = sqlite3_prepare_v2 (db, "PRAGMA journal_mode = DELETE", -1, &stmt, NULL);
    }
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW && g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "delete") != 0)
        rc = SQLITE_BUSY;
      else if (rc == SQLITE_ROW)
        rc = SQLITE_OK;
      else
        rc = sqlite3_extended_errcode (db);
    }

  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    _consult_store_set_sqlite_error (error, db, rc, db_path);
  sqlite3_close (db);

  return rc == SQLITE_OK;
}

static gboolean
move_aside (const char  *db_path,
            const char  *previous_path,
            GError     **error)
{
  static const char *const suffixes[] = { "-wal", "-shm", NULL };

  if (g_rename (db_path, previous_path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, CONSULT_STORE_ERROR, CONSULT_STORE_ERROR_IO,
                   _("The current database could not be kept as “%s”: %s."),
                   previous_path, g_strerror (saved_errno));
      return FALSE;
    }

  /* A -wal left by a damaged database goes with it, so the pair stays
   * readable by SQLite under its new name; the -shm is rebuilt anyway. */
  for (guint i = 0; suffixes[i] != NULL; i++)
    {
      g_autofree char *from = g_strconcat (db_path, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (previous_path, suffixes[i], NULL);

      if (g_file_test (from, G_FILE_TEST_EXISTS))
        g_rename (from, to);
    }

  return TRUE;
}

gboolean
consult_store_restore (const char  *db_path,
                       const char  *backup_path,
                       char       **previous_path,
                       GError     **error)
{
  g_autofree char *previous = NULL;
  g_autoptr (GDateTime) now = NULL;
  g_autofree char *stamp = NULL;
  sqlite3 *backup;
  gboolean ok;

  g_return_val_if_fail (db_path != NULL && backup_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!(backup = open_backup (backup_path, error)))
    return FALSE;

  if (!check_backup_db (backup, backup_path, NULL, error))
    {
      sqlite3_close (backup);
      return FALSE;
    }

  if (g_file_test (db_path, G_FILE_TEST_EXISTS))
    {
      g_autoptr (GError) local_error = NULL;

      if (!quiesce_current (db_path, &local_error) &&
          !g_error_matches (local_error, CONSULT_STORE_ERROR, CONSULT_STORE_ERROR_CORRUPT))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          sqlite3_close (backup);
          return FALSE;
        }

      now = g_date_time_new_now_utc ();
      stamp = g_date_time_format (now, "%Y%m%dT%H%M%S");
      previous = g_strdup_printf ("%s.before-restore-%s.bak", db_path, stamp);
      if (!move_aside (db_path, previous, error))
        {
          sqlite3_close (backup);
          return FALSE;
        }
    }
  else
    {
      g_autofree char *dir = g_path_get_dirname (db_path);

      g_mkdir_with_parents (dir, 0700);
    }

  ok = _consult_store_copy_database (backup, backup_path, db_path, error);
  sqlite3_close (backup);

  /* Never leave the clinic with no database at all. */
  if (!ok && previous != NULL)
    g_rename (previous, db_path);

  if (ok && previous_path != NULL)
    *previous_path = g_steal_pointer (&previous);

  return ok;
}
