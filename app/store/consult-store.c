/* consult-store.c
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

#include "consult-store-migrations.h"
#include "consult-store-private.h"

#define DEFAULT_BUSY_TIMEOUT_MS 5000

G_DEFINE_FINAL_TYPE (ConsultStore, consult_store, G_TYPE_OBJECT)

static void
consult_store_finalize (GObject *object)
{
  ConsultStore *self = (ConsultStore *)object;

  consult_store_close (self);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->search_statements, g_hash_table_unref);
  g_mutex_clear (&self->search_lock);
  g_clear_pointer (&self->migrations, g_ptr_array_unref);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->actor, g_free);
  g_rec_mutex_clear (&self->lock);

  G_OBJECT_CLASS (consult_store_parent_class)->finalize (object);
}

static void
consult_store_class_init (ConsultStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = consult_store_finalize;
}

static void
consult_store_init (ConsultStore *self)
{
  g_rec_mutex_init (&self->lock);
  self->statements = g_hash_table_new_full (NULL, NULL, NULL,
                                            (GDestroyNotify) sqlite3_finalize);
  g_mutex_init (&self->search_lock);
  self->search_statements = g_hash_table_new_full (NULL, NULL, NULL,
                                                   (GDestroyNotify) sqlite3_finalize);
  self->actor = g_strdup (g_get_user_name ());
  self->busy_timeout_ms = DEFAULT_BUSY_TIMEOUT_MS;
}

/**
 * consult_store_new:
 * @path: the database file
 *
 * Creates a store for @path without touching the file; see
 * consult_store_open().
 */
ConsultStore *
consult_store_new (const char *path)
{
  ConsultStore *self;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (CONSULT_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  return self;
}

/**
 * consult_store_new_for_path:
 * @path: the database file, created if missing
 * @error: return location for a #CONSULT_STORE_ERROR
 *
 * Creates and opens a store, upgrading its schema if needed.
 *
 * Returns: (transfer full) (nullable): the open store
 */
ConsultStore *
consult_store_new_for_path (const char  *path,
                            GError     **error)
{
  g_autoptr (ConsultStore) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = consult_store_new (path);
  if (!consult_store_open (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

gint64
_consult_store_now (void)
{
  return g_get_real_time ();
}

static gboolean
path_is_read_only (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  if (g_file_test (path, G_FILE_TEST_EXISTS) && g_access (path, W_OK) != 0)
    return TRUE;

  return g_access (dir, W_OK) != 0;
}

/* Maps an SQLite result code to the error a caller can act on.  The
 * messages name the file at most: SQLite's own text (which could quote a
 * value) only goes to the debug log as a generic code string. */
void
_consult_store_set_sqlite_error (GError     **error,
                                 sqlite3     *db,
                                 int          rc,
                                 const char  *path)
{
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  g_debug ("SQLite error %d (%s)", rc, sqlite3_errstr (rc));

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error_literal (error, CONSULT_STORE_ERROR, CONSULT_STORE_ERROR_BUSY,
                           _("The database is in use by another program. "
                             "Close any other copy of MedSpa Consult, then try again."));
      return;

    case SQLITE_FULL:
      g_set_error_literal (error, CONSULT_STORE_ERROR, CONSULT_STORE_ERROR_FULL,
                           _("The disk is full, so nothing was saved. "
                             "Free some disk space, then try again."));
      return;

    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, CONSULT_STORE_ERROR, CONSULT_STORE_ERROR_CORRUPT,
                   _("The database file “%s” is damaged and was not used. "
                     "Restore your latest backup with "
                     "“medspa-consult-cli restore BACKUP-FILE”; copies taken "
                     "before each upgrade are kept next to the database as "
                     "“*.bak” files."), path);
      return;

    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH:
    case SQLITE_CANTOPEN:
      if ((rc & 0xff) == SQLITE_READONLY || path_is_read_only (path))
        {
          g_set_error (error, CONSULT_STORE_ERROR, CONSULT_STORE_ERROR_READ_ONLY,
                       _("The database “%s” cannot be written: the file or "
                         "its folder is read-only. Check its permissions or "
                         "choose another location."), path);
          return;
        }
      g_set_error (error, CONSULT_STORE_ERROR, CONSULT_STORE_ERROR_IO,
                   _("The database “%s” could not be opened (%s)."),
                   path, sqlite3_errstr (rc));
      return;

    case SQLITE_CONSTRAINT:
      /* Our triggers RAISE with an "immutable:" prefix. */
      if (rc == SQLITE_CONSTRAINT_TRIGGER && g_str_has_prefix (detail, "immutable:"))
        {
          g_set_error_literal (error, CONSULT_STORE_ERROR, CONSULT_STORE_ERROR_IMMUTABLE,
                               _("Signed plan versions, consent records and the "
                                 "audit trail can never be changed. Amend the "
                                 "plan to create a new version instead."));
          return;
        }
      g_set_error (error, CONSULT_STORE_ERROR, CONSULT_STORE_ERROR_INVALID,
                   _("The database refused the record (%s)."),
                   sqlite3_errstr (rc));
      return;

    case SQLITE_IOERR:
    case SQLITE_NOMEM:
      g_set_error (error, CONSULT_STORE_ERROR, CONSULT_STORE_ERROR_IO,
                   _("The database “%s” could not be read or written (%s)."),
                   path, sqlite3_errstr (rc));
      return;

    default:
      g_set_error (error, CONSULT_STORE_ERROR, CONSULT_STORE_ERROR_FAILED,
                   _("Database error: %s."), sqlite3_errstr (rc));
      return;
    }
}

void
_consult_store_not_found (GError     **error,
                          const char  *message)
{
  g_set_error_literal (error, CONSULT_STORE_ERROR, CONSULT_STORE_ERROR_NOT_FOUND, message);
}

static void
set_not_open_error (GError **error)
{
  g_set_error_literal (error, CONSULT_STORE_ERROR, CONSULT_STORE_ERROR_FAILED,
                       _("The database is not open."));
}

gboolean
_consult_store_check_open (ConsultStore  *self,
                           GError       **error)
{
  if (self->db != NULL)
    return TRUE;

  set_not_open_error (error);
  return FALSE;
}

/* Creates the file 0600 (and missing folders 0700) before SQLite does, so
 * that the database and its -wal/-shm files, which copy its mode, are
 * readable by nobody else. */
static gboolean
create_private_file (const char  *path,
                     GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      if (saved_errno == EACCES || saved_errno == EROFS || saved_errno == EPERM)
        _consult_store_set_sqlite_error (error, NULL, SQLITE_CANTOPEN, path);
      else
        g_set_error (error, CONSULT_STORE_ERROR, CONSULT_STORE_ERROR_IO,
                     _("The folder for the database could not be created: %s."),
                     g_strerror (saved_errno));
      return FALSE;
    }

  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd >= 0)
    return g_close (fd, error);

  if (errno == EEXIST)
    return TRUE;

  _consult_store_set_sqlite_error (error, NULL, SQLITE_CANTOPEN, path);
  return FALSE;
}

