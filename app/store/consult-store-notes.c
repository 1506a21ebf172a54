/* consult-store-notes.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-store"

#include "config.h"

#include "consult-store-private.h"

/* The full-text entries of consultation notes are written after the
 * save (migration 0007): a trigger notes the consultation in
 * consultation_notes_pending, with the notes its entry holds, if any,
 * and the store's background thread calls this at a quiet moment.  A
 * search of the notes meanwhile matches the noted consultations by
 * their notes as they stand (consult-client-list.c). */

/* The consultations a step handles, the same set in each statement of
 * the step's transaction. */
#define BATCH "(SELECT num FROM consultation_notes_pending ORDER BY num LIMIT ?1)"

static const char *const index_steps[] = {
  "INSERT INTO consultation_fts (consultation_fts, rowid, notes) "
  "SELECT 'delete', num, indexed_notes FROM consultation_notes_pending "
  "WHERE indexed_notes IS NOT NULL AND num IN " BATCH,
  "INSERT INTO consultation_fts (rowid, notes) "
  "SELECT k.num, k.notes FROM consultations k WHERE k.num IN " BATCH,
  "DELETE FROM consultation_notes_pending WHERE num IN " BATCH,
};

/* Rewrites the full-text entries of up to @max_consultations of the
 * consultations noted, in the caller's write transaction on @db, and
 * says whether others may remain.  Returns an SQLite result code: on
 * failure, roll back. */
int
_consult_store_index_pending_notes (sqlite3  *db,
                                    guint     max_consultations,
                                    gboolean *more)
{
  int rc = SQLITE_OK;

  for (guint i = 0; i < G_N_ELEMENTS (index_steps) && rc == SQLITE_OK; i++)
    rc = _consult_store_run (db, index_steps[i], max_consultations, NULL, NULL);

  /* The last step took the notes of the batch: a full one may leave
   * more (or, at worst, an empty step next). */
  *more = rc == SQLITE_OK && sqlite3_changes (db) >= (gint64) max_consultations;

  return rc;
}
