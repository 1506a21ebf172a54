/* consult-store-checkpoint.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-store"

#include "config.h"

#include "consult-store-private.h"

/* SQLite's automatic checkpoint runs inside the COMMIT that crosses its
 * threshold, so every few dozen saves one of them paid for copying the
 * WAL into the database and its fsyncs (docs/performance.md).  Here the
 * writing connection only reports the WAL's size after each commit, and
 * a thread of the store's own, on a connection of its own, copies it
 * back.  A checkpoint never changes what a committed transaction holds,
 * so crash safety is SQLite's as before: the WAL stays authoritative
 * until the database file has been synced.
 *
 * The same thread, at the same quiet moments, does what saves leave for
 * later (write_deferred()): the search rows and full-text entries of
 * the clients and consultations they noted (consult-store-prefixes.c,
 * consult-store-notes.c), which would add some fifty scattered pages
 * and a third of its CPU to a save's commit, and the merging of the
 * full-text indexes' segments, a quarter of a save's CPU when it ran
 * inside the save. */

/* SQLite's own default threshold, about 4 MiB of WAL. */
#define CHECKPOINT_MIN_PAGES 1000
/* Saves come in bursts (a consultation, its plan amended, signed): a
 * checkpoint started right after a commit writes pages all over the
 * database file and syncs it while the next save waits for its own
 * fsync behind that.  So a checkpoint waits until no commit has come
 * for this long... */
#define CHECKPOINT_QUIET_MS 200
/* ...unless the WAL has grown to this size (about 40 MiB): a steady
 * stream of writes, such as an import, is still checkpointed. */
#define CHECKPOINT_BUSY_PAGES 10000
/* Readers pinning old snapshots keep a passive checkpoint from finishing
 * and the WAL from being reused; past this size (64 MiB) the next
 * checkpoint waits for them (up to the busy timeout below) and truncates
 * the file. */
#define CHECKPOINT_TRUNCATE_PAGES 16000
#define CHECKPOINT_BUSY_TIMEOUT_MS 100
/* Clients (or consultations) whose search rows are written in one
 * transaction: about 1 ms each, so that a save arriving meanwhile waits
 * a few ms at most... */
#define INDEX_BATCH_ROWS 8
/* ...and the pause after each background transaction, in which another
 * process may write. */
#define WRITE_PAUSE_MS 10

struct _ConsultStoreCheckpointer
{
  char    *path;
  GThread *thread;
  /* the store's, held by its writing connection's transactions */
  GRecMutex *writer_lock;
  GMutex   lock;
  GCond    cond;
  guint    min_pages;    /* under lock */
  guint    quiet_ms;     /* under lock */
  guint    busy_pages;   /* under lock */
  gint64   last_commit;  /* under lock, monotonic µs */
  guint    wal_pages;    /* under lock, after the last commit */
  gboolean pending;      /* under lock */
  gboolean deferred_wanted; /* under lock: a commit may have left work */
  gboolean stopping;     /* under lock */
  guint    n_done;       /* under lock */
};

ConsultStoreCheckpointer *
_consult_store_checkpointer_new (const char *path,
                                 GRecMutex  *writer_lock)
{
  ConsultStoreCheckpointer *self = g_new0 (ConsultStoreCheckpointer, 1);

  self->path = g_strdup (path);
  self->writer_lock = writer_lock;
  self->min_pages = CHECKPOINT_MIN_PAGES;
  self->quiet_ms = CHECKPOINT_QUIET_MS;
  self->busy_pages = CHECKPOINT_BUSY_PAGES;
  g_mutex_init (&self->lock);
  g_cond_init (&self->cond);

  return self;
}

static sqlite3 *
open_connection (const char *path)
{
  sqlite3 *db = NULL;
  int rc;

  /* Its background writes, like the writer's, append their WAL frames
   * together (consult-store-vfs.c). */
  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX,
                        _consult_store_vfs_name ());
  if (rc == SQLITE_OK)
    {
      sqlite3_extended_result_codes (db, 1);
      sqlite3_busy_timeout (db, CHECKPOINT_BUSY_TIMEOUT_MS);
      /* Its only writes, the search rows, are checkpointed with the
       * writer's; nothing may run the automatic checkpoint on it.  Its
       * statements' undo journals stay in memory, as the writer's do. */
      rc = sqlite3_exec (db,
                         "PRAGMA synchronous = FULL; PRAGMA wal_autocheckpoint = 0; "
                         "PRAGMA temp_store = MEMORY",
                         NULL, NULL, NULL);
    }
  if (rc == SQLITE_OK && !_consult_store_add_functions (db, path, NULL))
    rc = SQLITE_ERROR;
  if (rc == SQLITE_OK)
    return db;

  g_debug ("Checkpoint connection failed: %s", sqlite3_errstr (rc));
  sqlite3_close (db);
  return NULL;
}

