/* consult-store-outbox-send.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-store"

#include "config.h"

#include <glib/gi18n.h>

#include "consult-store-outbox-private.h"

/* The sender's side of the outbox: what became of each attempt, the
 * server's ids, and "Send now". */

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
  g_autoptr (ConsultStoreOutboxEntry) entry = _consult_store_outbox_get_entry (self, entry_id, error);

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
      !_consult_store_outbox_audit (self, "sent", op->entry_id, error))
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
         _consult_store_outbox_audit (self, failed ? "fail" : "retry", op->entry_id, error);
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
         _consult_store_outbox_audit (self, "requeue", entry_id, error);
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
  if (!_consult_store_outbox_for_each (self, waiting, requeue_entry, error) ||
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