static gboolean
apply_connection_settings (ConsultStore  *self,
                           GError       **error)
{
  g_autoptr (ConsultStoreStmt) wal = NULL;

  /* WAL: readers never block the writer; synchronous=FULL: a COMMIT that
   * returned is on disk even if the power fails right after. */
  if (!(wal = _consult_store_prepare (self, "PRAGMA journal_mode = WAL", error)))
    return FALSE;
  if (_consult_store_step_row (self, wal, error) < 0)
    return FALSE;

  /* 16 MiB of page cache (the default is 2) keeps the indexes a search
   * and a timeline walk warm in a clinic's years of history.  A
   * statement's undo journal (for a trigger or constraint that fails
   * half-way) stays in memory: past 64 KiB it went to a temporary file,
   * created and written inside some saves. */
  return _consult_store_exec (self, "PRAGMA synchronous = FULL", error) &&
         _consult_store_exec (self, "PRAGMA foreign_keys = ON", error) &&
         _consult_store_exec (self, "PRAGMA cache_size = -16384", error) &&
         _consult_store_exec (self, "PRAGMA temp_store = MEMORY", error);
}

static int
wal_hook_cb (gpointer     user_data,
             sqlite3     *db,
             const char  *name,
             int          wal_pages)
{
  ConsultStore *self = user_data;

  _consult_store_checkpointer_request (self->checkpointer, wal_pages);
  return SQLITE_OK;
}

/* After an upgrade, which may write much and checkpoints as it goes, the
 * commits of saves leave checkpoints to a thread (consult-store-checkpoint.c). */
