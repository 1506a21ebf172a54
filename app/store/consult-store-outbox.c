/* consult-store-outbox.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-store"

#include "config.h"

#include <glib/gi18n.h>

#include "consult-store-outbox-private.h"

#define ENTRY_COLUMNS \
  "id, plan_id, consultation_id, client_id, state, attempts, enqueued_at, " \
  "next_attempt_at, sent_at, last_status, last_error"

/* In the order of ConsultStoreOutboxState; the CHECK constraint allows no
 * other text. */
static const char *const state_names[] = { "pending", "sent", "failed", "superseded" };

void
consult_store_outbox_entry_free (ConsultStoreOutboxEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->id);
  g_free (entry->plan_id);
  g_free (entry->consultation_id);
  g_free (entry->client_id);
  g_free (entry->last_error);
  g_free (entry);
}

const char *
consult_store_outbox_state_to_string (ConsultStoreOutboxState state)
{
  g_return_val_if_fail (state <= CONSULT_STORE_OUTBOX_SUPERSEDED, NULL);

  return state_names[state];
}

static ConsultStoreOutboxState
state_from_string (const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (state_names); i++)
    if (g_strcmp0 (text, state_names[i]) == 0)
      return (ConsultStoreOutboxState) i;

  g_return_val_if_reached (CONSULT_STORE_OUTBOX_PENDING);
}

static ConsultStoreOutboxEntry *
entry_from_row (ConsultStoreStmt *stmt)
{
  ConsultStoreOutboxEntry *entry = g_new0 (ConsultStoreOutboxEntry, 1);

  entry->id = _consult_store_column_dup (stmt, 0);
  entry->plan_id = _consult_store_column_dup (stmt, 1);
  entry->consultation_id = _consult_store_column_dup (stmt, 2);
  entry->client_id = _consult_store_column_dup (stmt, 3);
  entry->state = state_from_string ((const char *) sqlite3_column_text (stmt, 4));
  entry->attempts = (guint) sqlite3_column_int64 (stmt, 5);
  entry->enqueued_at = sqlite3_column_int64 (stmt, 6);
  entry->next_attempt_at = sqlite3_column_int64 (stmt, 7);
  entry->sent_at = sqlite3_column_int64 (stmt, 8);
  entry->last_status = (guint) sqlite3_column_int64 (stmt, 9);
  entry->last_error = _consult_store_column_dup (stmt, 10);

  return entry;
}

/* Runs @stmt (bound, one parameter at most) and returns its single row as
 * an entry; NOT_FOUND when there is none. */
static ConsultStoreOutboxEntry *
get_entry (ConsultStore      *self,
           ConsultStoreStmt  *stmt,
           GError           **error)
{
  int found = _consult_store_step_row (self, stmt, error);

  if (found == 0)
    _consult_store_not_found (error, _("No outbox entry was found for that record."));
  if (found <= 0)
    return NULL;

  return entry_from_row (stmt);
}

