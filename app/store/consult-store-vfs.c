/* consult-store-vfs.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-store"

#include "config.h"

#include <string.h>

#include "consult-store-private.h"

/* A save's commit appends some forty frames to the WAL, and SQLite
 * writes each with two calls (its 24-byte header, then its page).  On
 * the virtual machine measured, where a system call is dear, 88 such
 * calls and the fdatasync() took 0.82-0.86 ms, one call writing the
 * same bytes and the fdatasync() 0.57-0.61 ms.  This VFS wraps the
 * default one and, for WAL files only, holds the frames a transaction
 * appends and writes them together, in calls of up to 64 KiB.
 *
 * What it may hold is what makes it safe: only whole frames (a header,
 * then a page) and at most one header after them, none of them a commit
 * frame.  SQLite makes frames visible to other connections (by the
 * wal-index header in shared memory) and to recovery after a crash
 * only through a commit frame written after them, and the header of a
 * commit frame (the only frame header whose second word, the database
 * size, is not zero) is never held: it is written, with everything held
 * before it, before its xWrite returns.  So whatever the synchronous
 * setting and locking mode, a reader, a checkpoint or a recovering
 * process never meets a frame that is still held; a write error is
 * returned by the xWrite of the commit frame at the latest, and so
 * fails the COMMIT; and frames lost in a crash are those of a
 * transaction that had not committed, as if never written.  Any other
 * call on the file (a read, a sync, a lock, its size, a write elsewhere,
 * closing) first writes what is held.
 *
 * A future SQLite that wrote a frame in one call, or in another order,
 * would only make this hold nothing. */

/* Frame header (page number, database size for commit frames, salts,
 * checksums: https://www.sqlite.org/fileformat2.html#walformat). */
#define WAL_FRAME_HEADER_SIZE 24
/* SQLite's smallest and largest pages. */
#define WAL_MIN_PAGE_SIZE 512
#define WAL_MAX_PAGE_SIZE 65536
/* What is held is written in calls of at most this (SQLite's largest
 * page): the unix VFS takes no more than 128 KiB - 1 a call, as SQLite
 * itself never writes more than a page at once. */
#define WAL_WRITE_MAX WAL_MAX_PAGE_SIZE
/* Past this much held, a frame header first writes what is held. */
#define WAL_BUFFER_MAX (1024 * 1024)

#define CONSULT_STORE_VFS_NAME "consult-wal"

typedef struct
{
  sqlite3_file   base;
  /* the default VFS's file, in the same allocation after this struct */
  sqlite3_file  *real;
  guint8        *held;
  gsize          held_len;
  gsize          held_allocated;
  sqlite3_int64  held_offset;
  /* the last write held was a frame header: its page comes next */
  gboolean       page_expected;
} WalFile;

/* Room for the default VFS's file after ours, aligned for it. */
#define WAL_FILE_SIZE ((sizeof (WalFile) + 7) & ~(gsize) 7)

static sqlite3_vfs *
parent_vfs (sqlite3_vfs *vfs)
{
  return vfs->pAppData;
}

/* Writes what is held.  On failure keeps all of it, so that the next
 * call on the file writes it again and reports the error too. */
static int
wal_flush (WalFile *self)
{
  for (gsize done = 0; done < self->held_len; done += WAL_WRITE_MAX)
    {
      int amount = (int) MIN (self->held_len - done, WAL_WRITE_MAX);
      int rc = self->real->pMethods->xWrite (self->real, self->held + done, amount,
                                             self->held_offset + (sqlite3_int64) done);

      if (rc != SQLITE_OK)
        return rc;
    }

  self->held_len = 0;
  self->page_expected = FALSE;
  return SQLITE_OK;
}