static gboolean
start_background_checkpoints (ConsultStore  *self,
                              GError       **error)
{
  if (!_consult_store_exec (self, "PRAGMA wal_autocheckpoint = 0", error))
    return FALSE;

  self->checkpointer = _consult_store_checkpointer_new (self->path, &self->lock);
  sqlite3_wal_hook (self->db, wal_hook_cb, self);
  /* Clients noted by a session that ended before indexing them. */
  _consult_store_checkpointer_request (self->checkpointer, 0);
  return TRUE;
}

static gboolean
open_search_connection (ConsultStore  *self,
                        GError       **error)
{
  g_autoptr (GMutexLocker) locker = g_mutex_locker_new (&self->search_lock);
  int rc;

  rc = sqlite3_open_v2 (self->path, &self->search_db,
                        SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_extended_result_codes (self->search_db, 1);
      sqlite3_busy_timeout (self->search_db, (int) self->busy_timeout_ms);
      rc = sqlite3_exec (self->search_db, "PRAGMA cache_size = -16384", NULL, NULL, NULL);
    }
  if (rc == SQLITE_OK && !_consult_store_add_functions (self->search_db, self->path, error))
    {
      sqlite3_close (self->search_db);
      self->search_db = NULL;
      return FALSE;
    }
  if (rc == SQLITE_OK)
    return TRUE;

  _consult_store_set_sqlite_error (error, self->search_db, rc, self->path);
  sqlite3_close (self->search_db);
  self->search_db = NULL;
  return FALSE;
}

/**
 * consult_store_open:
 * @self: a #ConsultStore
 * @error: return location for a #CONSULT_STORE_ERROR
 *
 * Opens (or creates) the database, refuses one written by a newer
 * version, and applies pending migrations after backing the file up.
 */
gboolean
consult_store_open (ConsultStore  *self,
                    GError       **error)
{
  g_autoptr (GRecMutexLocker) locker = NULL;
  int rc;

  g_return_val_if_fail (CONSULT_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  locker = g_rec_mutex_locker_new (&self->lock);
  if (self->db != NULL)
    return TRUE;

  if (!create_private_file (self->path, error))
    return FALSE;

  /* The writer appends a save's WAL frames with one write
   * (consult-store-vfs.c). */
  rc = sqlite3_open_v2 (self->path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX,
                        _consult_store_vfs_name ());
  if (rc != SQLITE_OK)
    {
      _consult_store_set_sqlite_error (error, self->db, rc, self->path);
      consult_store_close (self);
      return FALSE;
    }

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, (int) self->busy_timeout_ms);

  /* Before any migration: the search triggers call the store's own. */
  if (!_consult_store_add_functions (self->db, self->path, error))
    {
      consult_store_close (self);
      return FALSE;
    }

  /* SQLite quietly falls back to read-only when it may not write the
   * file; a store that cannot save is refused now, not at the first save. */
  if (sqlite3_db_readonly (self->db, "main") == 1)
    {
      _consult_store_set_sqlite_error (error, self->db, SQLITE_READONLY, self->path);
      consult_store_close (self);
      return FALSE;
    }

  if (self->migrations == NULL &&
      !(self->migrations = consult_store_default_migrations (error)))
    {
      consult_store_close (self);
      return FALSE;
    }

  if (!_consult_store_read_user_version (self->db, self->path,
                                         &self->schema_version, error) ||
      !apply_connection_settings (self, error) ||
      !_consult_store_migrate (self, error) ||
      !start_background_checkpoints (self, error) ||
      !open_search_connection (self, error))
    {
      consult_store_close (self);
      return FALSE;
    }

  return TRUE;
}

/**
 * consult_store_close:
 * @self: a #ConsultStore
 *
 * Closes the connection; safe to call more than once.
 */
void
consult_store_close (ConsultStore *self)
{
  g_autoptr (GRecMutexLocker) locker = NULL;

  g_return_if_fail (CONSULT_IS_STORE (self));

  locker = g_rec_mutex_locker_new (&self->lock);

  /* The checkpoint thread first, so that closing the last connection
   * below checkpoints and removes the WAL as SQLite does. */
  g_clear_pointer (&self->checkpointer, _consult_store_checkpointer_free);

  g_mutex_lock (&self->search_lock);
  g_hash_table_remove_all (self->search_statements);
  if (self->search_db != NULL && sqlite3_close (self->search_db) != SQLITE_OK)
    g_warning ("Closing the search connection failed: statements still open");
  self->search_db = NULL;
  g_mutex_unlock (&self->search_lock);

  g_hash_table_remove_all (self->statements);
  if (self->db != NULL)
    {
      if (sqlite3_close (self->db) != SQLITE_OK)
        g_warning ("Closing the database failed: statements still open");
      self->db = NULL;
    }
}

