/* consult-store-outbox.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-store"

#include "config.h"

#include <glib/gi18n.h>

#include "consult-store-outbox.h"
#include "consult-store-private.h"

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

ConsultStoreServerId *
consult_store_server_id_new (const char *resource_type,
                             const char *record_id,
                             const char *server_id,
                             const char *version_id)
{
  ConsultStoreServerId *id = g_new0 (ConsultStoreServerId, 1);

  id->resource_type = g_strdup (resource_type);
  id->record_id = g_strdup (record_id);
  id->server_id = g_strdup (server_id);
  id->version_id = g_strdup (version_id);

  return id;
}

void
consult_store_server_id_free (ConsultStoreServerId *id)
{
  if (id == NULL)
    return;

  g_free (id->resource_type);
  g_free (id->record_id);
  g_free (id->server_id);
  g_free (id->version_id);
  g_free (id);
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

static ConsultStoreOutboxEntry *
get_entry_by_id (ConsultStore  *self,
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
  return get_entry_by_id (self, entry_id, error);
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

ConsultStoreServerId *
consult_store_get_server_id (ConsultStore  *self,
                             const char    *resource_type,
                             const char    *record_id,
                             GError       **error)
{
  g_autoptr (GRecMutexLocker) locker = NULL;
  g_autoptr (ConsultStoreStmt) stmt = NULL;
  int found;

  g_return_val_if_fail (CONSULT_IS_STORE (self), NULL);
  g_return_val_if_fail (resource_type != NULL && record_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  locker = g_rec_mutex_locker_new (&self->lock);
  stmt = _consult_store_prepare (self,
                                 "SELECT server_id, version_id FROM fhir_server_ids "
                                 "WHERE resource_type = ? AND record_id = ?",
                                 error);
  if (stmt == NULL)
    return NULL;

  _consult_store_bind_text (stmt, 1, resource_type);
  _consult_store_bind_text (stmt, 2, record_id);
  if ((found = _consult_store_step_row (self, stmt, error)) <= 0)
    {
      if (found == 0)
        _consult_store_not_found (error, _("The FHIR server’s id for that record is not known."));
      return NULL;
    }

  return consult_store_server_id_new (resource_type, record_id,
                                      (const char *) sqlite3_column_text (stmt, 0),
                                      (const char *) sqlite3_column_text (stmt, 1));
}

/* The audit row for a write to an entry, from the row as it now is:
 * ids, state and counters only (the error text only as part of the
 * digest, like every audited value). */