static void
wal_hold (WalFile       *self,
          const void    *data,
          int            amount,
          sqlite3_int64  offset)
{
  if (self->held_len == 0)
    self->held_offset = offset;
  g_assert (offset == self->held_offset + (sqlite3_int64) self->held_len);

  if (self->held_len + (gsize) amount > self->held_allocated)
    {
      self->held_allocated = MAX (self->held_allocated * 2,
                                  self->held_len + (gsize) amount);
      self->held = g_realloc (self->held, self->held_allocated);
    }
  memcpy (self->held + self->held_len, data, (gsize) amount);
  self->held_len += (gsize) amount;
}

static gboolean
is_commit_frame_header (const guint8 *header)
{
  return (header[4] | header[5] | header[6] | header[7]) != 0;
}

static int
wal_write (sqlite3_file  *file,
           const void    *data,
           int            amount,
           sqlite3_int64  offset)
{
  WalFile *self = (WalFile *) file;
  gboolean appends = self->held_len > 0 &&
                     offset == self->held_offset + (sqlite3_int64) self->held_len;
  int rc;

  /* The page of a frame whose header is held. */
  if (self->page_expected && appends &&
      amount >= WAL_MIN_PAGE_SIZE && amount <= WAL_MAX_PAGE_SIZE)
    {
      wal_hold (self, data, amount, offset);
      self->page_expected = FALSE;
      return SQLITE_OK;
    }

  if (amount == WAL_FRAME_HEADER_SIZE &&
      (self->held_len == 0 || (appends && !self->page_expected)))
    {
      gboolean commit = is_commit_frame_header (data);

      if (self->held_len >= WAL_BUFFER_MAX && (rc = wal_flush (self)) != SQLITE_OK)
        return rc;
      wal_hold (self, data, amount, offset);
      if (!commit)
        {
          self->page_expected = TRUE;
          return SQLITE_OK;
        }
      /* If this fails, SQLite takes this header as not written but
       * what was held before it as written: that stays held, for the
       * next call to write (or fail on) again. */
      if ((rc = wal_flush (self)) != SQLITE_OK)
        self->held_len -= (gsize) amount;
      return rc;
    }

  if ((rc = wal_flush (self)) != SQLITE_OK)
    return rc;
  return self->real->pMethods->xWrite (self->real, data, amount, offset);
}

static int
wal_close (sqlite3_file *file)
{
  WalFile *self = (WalFile *) file;
  /* Frames still held belong to a transaction that never committed:
   * written all the same, as SQLite would have left them. */
  int rc = wal_flush (self);
  int close_rc = self->real->pMethods->xClose (self->real);

  g_clear_pointer (&self->held, g_free);
  self->held_len = self->held_allocated = 0;

  return rc != SQLITE_OK ? rc : close_rc;
}

static int
wal_read (sqlite3_file  *file,
          void          *data,
          int            amount,
          sqlite3_int64  offset)
{
  WalFile *self = (WalFile *) file;
  int rc = wal_flush (self);

  return rc != SQLITE_OK ? rc : self->real->pMethods->xRead (self->real, data, amount, offset);
}

static int
wal_truncate (sqlite3_file  *file,
              sqlite3_int64  size)
{
  WalFile *self = (WalFile *) file;
  int rc = wal_flush (self);

  return rc != SQLITE_OK ? rc : self->real->pMethods->xTruncate (self->real, size);
}

static int
wal_sync (sqlite3_file *file,
          int           flags)
{
  WalFile *self = (WalFile *) file;
  int rc = wal_flush (self);

  return rc != SQLITE_OK ? rc : self->real->pMethods->xSync (self->real, flags);
}

static int
wal_file_size (sqlite3_file  *file,
               sqlite3_int64 *size)
{
  WalFile *self = (WalFile *) file;
  int rc = wal_flush (self);

  return rc != SQLITE_OK ? rc : self->real->pMethods->xFileSize (self->real, size);
}

static int
wal_lock (sqlite3_file *file,
          int           level)
{
  WalFile *self = (WalFile *) file;
  int rc = wal_flush (self);

  return rc != SQLITE_OK ? rc : self->real->pMethods->xLock (self->real, level);
}