gboolean
consult_store_is_open (ConsultStore *self)
{
  g_return_val_if_fail (CONSULT_IS_STORE (self), FALSE);

  return self->db != NULL;
}

const char *
consult_store_get_path (ConsultStore *self)
{
  g_return_val_if_fail (CONSULT_IS_STORE (self), NULL);

  return self->path;
}

guint
consult_store_get_schema_version (ConsultStore *self)
{
  g_return_val_if_fail (CONSULT_IS_STORE (self), 0);

  return self->schema_version;
}

guint
consult_store_get_latest_schema_version (ConsultStore *self)
{
  const ConsultStoreMigration *last;
  g_autoptr (GPtrArray) defaults = NULL;
  GPtrArray *migrations;

  g_return_val_if_fail (CONSULT_IS_STORE (self), 0);

  migrations = self->migrations;
  if (migrations == NULL)
    migrations = defaults = consult_store_default_migrations (NULL);
  if (migrations == NULL || migrations->len == 0)
    return 0;

  last = g_ptr_array_index (migrations, migrations->len - 1);
  return last->version;
}

void
consult_store_set_actor (ConsultStore *self,
                         const char   *actor)
{
  g_autoptr (GRecMutexLocker) locker = NULL;

  g_return_if_fail (CONSULT_IS_STORE (self));
  g_return_if_fail (actor != NULL && *actor != '\0');

  locker = g_rec_mutex_locker_new (&self->lock);
  g_free (self->actor);
  self->actor = g_strdup (actor);
}

const char *
consult_store_get_actor (ConsultStore *self)
{
  g_return_val_if_fail (CONSULT_IS_STORE (self), NULL);

  return self->actor;
}

void
consult_store_set_busy_timeout (ConsultStore *self,
                                guint         timeout_ms)
{
  g_autoptr (GRecMutexLocker) locker = NULL;

  g_return_if_fail (CONSULT_IS_STORE (self));

  locker = g_rec_mutex_locker_new (&self->lock);
  self->busy_timeout_ms = timeout_ms;
  if (self->db != NULL)
    sqlite3_busy_timeout (self->db, (int) timeout_ms);

  g_mutex_lock (&self->search_lock);
  if (self->search_db != NULL)
    sqlite3_busy_timeout (self->search_db, (int) timeout_ms);
  g_mutex_unlock (&self->search_lock);
}

