/* consult-store-sessions.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-store"

#include "config.h"

#include <glib/gi18n.h>

#include "consult-store-private.h"
#include "consult-store-sessions.h"

ConsultStoreSession *
consult_store_session_new (void)
{
  return g_new0 (ConsultStoreSession, 1);
}

void
consult_store_session_free (ConsultStoreSession *session)
{
  if (session == NULL)
    return;

  g_free (session->id);
  g_free (session->plan_id);
  g_free (session->treatment);
  g_free (session->performed_on);
  g_free (session->performer);
  g_free (session->product);
  g_free (session->lot_number);
  g_free (session->notes);
  g_free (session->recorded_by);
  g_free (session);
}

static const char *
or_empty (const char *text)
{
  return text != NULL ? text : "";
}

static gboolean
record_in_transaction (ConsultStore  *self,
                       gpointer       user_data,
                       GError       **error)
{
  ConsultStoreSession *session = user_data;
  g_autoptr (ConsultStoreStmt) stmt = NULL;
  g_autofree char *id = _consult_store_new_id ();
  gint64 now = _consult_store_now ();
  /* The audit row names what was done, never to whom. */
  const char *fields[] = {
    "plan_id", session->plan_id,
    "treatment", session->treatment,
    "performed_on", session->performed_on,
    NULL,
  };

  stmt = _consult_store_prepare (self,
                                 "INSERT INTO treatment_sessions (id, plan_id, treatment, performed_on, "
                                 "performer, product, lot_number, notes, recorded_by, recorded_at) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                 error);
  if (stmt == NULL)
    return FALSE;

  _consult_store_bind_text (stmt, 1, id);
  _consult_store_bind_text (stmt, 2, session->plan_id);
  _consult_store_bind_text (stmt, 3, session->treatment);
  _consult_store_bind_text (stmt, 4, session->performed_on);
  _consult_store_bind_text (stmt, 5, session->performer);
  _consult_store_bind_text (stmt, 6, or_empty (session->product));
  _consult_store_bind_text (stmt, 7, or_empty (session->lot_number));
  _consult_store_bind_text (stmt, 8, or_empty (session->notes));
  _consult_store_bind_text (stmt, 9, self->actor);
  sqlite3_bind_int64 (stmt, 10, now);

  if (!_consult_store_step_done (self, stmt, error) ||
      !_consult_store_audit_append (self, "insert", "treatment_sessions", id, fields, error))
    return FALSE;

  g_free (session->id);
  session->id = g_steal_pointer (&id);
  g_free (session->recorded_by);
  session->recorded_by = g_strdup (self->actor);
  session->recorded_at = now;

  return TRUE;
}

gboolean
consult_store_record_session (ConsultStore         *self,
                              ConsultStoreSession  *session,
                              GError              **error)
{
  g_return_val_if_fail (CONSULT_IS_STORE (self), FALSE);
  g_return_val_if_fail (session != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (_consult_store_is_blank (session->plan_id) || _consult_store_is_blank (session->treatment) ||
      _consult_store_is_blank (session->performer) || !_consult_store_valid_date (session->performed_on))
    {
      g_set_error_literal (error, CONSULT_STORE_ERROR, CONSULT_STORE_ERROR_INVALID,
                           _("A session needs its treatment, the date it was given (YYYY-MM-DD) "
                             "and who gave it."));
      return FALSE;
    }

  return _consult_store_write (self, record_in_transaction, session, error);
}

GPtrArray *
consult_store_list_sessions (ConsultStore  *self,
                             const char    *plan_id,
                             GError       **error)
{
  g_autoptr (GRecMutexLocker) locker = NULL;
  g_autoptr (ConsultStoreStmt) stmt = NULL;
  g_autoptr (GPtrArray) sessions = NULL;
  int found;

  g_return_val_if_fail (CONSULT_IS_STORE (self), NULL);
  g_return_val_if_fail (plan_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  locker = g_rec_mutex_locker_new (&self->lock);
  stmt = _consult_store_prepare (self,
                                 "SELECT id, plan_id, treatment, performed_on, performer, product, "
                                 "lot_number, notes, recorded_by, recorded_at FROM treatment_sessions "
                                 "WHERE plan_id = ? ORDER BY performed_on, num",
                                 error);
  if (stmt == NULL)
    return NULL;

  sessions = g_ptr_array_new_with_free_func ((GDestroyNotify) consult_store_session_free);
  _consult_store_bind_text (stmt, 1, plan_id);
  while ((found = _consult_store_step_row (self, stmt, error)) > 0)
    {
      ConsultStoreSession *session = consult_store_session_new ();

      session->id = _consult_store_column_dup (stmt, 0);
      session->plan_id = _consult_store_column_dup (stmt, 1);
      session->treatment = _consult_store_column_dup (stmt, 2);
      session->performed_on = _consult_store_column_dup (stmt, 3);
      session->performer = _consult_store_column_dup (stmt, 4);
      session->product = _consult_store_column_dup (stmt, 5);
      session->lot_number = _consult_store_column_dup (stmt, 6);
      session->notes = _consult_store_column_dup (stmt, 7);
      session->recorded_by = _consult_store_column_dup (stmt, 8);
      session->recorded_at = sqlite3_column_int64 (stmt, 9);
      g_ptr_array_add (sessions, session);
    }

  return found < 0 ? NULL : g_steal_pointer (&sessions);
}