static int
wal_unlock (sqlite3_file *file,
            int           level)
{
  WalFile *self = (WalFile *) file;
  int rc = wal_flush (self);

  return rc != SQLITE_OK ? rc : self->real->pMethods->xUnlock (self->real, level);
}

static int
wal_check_reserved_lock (sqlite3_file *file,
                         int          *reserved)
{
  WalFile *self = (WalFile *) file;
  int rc = wal_flush (self);

  return rc != SQLITE_OK ? rc : self->real->pMethods->xCheckReservedLock (self->real, reserved);
}

static int
wal_file_control (sqlite3_file *file,
                  int           op,
                  void         *arg)
{
  WalFile *self = (WalFile *) file;
  int rc = wal_flush (self);

  return rc != SQLITE_OK ? rc : self->real->pMethods->xFileControl (self->real, op, arg);
}

/* These two describe the device, not the file's content: nothing to
 * write first (and no way to report a failure to). */
static int
wal_sector_size (sqlite3_file *file)
{
  WalFile *self = (WalFile *) file;

  return self->real->pMethods->xSectorSize (self->real);
}

static int
wal_device_characteristics (sqlite3_file *file)
{
  WalFile *self = (WalFile *) file;

  return self->real->pMethods->xDeviceCharacteristics (self->real);
}

/* Version 1: SQLite maps shared memory and fetches pages of a database
 * file, never of its WAL. */
static const sqlite3_io_methods wal_io_methods = {
  .iVersion = 1,
  .xClose = wal_close,
  .xRead = wal_read,
  .xWrite = wal_write,
  .xTruncate = wal_truncate,
  .xSync = wal_sync,
  .xFileSize = wal_file_size,
  .xLock = wal_lock,
  .xUnlock = wal_unlock,
  .xCheckReservedLock = wal_check_reserved_lock,
  .xFileControl = wal_file_control,
  .xSectorSize = wal_sector_size,
  .xDeviceCharacteristics = wal_device_characteristics,
};

/* Files other than WALs are the default VFS's own, opened in the
 * (larger) space SQLite allocated for ours. */
static int
vfs_open (sqlite3_vfs  *vfs,
          const char   *name,
          sqlite3_file *file,
          int           flags,
          int          *out_flags)
{
  sqlite3_vfs *parent = parent_vfs (vfs);
  WalFile *self = (WalFile *) file;
  sqlite3_file *real;
  int rc;

  if ((flags & SQLITE_OPEN_WAL) == 0)
    return parent->xOpen (parent, name, file, flags, out_flags);

  memset (self, 0, sizeof *self);
  real = (sqlite3_file *) ((guint8 *) file + WAL_FILE_SIZE);
  rc = parent->xOpen (parent, name, real, flags, out_flags);
  if (rc != SQLITE_OK)
    {
      /* SQLite closes nothing whose open failed. */
      if (real->pMethods != NULL)
        real->pMethods->xClose (real);
      return rc;
    }

  self->real = real;
  self->base.pMethods = &wal_io_methods;
  return SQLITE_OK;
}

static int
vfs_delete (sqlite3_vfs *vfs,
            const char  *name,
            int          sync_dir)
{
  sqlite3_vfs *parent = parent_vfs (vfs);

  return parent->xDelete (parent, name, sync_dir);
}

static int
vfs_access (sqlite3_vfs *vfs,
            const char  *name,
            int          flags,
            int         *result)
{
  sqlite3_vfs *parent = parent_vfs (vfs);

  return parent->xAccess (parent, name, flags, result);
}

static int
vfs_full_pathname (sqlite3_vfs *vfs,
                   const char  *name,
                   int          n_out,
                   char        *out)
{
  sqlite3_vfs *parent = parent_vfs (vfs);

  return parent->xFullPathname (parent, name, n_out, out);
}

static void *
vfs_dl_open (sqlite3_vfs *vfs,
             const char  *filename)
{
  sqlite3_vfs *parent = parent_vfs (vfs);

  return parent->xDlOpen (parent, filename);
}