/* Returns the WAL's size in frames, 0 when unknown. */
static int
checkpoint (sqlite3 *db,
            int      mode)
{
  int wal_frames = 0;
  int copied = 0;
  int rc = sqlite3_wal_checkpoint_v2 (db, NULL, mode, &wal_frames, &copied);

  /* BUSY only means a reader or the writer was in the way: the next
   * commit asks again.  Nothing here can lose a committed save. */
  if (rc != SQLITE_OK && (rc & 0xff) != SQLITE_BUSY)
    g_debug ("Checkpoint failed: %s", sqlite3_errstr (rc));

  return MAX (wal_frames, 0);
}

/* Under the lock: returns when the writer has been quiet for quiet_ms,
 * the WAL has reached busy_pages, or the store is closing. */
static void
wait_for_quiet (ConsultStoreCheckpointer *self)
{
  while (!self->stopping && self->wal_pages < self->busy_pages)
    {
      gint64 quiet_at = self->last_commit + (gint64) self->quiet_ms * 1000;

      if (g_get_monotonic_time () >= quiet_at)
        return;
      g_cond_wait_until (&self->cond, &self->lock, quiet_at);
    }
}

/* Whether to stop writing in the background: the store is closing, or
 * its writer has committed since @since (go on at the next quiet
 * moment then). */
static gboolean
deferred_interrupted (ConsultStoreCheckpointer *self,
                   gint64                    since)
{
  g_autoptr (GMutexLocker) locker = g_mutex_locker_new (&self->lock);

  if (self->stopping || self->last_commit <= since)
    return self->stopping;

  self->deferred_wanted = TRUE;
  return TRUE;
}

/* One step of background writing in one transaction, under the store's
 * writer lock so that a save of this process waits for it on that lock
 * rather than in SQLite's busy handler.  FALSE when that lock is taken
 * (the writer is busy: go on at the next quiet moment) or the step
 * failed, which loses nothing: what it would have done is done later. */
typedef int (*WriteStep) (sqlite3       *db,
                          gconstpointer  data,
                          gboolean      *more);

static gboolean
write_step (ConsultStoreCheckpointer *self,
            sqlite3                  *db,
            WriteStep                 step,
            gconstpointer             data,
            gboolean                 *more)
{
  int rc;

  if (!g_rec_mutex_trylock (self->writer_lock))
    {
      g_autoptr (GMutexLocker) locker = g_mutex_locker_new (&self->lock);

      self->deferred_wanted = TRUE;
      return FALSE;
    }

  rc = sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    {
      rc = step (db, data, more);
      if (rc == SQLITE_OK)
        rc = sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
      if (rc != SQLITE_OK)
        sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
    }
  g_rec_mutex_unlock (self->writer_lock);

  if (rc != SQLITE_OK)
    g_debug ("Background write failed: %s", sqlite3_errstr (rc));

  return rc == SQLITE_OK;
}

/* Runs @step until it has nothing more to do, pausing between steps for
 * writers of other processes, which only SQLite's busy handler lets in;
 * FALSE when it stopped early. */
static gboolean
write_steps (ConsultStoreCheckpointer *self,
             sqlite3                  *db,
             WriteStep                 step,
             gconstpointer             data)
{
  gint64 started = g_get_monotonic_time ();
  gboolean more = TRUE;

  while (write_step (self, db, step, data, &more))
    {
      if (!more)
        return TRUE;
      if (deferred_interrupted (self, started))
        return FALSE;
      g_usleep (WRITE_PAUSE_MS * 1000);
    }

  return FALSE;
}

/* The search rows of a few of the clients or consultations saves have
 * noted. */
static int
index_step (sqlite3       *db,
            gconstpointer  data,
            gboolean      *more)
{
  return _consult_store_index_pending (db, INDEX_BATCH_ROWS, more);
}

/* Some of the merging of a full-text index's segments, which migration
 * 0006 took out of the saves: @data is the command. */
static int
merge_step (sqlite3       *db,
            gconstpointer  data,
            gboolean      *more)
{
  int before = sqlite3_total_changes (db);
  int rc = sqlite3_exec (db, data, NULL, NULL, NULL);

  /* FTS5 counts two changes or more when it merged anything. */
  *more = rc == SQLITE_OK && sqlite3_total_changes (db) - before >= 2;
  return rc;
}

#define MERGE_SQL(table) "INSERT INTO " table " (" table ", rank) VALUES ('merge', 200)"

/* What saves left for a quiet moment: the search rows of what they
 * noted, then the full-text merges. */
