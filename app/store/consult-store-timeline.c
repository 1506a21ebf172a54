/* consult-store-timeline.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-store"

#include "config.h"

#include <glib/gi18n.h>

#include "consult-store-timeline.h"
#include "consult-store-private.h"

/* Four kinds of event in one indexed pass per table; the kind number
 * orders events that share a time (a sign-off after its plan version). */
#define TIMELINE_SQL \
  "SELECT 0, k.recorded_at, k.id, k.id, k.consultation_date, 0, NULL, k.consultant " \
  "FROM consultations k WHERE k.client_id = ?1 " \
  "UNION ALL " \
  "SELECT 1, p.created_at, p.id, k.id, k.consultation_date, p.version, p.status, p.author " \
  "FROM consultations k JOIN plan_versions p ON p.consultation_id = k.id " \
  "WHERE k.client_id = ?1 " \
  "UNION ALL " \
  "SELECT 2, p.signed_at, p.id, k.id, k.consultation_date, p.version, p.status, p.physician " \
  "FROM consultations k JOIN plan_versions p ON p.consultation_id = k.id " \
  "WHERE k.client_id = ?1 AND p.signed_at IS NOT NULL " \
  "UNION ALL " \
  "SELECT 3, c.recorded_at, c.id, k.id, k.consultation_date, p.version, p.status, c.recorded_by " \
  "FROM consultations k JOIN plan_versions p ON p.consultation_id = k.id " \
  "JOIN consents c ON c.plan_id = p.id WHERE k.client_id = ?1 " \
  "ORDER BY 2 DESC, 1 DESC"

void
consult_timeline_entry_free (ConsultTimelineEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->record_id);
  g_free (entry->consultation_id);
  g_free (entry->consultation_date);
  g_free (entry->who);
  g_free (entry);
}

const char *
consult_timeline_kind_to_string (ConsultTimelineKind kind)
{
  static const char *const names[] = { "consultation", "plan_version", "sign_off", "consent" };

  g_return_val_if_fail (kind <= CONSULT_TIMELINE_CONSENT, NULL);

  return names[kind];
}

static gboolean
client_exists (ConsultStore  *self,
               const char    *client_id,
               GError       **error)
{
  g_autoptr (ConsultStoreStmt) stmt = NULL;
  int found;

  stmt = _consult_store_prepare (self, "SELECT 1 FROM clients WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;

  _consult_store_bind_text (stmt, 1, client_id);
  if ((found = _consult_store_step_row (self, stmt, error)) == 0)
    _consult_store_not_found (error, _("No client with that id was found."));

  return found > 0;
}

GPtrArray *
consult_store_get_timeline (ConsultStore  *self,
                            const char    *client_id,
                            GError       **error)
{
  g_autoptr (GRecMutexLocker) locker = NULL;
  g_autoptr (ConsultStoreStmt) stmt = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  int found;

  g_return_val_if_fail (CONSULT_IS_STORE (self), NULL);
  g_return_val_if_fail (client_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  locker = g_rec_mutex_locker_new (&self->lock);
  if (!client_exists (self, client_id, error) ||
      !(stmt = _consult_store_prepare (self, TIMELINE_SQL, error)))
    return NULL;

  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) consult_timeline_entry_free);
  _consult_store_bind_text (stmt, 1, client_id);
  while ((found = _consult_store_step_row (self, stmt, error)) > 0)
    {
      ConsultTimelineEntry *entry = g_new0 (ConsultTimelineEntry, 1);

      entry->kind = (ConsultTimelineKind) sqlite3_column_int (stmt, 0);
      entry->time = sqlite3_column_int64 (stmt, 1);
      entry->record_id = _consult_store_column_dup (stmt, 2);
      entry->consultation_id = _consult_store_column_dup (stmt, 3);
      entry->consultation_date = _consult_store_column_dup (stmt, 4);
      entry->plan_version = (guint) sqlite3_column_int64 (stmt, 5);
      entry->plan_status = _consult_store_plan_status_from_string ((const char *) sqlite3_column_text (stmt, 6));
      entry->who = _consult_store_column_dup (stmt, 7);
      g_ptr_array_add (entries, entry);
    }

  return found < 0 ? NULL : g_steal_pointer (&entries);
}