static gboolean
audit_entry (ConsultStore  *self,
             const char    *action,
             const char    *entry_id,
             GError       **error)
{
  g_autoptr (ConsultStoreOutboxEntry) entry = get_entry_by_id (self, entry_id, error);
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

typedef gboolean (*EntryFunc) (ConsultStore  *self,
                               const char    *entry_id,
                               GError       **error);

/* Applies @func to the id (first column) of every row @select (bound)
 * returns; the ids are read first, so that @func may change those rows. */
static gboolean
for_each_entry (ConsultStore      *self,
                ConsultStoreStmt  *select,
                EntryFunc          func,
                GError           **error)
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
         audit_entry (self, "supersede", entry_id, error);
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

/* Inside the caller's transaction: @plan_id's current state must reach
 * the server.  Its waiting entry, if any, is replaced by a new one due
 * now, so that a sender still holding the old one cannot mark newer
 * content as sent. */
gboolean
_consult_store_outbox_enqueue (ConsultStore  *self,
                               const char    *plan_id,
                               GError       **error)
{
  g_autoptr (ConsultStoreStmt) plan = NULL;
  g_autoptr (ConsultStoreStmt) waiting = NULL;
  g_autoptr (ConsultStoreStmt) insert = NULL;
  g_autofree char *id = g_uuid_string_random ();
  gint64 now = _consult_store_now ();
  int found;

  g_assert (!sqlite3_get_autocommit (self->db));

  waiting = _consult_store_prepare (self,
                                    "SELECT id FROM fhir_outbox "
                                    "WHERE plan_id = ? AND state IN ('pending', 'failed')",
                                    error);
  if (waiting == NULL)
    return FALSE;

  _consult_store_bind_text (waiting, 1, plan_id);
  if (!for_each_entry (self, waiting, supersede_entry, error))
    return FALSE;

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
         audit_entry (self, "insert", id, error);
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

  return for_each_entry (self, unsent, supersede_entry, error) &&
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
  return for_each_entry (self, unsent, delete_entry, error);
}

typedef struct
{
  const char *entry_id;
  GPtrArray  *server_ids;
  gint64      next_attempt_at;
  guint       status;
  const char *reason;
  guint       n_queued;
} OutboxOp;

/* A sender may only report on an entry that is still waiting: one
 * replaced meanwhile stands for content it did not send. */
static gboolean
require_pending (ConsultStore  *self,
                 const char    *entry_id,
                 GError       **error)
{
  g_autoptr (ConsultStoreOutboxEntry) entry = get_entry_by_id (self, entry_id, error);

  if (entry == NULL)
    return FALSE;

  if (entry->state != CONSULT_STORE_OUTBOX_PENDING)
    {
      g_set_error_literal (error, CONSULT_STORE_ERROR, CONSULT_STORE_ERROR_CONFLICT,
                           _("This outbox entry is no longer waiting to be sent: it was "
                             "sent or refused already, or newer changes replaced it."));
      return FALSE;
    }

  return TRUE;
}

static gboolean
upsert_server_id (ConsultStore                *self,
                  const ConsultStoreServerId  *id,
                  GError                     **error)
{
  g_autoptr (ConsultStoreStmt) stmt = NULL;
  g_autofree char *audit_id = NULL;
  const char *fields[] = {
    "resource_type", id->resource_type,
    "record_id", id->record_id,
    "server_id", id->server_id,
    "version_id", id->version_id,
    NULL,
  };

  if (_consult_store_is_blank (id->resource_type) || _consult_store_is_blank (id->record_id) ||
      _consult_store_is_blank (id->server_id))
    {
      g_set_error_literal (error, CONSULT_STORE_ERROR, CONSULT_STORE_ERROR_INVALID,
                           _("A server id needs a resource type, our record id and the server’s id."));
      return FALSE;
    }

  stmt = _consult_store_prepare (self,
                                 "INSERT INTO fhir_server_ids (resource_type, record_id, server_id, "
                                 "version_id, updated_at) VALUES (?, ?, ?, ?, ?) "
                                 "ON CONFLICT (resource_type, record_id) DO UPDATE SET "
                                 "server_id = excluded.server_id, version_id = excluded.version_id, "
                                 "updated_at = excluded.updated_at",
                                 error);
  if (stmt == NULL)
    return FALSE;

  _consult_store_bind_text (stmt, 1, id->resource_type);
  _consult_store_bind_text (stmt, 2, id->record_id);
  _consult_store_bind_text (stmt, 3, id->server_id);
  _consult_store_bind_text (stmt, 4, id->version_id);
  sqlite3_bind_int64 (stmt, 5, _consult_store_now ());

  audit_id = g_strconcat (id->resource_type, "/", id->record_id, NULL);
  return _consult_store_step_done (self, stmt, error) &&
         _consult_store_audit_append (self, "upsert", "fhir_server_ids", audit_id, fields, error);
}

static gboolean
mark_sent_in_transaction (ConsultStore  *self,
                          gpointer       user_data,
                          GError       **error)
{
  OutboxOp *op = user_data;
  g_autoptr (ConsultStoreStmt) stmt = NULL;

  if (!require_pending (self, op->entry_id, error))
    return FALSE;

  stmt = _consult_store_prepare (self,
                                 "UPDATE fhir_outbox SET state = 'sent', sent_at = ?, "
                                 "attempts = attempts + 1, last_status = 0, last_error = NULL "
                                 "WHERE id = ?",
                                 error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, _consult_store_now ());
  _consult_store_bind_text (stmt, 2, op->entry_id);
  if (!_consult_store_step_done (self, stmt, error) ||
      !audit_entry (self, "sent", op->entry_id, error))
    return FALSE;

  for (guint i = 0; op->server_ids != NULL && i < op->server_ids->len; i++)
    if (!upsert_server_id (self, g_ptr_array_index (op->server_ids, i), error))
      return FALSE;

  return TRUE;
}

gboolean
consult_store_outbox_mark_sent (ConsultStore  *self,
                                const char    *entry_id,
                                GPtrArray     *server_ids,
                                GError       **error)
{
  OutboxOp op = { .entry_id = entry_id, .server_ids = server_ids };

  g_return_val_if_fail (CONSULT_IS_STORE (self), FALSE);
  g_return_val_if_fail (entry_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _consult_store_write (self, mark_sent_in_transaction, &op, error);
}

/* An attempt that did not get through: counted, and either retried at
 * @next_attempt_at or (@failed) left for a person. */
static gboolean
record_attempt (ConsultStore  *self,
                OutboxOp      *op,
                gboolean       failed,
                GError       **error)
{
  g_autoptr (ConsultStoreStmt) stmt = NULL;

  if (!require_pending (self, op->entry_id, error))
    return FALSE;

  stmt = _consult_store_prepare (self,
                                 "UPDATE fhir_outbox SET state = ?, attempts = attempts + 1, "
                                 "next_attempt_at = ifnull (?, next_attempt_at), "
                                 "last_status = ?, last_error = ? WHERE id = ?",
                                 error);
  if (stmt == NULL)
    return FALSE;

  _consult_store_bind_text (stmt, 1, failed ? "failed" : "pending");
  if (!failed)
    sqlite3_bind_int64 (stmt, 2, op->next_attempt_at);
  sqlite3_bind_int64 (stmt, 3, op->status);
  _consult_store_bind_text (stmt, 4, op->reason);
  _consult_store_bind_text (stmt, 5, op->entry_id);

  return _consult_store_step_done (self, stmt, error) &&
         audit_entry (self, failed ? "fail" : "retry", op->entry_id, error);
}

static gboolean
retry_in_transaction (ConsultStore  *self,
                      gpointer       user_data,
                      GError       **error)
{
  return record_attempt (self, user_data, FALSE, error);
}

static gboolean
fail_in_transaction (ConsultStore  *self,
                     gpointer       user_data,
                     GError       **error)
{
  return record_attempt (self, user_data, TRUE, error);
}

static gboolean
valid_status (guint    status,
              GError **error)
{
  if (status <= 999)
    return TRUE;

  g_set_error (error, CONSULT_STORE_ERROR, CONSULT_STORE_ERROR_INVALID,
               _("%u is not an HTTP status."), status);
  return FALSE;
}

gboolean
consult_store_outbox_schedule_retry (ConsultStore  *self,
                                     const char    *entry_id,
                                     gint64         next_attempt_at,
                                     guint          status,
                                     const char    *reason,
                                     GError       **error)
{
  OutboxOp op = { .entry_id = entry_id, .next_attempt_at = next_attempt_at,
                  .status = status, .reason = reason };

  g_return_val_if_fail (CONSULT_IS_STORE (self), FALSE);
  g_return_val_if_fail (entry_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return valid_status (status, error) &&
         _consult_store_write (self, retry_in_transaction, &op, error);
}

gboolean
consult_store_outbox_mark_failed (ConsultStore  *self,
                                  const char    *entry_id,
                                  guint          status,
                                  const char    *reason,
                                  GError       **error)
{
  OutboxOp op = { .entry_id = entry_id, .status = status, .reason = reason };

  g_return_val_if_fail (CONSULT_IS_STORE (self), FALSE);
  g_return_val_if_fail (entry_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return valid_status (status, error) &&
         _consult_store_write (self, fail_in_transaction, &op, error);
}

static gboolean
requeue_entry (ConsultStore  *self,
               const char    *entry_id,
               GError       **error)
{
  g_autoptr (ConsultStoreStmt) stmt = NULL;

  stmt = _consult_store_prepare (self,
                                 "UPDATE fhir_outbox SET state = 'pending', "
                                 "next_attempt_at = min (next_attempt_at, ?) WHERE id = ?",
                                 error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, _consult_store_now ());
  _consult_store_bind_text (stmt, 2, entry_id);
  return _consult_store_step_done (self, stmt, error) &&
         audit_entry (self, "requeue", entry_id, error);
}

static gboolean
send_now_in_transaction (ConsultStore  *self,
                         gpointer       user_data,
                         GError       **error)
{
  OutboxOp *op = user_data;
  g_autoptr (ConsultStoreStmt) waiting = NULL;
  g_autoptr (ConsultStoreStmt) count = NULL;

  /* Only the entries that are not already due are written (and audited). */
  waiting = _consult_store_prepare (self,
                                    "SELECT id FROM fhir_outbox WHERE state = 'failed' "
                                    "OR (state = 'pending' AND next_attempt_at > ?)",
                                    error);
  count = _consult_store_prepare (self, "SELECT count(*) FROM fhir_outbox WHERE state = 'pending'", error);
  if (waiting == NULL || count == NULL)
    return FALSE;

  sqlite3_bind_int64 (waiting, 1, _consult_store_now ());
  if (!for_each_entry (self, waiting, requeue_entry, error) ||
      _consult_store_step_row (self, count, error) < 0)
    return FALSE;

  op->n_queued = (guint) sqlite3_column_int64 (count, 0);
  return TRUE;
}

gboolean
consult_store_outbox_send_now (ConsultStore  *self,
                               guint         *n_queued,
                               GError       **error)
{
  OutboxOp op = { 0 };

  g_return_val_if_fail (CONSULT_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_consult_store_write (self, send_now_in_transaction, &op, error))
    return FALSE;

  if (n_queued != NULL)
    *n_queued = op.n_queued;
  return TRUE;
}