static void
write_deferred (ConsultStoreCheckpointer *self,
                sqlite3                  *db)
{
  if (write_steps (self, db, index_step, NULL) &&
      write_steps (self, db, merge_step, MERGE_SQL ("client_fts")))
    write_steps (self, db, merge_step, MERGE_SQL ("consultation_fts"));
}

/* For benchmarks: does at once what the thread does at a quiet moment,
 * in the calling thread, on a connection like the thread's (whose
 * commits, unlike the writer's, do not count as the writer's). */
void
_consult_store_checkpointer_write_deferred_now (ConsultStoreCheckpointer *self)
{
  sqlite3 *db = open_connection (self->path);

  if (db != NULL)
    write_deferred (self, db);
  sqlite3_close (db);
}

static gpointer
checkpoint_thread (gpointer data)
{
  ConsultStoreCheckpointer *self = data;
  sqlite3 *db = NULL;

  g_mutex_lock (&self->lock);
  for (;;)
    {
      gboolean index;
      gboolean checkpoint_now;

      while (!self->pending && !self->deferred_wanted && !self->stopping)
        g_cond_wait (&self->cond, &self->lock);
      wait_for_quiet (self);
      if (self->stopping)
        break;

      index = self->deferred_wanted;
      checkpoint_now = self->pending;
      self->deferred_wanted = self->pending = FALSE;
      g_mutex_unlock (&self->lock);

      if (db == NULL)
        db = open_connection (self->path);
      if (db != NULL && index)
        write_deferred (self, db);
      if (db != NULL && checkpoint_now &&
          checkpoint (db, SQLITE_CHECKPOINT_PASSIVE) >= CHECKPOINT_TRUNCATE_PAGES)
        checkpoint (db, SQLITE_CHECKPOINT_TRUNCATE);

      g_mutex_lock (&self->lock);
      if (checkpoint_now)
        self->n_done++;
      g_cond_broadcast (&self->cond);
    }
  g_mutex_unlock (&self->lock);

  sqlite3_close (db);
  return NULL;
}

/* Called by the writing connection's WAL hook after each commit, with
 * the WAL's size in pages (0 at opening, for clients noted before);
 * cheap enough for every commit.  Every commit also wakes a thread
 * waiting for quiet, so that it waits longer or, the WAL being large
 * enough, no longer. */
void
_consult_store_checkpointer_request (ConsultStoreCheckpointer *self,
                                     int                       wal_pages)
{
  g_autoptr (GMutexLocker) locker = g_mutex_locker_new (&self->lock);

  self->last_commit = g_get_monotonic_time ();
  self->wal_pages = (guint) MAX (wal_pages, 0);
  if (self->stopping)
    return;

  self->deferred_wanted = TRUE;
  if (wal_pages >= (int) self->min_pages)
    self->pending = TRUE;
  if (self->thread == NULL)
    self->thread = g_thread_new ("consult-checkpoint", checkpoint_thread, self);
  g_cond_signal (&self->cond);
}

void
_consult_store_checkpointer_set_min_pages (ConsultStoreCheckpointer *self,
                                           guint                     min_pages)
{
  g_autoptr (GMutexLocker) locker = g_mutex_locker_new (&self->lock);

  self->min_pages = MAX (min_pages, 1);
}

/* For tests: how long a checkpoint waits for the writer to be quiet,
 * and the WAL size at which it waits no longer. */
void
_consult_store_checkpointer_set_quiet (ConsultStoreCheckpointer *self,
                                       guint                     quiet_ms,
                                       guint                     busy_pages)
{
  g_autoptr (GMutexLocker) locker = g_mutex_locker_new (&self->lock);

  self->quiet_ms = quiet_ms;
  self->busy_pages = MAX (busy_pages, 1);
  g_cond_broadcast (&self->cond);
}

/* Checkpoints finished (or attempted) so far; for tests. */
guint
_consult_store_checkpointer_get_n_done (ConsultStoreCheckpointer *self)
{
  g_autoptr (GMutexLocker) locker = g_mutex_locker_new (&self->lock);

  return self->n_done;
}

/* Stops the thread after the checkpoint it may be running, closes its
 * connection and frees everything. */
void
_consult_store_checkpointer_free (ConsultStoreCheckpointer *self)
{
  GThread *thread;

  if (self == NULL)
    return;

  g_mutex_lock (&self->lock);
  self->stopping = TRUE;
  thread = g_steal_pointer (&self->thread);
  g_cond_signal (&self->cond);
  g_mutex_unlock (&self->lock);

  if (thread != NULL)
    g_thread_join (thread);

  g_mutex_clear (&self->lock);
  g_cond_clear (&self->cond);
  g_free (self->path);
  g_free (self);
}