gboolean
consult_store_verify (ConsultStore  *self,
                      gint64        *broken_row,
                      GError       **error)
{
  g_autoptr (GRecMutexLocker) locker = NULL;

  g_return_val_if_fail (CONSULT_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  locker = g_rec_mutex_locker_new (&self->lock);
  if (!_consult_store_check_open (self, error))
    return FALSE;

  return _consult_store_verify_db (self->db, self->path, broken_row, error);
}

void
_consult_store_stmt_release (ConsultStoreStmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

/* Statements are prepared once per connection and kept: the same SQL text
 * pointer (a string literal at the call site) finds the same statement. */
static ConsultStoreStmt *
prepare_cached (ConsultStore  *self,
                sqlite3       *db,
                GHashTable    *statements,
                const char    *sql,
                GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (db == NULL)
    {
      set_not_open_error (error);
      return NULL;
    }

  stmt = g_hash_table_lookup (statements, sql);
  if (stmt != NULL)
    return stmt;

  rc = sqlite3_prepare_v3 (db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _consult_store_set_sqlite_error (error, db, rc, self->path);
      return NULL;
    }

  g_hash_table_insert (statements, (gpointer) sql, stmt);
  return stmt;
}

ConsultStoreStmt *
_consult_store_prepare (ConsultStore  *self,
                        const char    *sql,
                        GError       **error)
{
  g_assert (CONSULT_IS_STORE (self));

  return prepare_cached (self, self->db, self->statements, sql, error);
}

/* On the search connection: the caller holds search_lock until the
 * statement is released. */
ConsultStoreStmt *
_consult_store_prepare_search (ConsultStore  *self,
                               const char    *sql,
                               GError       **error)
{
  g_assert (CONSULT_IS_STORE (self));

  return prepare_cached (self, self->search_db, self->search_statements, sql, error);
}

gboolean
_consult_store_step_done (ConsultStore      *self,
                          ConsultStoreStmt  *stmt,
                          GError           **error)
{
  sqlite3 *db = sqlite3_db_handle (stmt);
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_DONE || rc == SQLITE_ROW)
    return TRUE;

  _consult_store_set_sqlite_error (error, db, sqlite3_extended_errcode (db), self->path);
  return FALSE;
}

/* Returns 1 for a row, 0 when done, -1 on error. */
int
_consult_store_step_row (ConsultStore      *self,
                         ConsultStoreStmt  *stmt,
                         GError           **error)
{
  sqlite3 *db = sqlite3_db_handle (stmt);
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return 1;
  if (rc == SQLITE_DONE)
    return 0;

  _consult_store_set_sqlite_error (error, db, sqlite3_extended_errcode (db), self->path);
  return -1;
}

/* For fixed SQL without values only (pragmas, BEGIN/COMMIT, migrations). */
gboolean
_consult_store_exec (ConsultStore  *self,
                     const char    *sql,
                     GError       **error)
{
  int rc;

  if (!_consult_store_check_open (self, error))
    return FALSE;

  rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    return TRUE;

  _consult_store_set_sqlite_error (error, self->db, sqlite3_extended_errcode (self->db), self->path);
  return FALSE;
}

/* Fixed SQL without values, run often (BEGIN and COMMIT of every save):
 * prepared once, unlike _consult_store_exec(). */
static gboolean
step_cached (ConsultStore  *self,
             const char    *sql,
             GError       **error)
{
  g_autoptr (ConsultStoreStmt) stmt = _consult_store_prepare (self, sql, error);

  return stmt != NULL && _consult_store_step_done (self, stmt, error);
}

/* Runs @func inside BEGIN IMMEDIATE … COMMIT under the store's lock: all
 * of it or none of it.  IMMEDIATE takes the write lock up front, so a busy
 * database fails here, after the busy timeout, before anything is done.
 * Inside a caller's consult_store_begin() it is a savepoint instead, so a
 * failed write still leaves nothing behind. */
gboolean
_consult_store_write (ConsultStore           *self,
                      ConsultStoreWriteFunc   func,
                      gpointer                user_data,
                      GError                **error)
{
  g_autoptr (GRecMutexLocker) locker = g_rec_mutex_locker_new (&self->lock);
  gboolean nested;

  if (!_consult_store_check_open (self, error))
    return FALSE;

  nested = !sqlite3_get_autocommit (self->db);
  if (!step_cached (self, nested ? "SAVEPOINT store_write" : "BEGIN IMMEDIATE", error))
    return FALSE;

  if (func (self, user_data, error) &&
      step_cached (self, nested ? "RELEASE store_write" : "COMMIT", error))
    return TRUE;

  if (nested)
    sqlite3_exec (self->db, "ROLLBACK TO store_write; RELEASE store_write", NULL, NULL, NULL);
  else if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);

  return FALSE;
}

/**
 * consult_store_begin:
 * @self: a #ConsultStore
 * @error: return location for a #CONSULT_STORE_ERROR
 *
 * Starts a transaction grouping several writes (an import, a batch) into
 * one commit.  Until consult_store_commit() or consult_store_rollback(),
 * which must be called from the same thread, other threads using @self
 * wait.
 */
gboolean
consult_store_begin (ConsultStore  *self,
                     GError       **error)
{
  g_return_val_if_fail (CONSULT_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_rec_mutex_lock (&self->lock);
  if (_consult_store_exec (self, "BEGIN IMMEDIATE", error))
    return TRUE;

  g_rec_mutex_unlock (&self->lock);
  return FALSE;
}

gboolean
consult_store_commit (ConsultStore  *self,
                      GError       **error)
{
  gboolean ok;

  g_return_val_if_fail (CONSULT_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ok = _consult_store_exec (self, "COMMIT", error);
  if (!ok && self->db != NULL && !sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  g_rec_mutex_unlock (&self->lock);

  return ok;
}

void
consult_store_rollback (ConsultStore *self)
{
  g_return_if_fail (CONSULT_IS_STORE (self));

  if (self->db != NULL && !sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  g_rec_mutex_unlock (&self->lock);
}

void
_consult_store_bind_text (ConsultStoreStmt *stmt,
                          int               index,
                          const char       *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

char *
_consult_store_column_dup (ConsultStoreStmt *stmt,
                           int               column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}