ConsultStoreOutboxEntry *
_consult_store_outbox_get_entry (ConsultStore  *self,
                                 const char    *entry_id,
                                 GError       **error)
{
  g_autoptr (ConsultStoreStmt) stmt = NULL;

  stmt = _consult_store_prepare (self, "SELECT " ENTRY_COLUMNS " FROM fhir_outbox WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;

  _consult_store_bind_text (stmt, 1, entry_id);
  return get_entry (self, stmt, error);
}

ConsultStoreOutboxEntry *
consult_store_outbox_get (ConsultStore  *self,
                          const char    *entry_id,
                          GError       **error)
{
  g_autoptr (GRecMutexLocker) locker = NULL;

  g_return_val_if_fail (CONSULT_IS_STORE (self), NULL);
  g_return_val_if_fail (entry_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  locker = g_rec_mutex_locker_new (&self->lock);
  return _consult_store_outbox_get_entry (self, entry_id, error);
}

ConsultStoreOutboxEntry *
consult_store_outbox_get_for_consultation (ConsultStore  *self,
                                           const char    *consultation_id,
                                           GError       **error)
{
  g_autoptr (GRecMutexLocker) locker = NULL;
  g_autoptr (ConsultStoreStmt) stmt = NULL;

  g_return_val_if_fail (CONSULT_IS_STORE (self), NULL);
  g_return_val_if_fail (consultation_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  locker = g_rec_mutex_locker_new (&self->lock);
  stmt = _consult_store_prepare (self,
                                 "SELECT " ENTRY_COLUMNS " FROM fhir_outbox "
                                 "WHERE consultation_id = ? ORDER BY "
                                 "CASE state WHEN 'failed' THEN 0 WHEN 'pending' THEN 1 "
                                 "WHEN 'sent' THEN 2 ELSE 3 END, num DESC LIMIT 1",
                                 error);
  if (stmt == NULL)
    return NULL;

  _consult_store_bind_text (stmt, 1, consultation_id);
  return get_entry (self, stmt, error);
}

GPtrArray *
consult_store_outbox_list_due (ConsultStore  *self,
                               gint64         now,
                               guint          limit,
                               GError       **error)
{
  g_autoptr (GRecMutexLocker) locker = NULL;
  g_autoptr (ConsultStoreStmt) stmt = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  int found;

  g_return_val_if_fail (CONSULT_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  locker = g_rec_mutex_locker_new (&self->lock);
  stmt = _consult_store_prepare (self,
                                 "SELECT " ENTRY_COLUMNS " FROM fhir_outbox "
                                 "WHERE state = 'pending' AND next_attempt_at <= ? "
                                 "ORDER BY num LIMIT ?",
                                 error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, now);
  sqlite3_bind_int64 (stmt, 2, limit > 0 ? (gint64) limit : -1);

  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) consult_store_outbox_entry_free);
  while ((found = _consult_store_step_row (self, stmt, error)) > 0)
    g_ptr_array_add (entries, entry_from_row (stmt));

  return found < 0 ? NULL : g_steal_pointer (&entries);
}

gboolean
consult_store_outbox_get_counts (ConsultStore  *self,
                                 guint         *n_pending,
                                 guint         *n_failed,
                                 guint         *n_sent,
                                 gint64        *next_attempt_at,
                                 GError       **error)
{
  g_autoptr (GRecMutexLocker) locker = NULL;
  g_autoptr (ConsultStoreStmt) stmt = NULL;

  g_return_val_if_fail (CONSULT_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  locker = g_rec_mutex_locker_new (&self->lock);
  stmt = _consult_store_prepare (self,
                                 "SELECT (SELECT count(*) FROM fhir_outbox WHERE state = 'pending'), "
                                 "(SELECT count(*) FROM fhir_outbox WHERE state = 'failed'), "
                                 "(SELECT count(*) FROM fhir_outbox WHERE state = 'sent'), "
                                 "(SELECT ifnull (min (next_attempt_at), 0) FROM fhir_outbox "
                                 "WHERE state = 'pending')",
                                 error);
  if (stmt == NULL || _consult_store_step_row (self, stmt, error) < 0)
    return FALSE;

  if (n_pending != NULL)
    *n_pending = (guint) sqlite3_column_int64 (stmt, 0);
  if (n_failed != NULL)
    *n_failed = (guint) sqlite3_column_int64 (stmt, 1);
  if (n_sent != NULL)
    *n_sent = (guint) sqlite3_column_int64 (stmt, 2);
  if (next_attempt_at != NULL)
    *next_attempt_at = sqlite3_column_int64 (stmt, 3);

  return TRUE;
}

/* The audit row for a write to an entry, from the row as it now is:
 * ids, state and counters only (the error text only as part of the
 * digest, like every audited value). */
gboolean
_consult_store_outbox_audit (ConsultStore  *self,
                             const char    *action,
                             const char    *entry_id,
                             GError       **error)
{
  g_autoptr (ConsultStoreOutboxEntry) entry = _consult_store_outbox_get_entry (self, entry_id, error);
  g_autofree char *attempts = NULL;
  g_autofree char *next_attempt_at = NULL;
  g_autofree char *last_status = NULL;

  if (entry == NULL)
    return FALSE;

  attempts = g_strdup_printf ("%u", entry->attempts);
  next_attempt_at = g_strdup_printf ("%" G_GINT64_FORMAT, entry->next_attempt_at);
  last_status = g_strdup_printf ("%u", entry->last_status);

  {
    const char *fields[] = {
      "plan_id", entry->plan_id,
      "state", state_names[entry->state],
      "attempts", attempts,
      "next_attempt_at", next_attempt_at,
      "last_status", last_status,
      "last_error", entry->last_error,
      NULL,
    };

    return _consult_store_audit_append (self, action, "fhir_outbox", entry_id, fields, error);
  }
}

gboolean
_consult_store_outbox_for_each (ConsultStore                *self,
                                ConsultStoreStmt            *select,
                                ConsultStoreOutboxEntryFunc  func,
                                GError                     **error)
{
  g_autoptr (GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  int found;

  while ((found = _consult_store_step_row (self, select, error)) > 0)
    g_ptr_array_add (ids, _consult_store_column_dup (select, 0));
  sqlite3_reset (select);
  if (found < 0)
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    if (!func (self, g_ptr_array_index (ids, i), error))
      return FALSE;

  return TRUE;
}

static gboolean
supersede_entry (ConsultStore  *self,
                 const char    *entry_id,
                 GError       **error)
{
  g_autoptr (ConsultStoreStmt) stmt = NULL;

  stmt = _consult_store_prepare (self, "UPDATE fhir_outbox SET state = 'superseded' WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;

  _consult_store_bind_text (stmt, 1, entry_id);
  return _consult_store_step_done (self, stmt, error) &&
         _consult_store_outbox_audit (self, "supersede", entry_id, error);
}

static gboolean
delete_entry (ConsultStore  *self,
              const char    *entry_id,
              GError       **error)
{
  g_autoptr (ConsultStoreStmt) stmt = NULL;
  const char *fields[] = { NULL };

  stmt = _consult_store_prepare (self, "DELETE FROM fhir_outbox WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;

  _consult_store_bind_text (stmt, 1, entry_id);
  return _consult_store_step_done (self, stmt, error) &&
         _consult_store_audit_append (self, "delete", "fhir_outbox", entry_id, fields, error);
}

/* Inside the caller's transaction: a new entry for @plan_id, due now. */
static gboolean
insert_entry (ConsultStore  *self,
              const char    *plan_id,
              GError       **error)
{
  g_autoptr (ConsultStoreStmt) plan = NULL;
  g_autoptr (ConsultStoreStmt) insert = NULL;
  g_autofree char *id = _consult_store_new_id ();
  gint64 now = _consult_store_now ();
  int found;

  plan = _consult_store_prepare (self,
                                 "SELECT p.consultation_id, k.client_id FROM plan_versions p "
                                 "JOIN consultations k ON k.id = p.consultation_id WHERE p.id = ?",
                                 error);
  insert = _consult_store_prepare (self,
                                   "INSERT INTO fhir_outbox (id, plan_id, consultation_id, client_id, "
                                   "enqueued_at, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?)",
                                   error);
  if (plan == NULL || insert == NULL)
    return FALSE;

  _consult_store_bind_text (plan, 1, plan_id);
  if ((found = _consult_store_step_row (self, plan, error)) <= 0)
    {
      if (found == 0)
        _consult_store_not_found (error, _("No plan version with that id was found."));
      return FALSE;
    }

  _consult_store_bind_text (insert, 1, id);
  _consult_store_bind_text (insert, 2, plan_id);
  _consult_store_bind_text (insert, 3, (const char *) sqlite3_column_text (plan, 0));
  _consult_store_bind_text (insert, 4, (const char *) sqlite3_column_text (plan, 1));
  sqlite3_bind_int64 (insert, 5, now);
  sqlite3_bind_int64 (insert, 6, now);

  return _consult_store_step_done (self, insert, error) &&
         _consult_store_outbox_audit (self, "insert", id, error);
}

/* Inside the caller's transaction: @plan_id's current state must reach
 * the server.  Its waiting entry, if any, is replaced by a new one due
 * now, so that a sender still holding the old one cannot mark newer
 * content as sent. */
gboolean
_consult_store_outbox_enqueue (ConsultStore  *self,
                               const char    *plan_id,
                               GError       **error)
{
  g_autoptr (ConsultStoreStmt) waiting = NULL;

  g_assert (!sqlite3_get_autocommit (self->db));

  waiting = _consult_store_prepare (self,
                                    "SELECT id FROM fhir_outbox "
                                    "WHERE plan_id = ? AND state IN ('pending', 'failed')",
                                    error);
  if (waiting == NULL)
    return FALSE;

  _consult_store_bind_text (waiting, 1, plan_id);
  return _consult_store_outbox_for_each (self, waiting, supersede_entry, error) &&
         insert_entry (self, plan_id, error);
}

/* Inside the transaction that inserted the plan version @plan_id: with
 * an id that new, no entry can be waiting for it (the unique index
 * fhir_outbox_one_unsent would refuse a second one anyway). */
gboolean
_consult_store_outbox_enqueue_new (ConsultStore  *self,
                                   const char    *plan_id,
                                   GError       **error)
{
  g_assert (!sqlite3_get_autocommit (self->db));

  return insert_entry (self, plan_id, error);
}

/* Inside the transaction that superseded the signed version @plan_id: a
 * server that already holds it must learn that it is revoked. */
gboolean
_consult_store_outbox_resend_if_sent (ConsultStore  *self,
                                      const char    *plan_id,
                                      GError       **error)
{
  g_autoptr (ConsultStoreStmt) stmt = NULL;
  int found;

  stmt = _consult_store_prepare (self,
                                 "SELECT 1 FROM fhir_outbox WHERE plan_id = ? AND state = 'sent'",
                                 error);
  if (stmt == NULL)
    return FALSE;

  _consult_store_bind_text (stmt, 1, plan_id);
  if ((found = _consult_store_step_row (self, stmt, error)) < 0)
    return FALSE;
  sqlite3_reset (stmt);

  return found == 0 || _consult_store_outbox_enqueue (self, plan_id, error);
}

/* Inside the transaction that signed @plan: the older versions of its
 * consultation that never reached the server need not reach it now (the
 * signed version replaces them), and the signed version itself must. */
gboolean
_consult_store_outbox_on_sign (ConsultStore                   *self,
                               const ConsultStorePlanVersion  *plan,
                               GError                        **error)
{
  g_autoptr (ConsultStoreStmt) unsent = NULL;

  unsent = _consult_store_prepare (self,
                                   "SELECT o.id FROM fhir_outbox o "
                                   "WHERE o.consultation_id = ? AND o.plan_id <> ? "
                                   "AND o.state IN ('pending', 'failed') "
                                   "AND NOT EXISTS (SELECT 1 FROM fhir_outbox s "
                                   "WHERE s.plan_id = o.plan_id AND s.state = 'sent')",
                                   error);
  if (unsent == NULL)
    return FALSE;

  _consult_store_bind_text (unsent, 1, plan->consultation_id);
  _consult_store_bind_text (unsent, 2, plan->id);

  return _consult_store_outbox_for_each (self, unsent, supersede_entry, error) &&
         _consult_store_outbox_enqueue (self, plan->id, error);
}

/* Inside the transaction that deletes the draft @plan_id: what was never
 * sent goes with it; a sent entry stays as the record that the server
 * received that draft. */
gboolean
_consult_store_outbox_forget_plan (ConsultStore  *self,
                                   const char    *plan_id,
                                   GError       **error)
{
  g_autoptr (ConsultStoreStmt) unsent = NULL;

  unsent = _consult_store_prepare (self,
                                   "SELECT id FROM fhir_outbox WHERE plan_id = ? AND state <> 'sent'",
                                   error);
  if (unsent == NULL)
    return FALSE;

  _consult_store_bind_text (unsent, 1, plan_id);
  return _consult_store_outbox_for_each (self, unsent, delete_entry, error);
}