static void
vfs_dl_error (sqlite3_vfs *vfs,
              int          n_bytes,
              char        *message)
{
  sqlite3_vfs *parent = parent_vfs (vfs);

  parent->xDlError (parent, n_bytes, message);
}

static void (*vfs_dl_sym (sqlite3_vfs *vfs,
                          void        *handle,
                          const char  *symbol)) (void)
{
  sqlite3_vfs *parent = parent_vfs (vfs);

  return parent->xDlSym (parent, handle, symbol);
}

static void
vfs_dl_close (sqlite3_vfs *vfs,
              void        *handle)
{
  sqlite3_vfs *parent = parent_vfs (vfs);

  parent->xDlClose (parent, handle);
}

static int
vfs_randomness (sqlite3_vfs *vfs,
                int          n_bytes,
                char        *out)
{
  sqlite3_vfs *parent = parent_vfs (vfs);

  return parent->xRandomness (parent, n_bytes, out);
}

static int
vfs_sleep (sqlite3_vfs *vfs,
           int          microseconds)
{
  sqlite3_vfs *parent = parent_vfs (vfs);

  return parent->xSleep (parent, microseconds);
}

static int
vfs_current_time (sqlite3_vfs *vfs,
                  double      *now)
{
  sqlite3_vfs *parent = parent_vfs (vfs);

  return parent->xCurrentTime (parent, now);
}

static int
vfs_get_last_error (sqlite3_vfs *vfs,
                    int          n_bytes,
                    char        *message)
{
  sqlite3_vfs *parent = parent_vfs (vfs);

  return parent->xGetLastError (parent, n_bytes, message);
}

static int
vfs_current_time_int64 (sqlite3_vfs   *vfs,
                        sqlite3_int64 *now)
{
  sqlite3_vfs *parent = parent_vfs (vfs);

  return parent->xCurrentTimeInt64 (parent, now);
}

/**
 * _consult_store_vfs_name:
 *
 * Registers, once per process, the VFS that writes a transaction's WAL
 * frames with one call (see above), and returns its name for
 * sqlite3_open_v2().
 *
 * Returns: the VFS's name, or %NULL (the default VFS) if the default
 *   VFS is not one it can wrap
 */
const char *
_consult_store_vfs_name (void)
{
  /* SQLite keeps the pointer it is given for the life of the process
   * and takes its size and path limit from the default VFS, known only
   * at run time: so one static, filled in once, and never the default
   * (makeDflt = 0), so that other code opening databases is unchanged. */
  static sqlite3_vfs vfs;
  static gsize registered = 0;

  if (g_once_init_enter (&registered))
    {
      sqlite3_vfs *parent = sqlite3_vfs_find (NULL);
      gsize result = 1;

      if (parent != NULL && parent->iVersion >= 2)
        {
          vfs = (sqlite3_vfs) {
            .iVersion = 2,
            .szOsFile = (int) (WAL_FILE_SIZE + (gsize) parent->szOsFile),
            .mxPathname = parent->mxPathname,
            .zName = CONSULT_STORE_VFS_NAME,
            .pAppData = parent,
            .xOpen = vfs_open,
            .xDelete = vfs_delete,
            .xAccess = vfs_access,
            .xFullPathname = vfs_full_pathname,
            .xDlOpen = vfs_dl_open,
            .xDlError = vfs_dl_error,
            .xDlSym = vfs_dl_sym,
            .xDlClose = vfs_dl_close,
            .xRandomness = vfs_randomness,
            .xSleep = vfs_sleep,
            .xCurrentTime = vfs_current_time,
            .xGetLastError = vfs_get_last_error,
            .xCurrentTimeInt64 = vfs_current_time_int64,
          };
          if (sqlite3_vfs_register (&vfs, 0) == SQLITE_OK)
            result = 2;
          else
            g_debug ("The WAL-writing VFS could not be registered");
        }
      g_once_init_leave (&registered, result);
    }

  return registered == 2 ? CONSULT_STORE_VFS_NAME : NULL;
}
