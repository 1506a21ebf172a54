/* consult-store-drafts.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-store"

#include "config.h"

#include <glib/gi18n.h>

#include "consult-store-drafts.h"
#include "consult-store-private.h"

void
consult_store_draft_free (ConsultStoreDraft *draft)
{
  if (draft == NULL)
    return;

  g_free (draft->workstation);
  g_free (draft->user_name);
  g_free (draft->intake_json);
  g_free (draft);
}

typedef struct
{
  const char *workstation;
  const char *user_name;
  const char *intake_json;
} DraftOp;

/* The audit row names the draft by workstation and user, never by client. */
static gboolean
audit_draft (ConsultStore   *self,
             const char     *action,
             const DraftOp  *op,
             GError        **error)
{
  g_autofree char *record_id = g_strdup_printf ("%s/%s", op->workstation, op->user_name);
  const char *fields[] = { "intake_json", op->intake_json, NULL };

  return _consult_store_audit_append (self, action, "intake_drafts", record_id, fields, error);
}

static gboolean
save_in_transaction (ConsultStore  *self,
                     gpointer       user_data,
                     GError       **error)
{
  DraftOp *op = user_data;
  g_autoptr (ConsultStoreStmt) stmt = NULL;

  stmt = _consult_store_prepare (self,
                                 "INSERT INTO intake_drafts (workstation, user_name, intake_json, updated_at) "
                                 "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (workstation, user_name) "
                                 "DO UPDATE SET intake_json = ?3, updated_at = ?4",
                                 error);
  if (stmt == NULL)
    return FALSE;

  _consult_store_bind_text (stmt, 1, op->workstation);
  _consult_store_bind_text (stmt, 2, op->user_name);
  _consult_store_bind_text (stmt, 3, op->intake_json);
  sqlite3_bind_int64 (stmt, 4, _consult_store_now ());

  return _consult_store_step_done (self, stmt, error) &&
         audit_draft (self, "save", op, error);
}

gboolean
consult_store_save_draft (ConsultStore  *self,
                          const char    *workstation,
                          const char    *user_name,
                          const char    *intake_json,
                          GError       **error)
{
  DraftOp op = { workstation, user_name, intake_json };

  g_return_val_if_fail (CONSULT_IS_STORE (self), FALSE);
  g_return_val_if_fail (workstation != NULL && user_name != NULL, FALSE);
  g_return_val_if_fail (intake_json != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _consult_store_write (self, save_in_transaction, &op, error);
}

static ConsultStoreDraft *
draft_from_row (ConsultStoreStmt *stmt)
{
  ConsultStoreDraft *draft = g_new0 (ConsultStoreDraft, 1);

  draft->workstation = _consult_store_column_dup (stmt, 0);
  draft->user_name = _consult_store_column_dup (stmt, 1);
  draft->intake_json = _consult_store_column_dup (stmt, 2);
  draft->updated_at = sqlite3_column_int64 (stmt, 3);

  return draft;
}

ConsultStoreDraft *
consult_store_get_draft (ConsultStore  *self,
                         const char    *workstation,
                         const char    *user_name,
                         GError       **error)
{
  g_autoptr (GRecMutexLocker) locker = NULL;
  g_autoptr (ConsultStoreStmt) stmt = NULL;
  int found;

  g_return_val_if_fail (CONSULT_IS_STORE (self), NULL);
  g_return_val_if_fail (workstation != NULL && user_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  locker = g_rec_mutex_locker_new (&self->lock);
  stmt = _consult_store_prepare (self,
                                 "SELECT workstation, user_name, intake_json, updated_at "
                                 "FROM intake_drafts WHERE workstation = ? AND user_name = ?",
                                 error);
  if (stmt == NULL)
    return NULL;

  _consult_store_bind_text (stmt, 1, workstation);
  _consult_store_bind_text (stmt, 2, user_name);
  if ((found = _consult_store_step_row (self, stmt, error)) <= 0)
    {
      if (found == 0)
        _consult_store_not_found (error, _("There is no saved draft for this workstation and user."));
      return NULL;
    }

  return draft_from_row (stmt);
}

GPtrArray *
consult_store_list_drafts (ConsultStore  *self,
                           GError       **error)
{
  g_autoptr (GRecMutexLocker) locker = NULL;
  g_autoptr (ConsultStoreStmt) stmt = NULL;
  g_autoptr (GPtrArray) drafts = NULL;
  int found;

  g_return_val_if_fail (CONSULT_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  locker = g_rec_mutex_locker_new (&self->lock);
  stmt = _consult_store_prepare (self,
                                 "SELECT workstation, user_name, intake_json, updated_at "
                                 "FROM intake_drafts ORDER BY updated_at DESC",
                                 error);
  if (stmt == NULL)
    return NULL;

  drafts = g_ptr_array_new_with_free_func ((GDestroyNotify) consult_store_draft_free);
  while ((found = _consult_store_step_row (self, stmt, error)) > 0)
    g_ptr_array_add (drafts, draft_from_row (stmt));

  return found < 0 ? NULL : g_steal_pointer (&drafts);
}

static gboolean
discard_in_transaction (ConsultStore  *self,
                        gpointer       user_data,
                        GError       **error)
{
  DraftOp *op = user_data;
  g_autoptr (ConsultStoreStmt) stmt = NULL;

  stmt = _consult_store_prepare (self,
                                 "DELETE FROM intake_drafts WHERE workstation = ? AND user_name = ?",
                                 error);
  if (stmt == NULL)
    return FALSE;

  _consult_store_bind_text (stmt, 1, op->workstation);
  _consult_store_bind_text (stmt, 2, op->user_name);
  if (!_consult_store_step_done (self, stmt, error))
    return FALSE;

  return sqlite3_changes (self->db) == 0 || audit_draft (self, "delete", op, error);
}

gboolean
consult_store_discard_draft (ConsultStore  *self,
                             const char    *workstation,
                             const char    *user_name,
                             GError       **error)
{
  DraftOp op = { workstation, user_name, NULL };

  g_return_val_if_fail (CONSULT_IS_STORE (self), FALSE);
  g_return_val_if_fail (workstation != NULL && user_name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _consult_store_write (self, discard_in_transaction, &op, error);
}
