/* consult-store-plans.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-store"

#include "config.h"

#include <glib/gi18n.h>

#include "consult-store-plans.h"
#include "consult-store-private.h"

#define PLAN_COLUMNS \
  "id, consultation_id, version, plan_json, catalogue_version, status, " \
  "author, created_at, physician, signed_at, superseded_by"

static const char *const status_names[] = { "draft", "signed", "superseded" };

void
consult_store_plan_version_free (ConsultStorePlanVersion *plan)
{
  if (plan == NULL)
    return;

  g_free (plan->id);
  g_free (plan->consultation_id);
  g_free (plan->plan_json);
  g_free (plan->catalogue_version);
  g_free (plan->author);
  g_free (plan->physician);
  g_free (plan->superseded_by);
  g_free (plan);
}

const char *
consult_store_plan_status_to_string (ConsultStorePlanStatus status)
{
  g_return_val_if_fail (status <= CONSULT_STORE_PLAN_SUPERSEDED, NULL);

  return status_names[status];
}

/* NULL (no plan) reads as a draft; the CHECK constraint allows no
 * other text. */
ConsultStorePlanStatus
_consult_store_plan_status_from_string (const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (status_names); i++)
    if (g_strcmp0 (text, status_names[i]) == 0)
      return (ConsultStorePlanStatus) i;

  return CONSULT_STORE_PLAN_DRAFT;
}

static ConsultStorePlanVersion *
plan_from_row (ConsultStoreStmt *stmt)
{
  ConsultStorePlanVersion *plan = g_new0 (ConsultStorePlanVersion, 1);

  plan->id = _consult_store_column_dup (stmt, 0);
  plan->consultation_id = _consult_store_column_dup (stmt, 1);
  plan->version = (guint) sqlite3_column_int64 (stmt, 2);
  plan->plan_json = _consult_store_column_dup (stmt, 3);
  plan->catalogue_version = _consult_store_column_dup (stmt, 4);
  plan->status = _consult_store_plan_status_from_string ((const char *) sqlite3_column_text (stmt, 5));
  plan->author = _consult_store_column_dup (stmt, 6);
  plan->created_at = sqlite3_column_int64 (stmt, 7);
  plan->physician = _consult_store_column_dup (stmt, 8);
  plan->signed_at = sqlite3_column_int64 (stmt, 9);
  plan->superseded_by = _consult_store_column_dup (stmt, 10);

  return plan;
}

ConsultStorePlanVersion *
consult_store_get_plan (ConsultStore  *self,
                        const char    *plan_id,
                        GError       **error)
{
  g_autoptr (GRecMutexLocker) locker = NULL;
  g_autoptr (ConsultStoreStmt) stmt = NULL;
  int found;

  g_return_val_if_fail (CONSULT_IS_STORE (self), NULL);
  g_return_val_if_fail (plan_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  locker = g_rec_mutex_locker_new (&self->lock);
  stmt = _consult_store_prepare (self, "SELECT " PLAN_COLUMNS " FROM plan_versions WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;

  _consult_store_bind_text (stmt, 1, plan_id);
  if ((found = _consult_store_step_row (self, stmt, error)) <= 0)
    {
      if (found == 0)
        _consult_store_not_found (error, _("No plan version with that id was found."));
      return NULL;
    }

  return plan_from_row (stmt);
}

GPtrArray *
consult_store_list_plan_versions (ConsultStore  *self,
                                  const char    *consultation_id,
                                  GError       **error)
{
  g_autoptr (GRecMutexLocker) locker = NULL;
  g_autoptr (ConsultStoreStmt) stmt = NULL;
  g_autoptr (GPtrArray) plans = NULL;
  int found;

  g_return_val_if_fail (CONSULT_IS_STORE (self), NULL);
  g_return_val_if_fail (consultation_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  locker = g_rec_mutex_locker_new (&self->lock);
  stmt = _consult_store_prepare (self,
                                 "SELECT " PLAN_COLUMNS " FROM plan_versions "
                                 "WHERE consultation_id = ? ORDER BY version",
                                 error);
  if (stmt == NULL)
    return NULL;

  plans = g_ptr_array_new_with_free_func ((GDestroyNotify) consult_store_plan_version_free);
  _consult_store_bind_text (stmt, 1, consultation_id);
  while ((found = _consult_store_step_row (self, stmt, error)) > 0)
    g_ptr_array_add (plans, plan_from_row (stmt));

  return found < 0 ? NULL : g_steal_pointer (&plans);
}

static gboolean
audit_plan (ConsultStore  *self,
            const char    *action,
            const char    *plan_id,
            const char    *plan_json,
            const char    *status,
            const char    *physician,
            GError       **error)
{
  const char *fields[] = {
    "plan_json", plan_json,
    "status", status,
    "physician", physician,
    NULL,
  };

  return _consult_store_audit_append (self, action, "plan_versions", plan_id, fields, error);
}

/* Inside the caller's transaction; returns the new version's id. */
char *
_consult_store_plan_insert (ConsultStore  *self,
                            const char    *consultation_id,
                            guint          version,
                            const char    *plan_json,
                            const char    *catalogue_version,
                            GError       **error)
{
  g_autoptr (ConsultStoreStmt) stmt = NULL;
  g_autofree char *id = _consult_store_new_id ();

  stmt = _consult_store_prepare (self,
                                 "INSERT INTO plan_versions (id, consultation_id, version, "
                                 "plan_json, catalogue_version, status, author, created_at) "
                                 "VALUES (?, ?, ?, ?, ?, 'draft', ?, ?)",
                                 error);
  if (stmt == NULL)
    return NULL;

  _consult_store_bind_text (stmt, 1, id);
  _consult_store_bind_text (stmt, 2, consultation_id);
  sqlite3_bind_int64 (stmt, 3, version);
  _consult_store_bind_text (stmt, 4, plan_json);
  _consult_store_bind_text (stmt, 5, catalogue_version);
  _consult_store_bind_text (stmt, 6, self->actor);
  sqlite3_bind_int64 (stmt, 7, _consult_store_now ());

  if (!_consult_store_step_done (self, stmt, error) ||
      !audit_plan (self, "insert", id, plan_json, "draft", NULL, error) ||
      !_consult_store_outbox_enqueue_new (self, id, error))
    return NULL;

  return g_steal_pointer (&id);
}

static gboolean
require_status (const ConsultStorePlanVersion  *plan,
                ConsultStorePlanStatus          status,
                GError                        **error)
{
  if (plan->status == status)
    return TRUE;

  if (plan->status != CONSULT_STORE_PLAN_DRAFT)
    g_set_error_literal (error, CONSULT_STORE_ERROR, CONSULT_STORE_ERROR_IMMUTABLE,
                         _("This plan version is signed and can no longer change; "
                           "amend it to create a new version."));
  else
    g_set_error_literal (error, CONSULT_STORE_ERROR, CONSULT_STORE_ERROR_INVALID,
                         _("Only a signed plan version can be amended or consented to."));
  return FALSE;
}

static ConsultStorePlanVersion *
get_plan_in_status (ConsultStore            *self,
                    const char              *plan_id,
                    ConsultStorePlanStatus   status,
                    GError                 **error)
{
  g_autoptr (ConsultStorePlanVersion) plan = consult_store_get_plan (self, plan_id, error);

  if (plan == NULL || !require_status (plan, status, error))
    return NULL;

  return g_steal_pointer (&plan);
}

typedef struct
{
  const char *id;
  const char *plan_json;
  const char *catalogue_version;
  const char *physician;
  const char *text_version;
  const char *consented_on;
  const char *typed_name;
  char       *result;
} PlanOp;

static gboolean
add_in_transaction (ConsultStore  *self,
                    gpointer       user_data,
                    GError       **error)
{
  PlanOp *op = user_data;
  g_autoptr (ConsultStoreStmt) stmt = NULL;
  int found;

  stmt = _consult_store_prepare (self,
                                 "SELECT (SELECT count(*) FROM consultations WHERE id = ?1), "
                                 "(SELECT count(*) FROM plan_versions WHERE consultation_id = ?1)",
                                 error);
  if (stmt == NULL)
    return FALSE;

  _consult_store_bind_text (stmt, 1, op->id);
  if ((found = _consult_store_step_row (self, stmt, error)) < 0)
    return FALSE;

  if (sqlite3_column_int64 (stmt, 0) == 0)
    {
      _consult_store_not_found (error, _("No consultation with that id was found."));
      return FALSE;
    }

  if (sqlite3_column_int64 (stmt, 1) != 0)
    {
      g_set_error_literal (error, CONSULT_STORE_ERROR, CONSULT_STORE_ERROR_INVALID,
                           _("This consultation already has a plan; amend it instead."));
      return FALSE;
    }

  op->result = _consult_store_plan_insert (self, op->id, 1, op->plan_json,
                                           op->catalogue_version, error);
  return op->result != NULL;
}

char *
consult_store_add_plan (ConsultStore  *self,
                        const char    *consultation_id,
                        const char    *plan_json,
                        const char    *catalogue_version,
                        GError       **error)
{
  PlanOp op = { .id = consultation_id, .plan_json = plan_json,
                .catalogue_version = catalogue_version };

  g_return_val_if_fail (CONSULT_IS_STORE (self), NULL);
  g_return_val_if_fail (consultation_id != NULL && plan_json != NULL, NULL);
  g_return_val_if_fail (catalogue_version != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_consult_store_write (self, add_in_transaction, &op, error))
    g_clear_pointer (&op.result, g_free);

  return op.result;
}

static gboolean
update_in_transaction (ConsultStore  *self,
                       gpointer       user_data,
                       GError       **error)
{
  PlanOp *op = user_data;
  g_autoptr (ConsultStorePlanVersion) plan = NULL;
  g_autoptr (ConsultStoreStmt) stmt = NULL;

  if (!(plan = get_plan_in_status (self, op->id, CONSULT_STORE_PLAN_DRAFT, error)))
    return FALSE;

  stmt = _consult_store_prepare (self,
                                 "UPDATE plan_versions SET plan_json = ?, catalogue_version = ? "
                                 "WHERE id = ? AND status = 'draft'",
                                 error);
  if (stmt == NULL)
    return FALSE;

  _consult_store_bind_text (stmt, 1, op->plan_json);
  _consult_store_bind_text (stmt, 2, op->catalogue_version);
  _consult_store_bind_text (stmt, 3, op->id);

  return _consult_store_step_done (self, stmt, error) &&
         audit_plan (self, "update", op->id, op->plan_json, "draft", NULL, error) &&
         _consult_store_outbox_enqueue (self, op->id, error);
}

gboolean
consult_store_update_plan_draft (ConsultStore  *self,
                                 const char    *plan_id,
                                 const char    *plan_json,
                                 const char    *catalogue_version,
                                 GError       **error)
{
  PlanOp op = { .id = plan_id, .plan_json = plan_json, .catalogue_version = catalogue_version };

  g_return_val_if_fail (CONSULT_IS_STORE (self), FALSE);
  g_return_val_if_fail (plan_id != NULL && plan_json != NULL, FALSE);
  g_return_val_if_fail (catalogue_version != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _consult_store_write (self, update_in_transaction, &op, error);
}

static gboolean
amend_in_transaction (ConsultStore  *self,
                      gpointer       user_data,
                      GError       **error)
{
  PlanOp *op = user_data;
  g_autoptr (ConsultStorePlanVersion) plan = NULL;
  g_autoptr (ConsultStoreStmt) stmt = NULL;
  int found;

  if (!(plan = get_plan_in_status (self, op->id, CONSULT_STORE_PLAN_SIGNED, error)))
    return FALSE;

  stmt = _consult_store_prepare (self,
                                 "SELECT max (version), sum (status = 'draft') "
                                 "FROM plan_versions WHERE consultation_id = ?",
                                 error);
  if (stmt == NULL)
    return FALSE;

  _consult_store_bind_text (stmt, 1, plan->consultation_id);
  if ((found = _consult_store_step_row (self, stmt, error)) < 0)
    return FALSE;

  if (sqlite3_column_int64 (stmt, 1) > 0)
    {
      g_set_error_literal (error, CONSULT_STORE_ERROR, CONSULT_STORE_ERROR_INVALID,
                           _("An amendment of this plan is already being drafted."));
      return FALSE;
    }

  op->result = _consult_store_plan_insert (self, plan->consultation_id,
                                           (guint) sqlite3_column_int64 (stmt, 0) + 1,
                                           op->plan_json, op->catalogue_version, error);
  return op->result != NULL;
}

char *
consult_store_amend_plan (ConsultStore  *self,
                          const char    *plan_id,
                          const char    *plan_json,
                          const char    *catalogue_version,
                          GError       **error)
{
  PlanOp op = { .id = plan_id, .plan_json = plan_json, .catalogue_version = catalogue_version };

  g_return_val_if_fail (CONSULT_IS_STORE (self), NULL);
  g_return_val_if_fail (plan_id != NULL && plan_json != NULL, NULL);
  g_return_val_if_fail (catalogue_version != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_consult_store_write (self, amend_in_transaction, &op, error))
    g_clear_pointer (&op.result, g_free);

  return op.result;
}

static gboolean
supersede_older (ConsultStore                   *self,
                 const ConsultStorePlanVersion  *plan,
                 GError                        **error)
{
  g_autoptr (ConsultStoreStmt) select = NULL;
  g_autoptr (ConsultStoreStmt) update = NULL;
  g_autoptr (GPtrArray) older = g_ptr_array_new_with_free_func (g_free);
  int found;

  select = _consult_store_prepare (self,
                                   "SELECT id FROM plan_versions WHERE consultation_id = ? "
                                   "AND status = 'signed' AND id <> ?",
                                   error);
  update = _consult_store_prepare (self,
                                   "UPDATE plan_versions SET status = 'superseded', "
                                   "superseded_by = ? WHERE id = ?",
                                   error);
  if (select == NULL || update == NULL)
    return FALSE;

  _consult_store_bind_text (select, 1, plan->consultation_id);
  _consult_store_bind_text (select, 2, plan->id);
  while ((found = _consult_store_step_row (self, select, error)) > 0)
    g_ptr_array_add (older, _consult_store_column_dup (select, 0));
  if (found < 0)
    return FALSE;

  for (guint i = 0; i < older->len; i++)
    {
      const char *id = g_ptr_array_index (older, i);
      const char *fields[] = { "status", "superseded", "superseded_by", plan->id, NULL };

      sqlite3_reset (update);
      _consult_store_bind_text (update, 1, plan->id);
      _consult_store_bind_text (update, 2, id);
      if (!_consult_store_step_done (self, update, error) ||
          !_consult_store_audit_append (self, "supersede", "plan_versions", id, fields, error) ||
          !_consult_store_outbox_resend_if_sent (self, id, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
sign_in_transaction (ConsultStore  *self,
                     gpointer       user_data,
                     GError       **error)
{
  PlanOp *op = user_data;
  g_autoptr (ConsultStorePlanVersion) plan = NULL;
  g_autoptr (ConsultStoreStmt) stmt = NULL;

  if (!(plan = get_plan_in_status (self, op->id, CONSULT_STORE_PLAN_DRAFT, error)))
    return FALSE;

  stmt = _consult_store_prepare (self,
                                 "UPDATE plan_versions SET status = 'signed', physician = ?, "
                                 "signed_at = ? WHERE id = ? AND status = 'draft'",
                                 error);
  if (stmt == NULL)
    return FALSE;

  _consult_store_bind_text (stmt, 1, op->physician);
  sqlite3_bind_int64 (stmt, 2, _consult_store_now ());
  _consult_store_bind_text (stmt, 3, op->id);

  return _consult_store_step_done (self, stmt, error) &&
         audit_plan (self, "sign", op->id, plan->plan_json, "signed", op->physician, error) &&
         supersede_older (self, plan, error) &&
         _consult_store_outbox_on_sign (self, plan, error);
}

gboolean
consult_store_sign_plan (ConsultStore  *self,
                         const char    *plan_id,
                         const char    *physician,
                         GError       **error)
{
  PlanOp op = { .id = plan_id, .physician = physician };

  g_return_val_if_fail (CONSULT_IS_STORE (self), FALSE);
  g_return_val_if_fail (plan_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (_consult_store_is_blank (physician))
    {
      g_set_error_literal (error, CONSULT_STORE_ERROR, CONSULT_STORE_ERROR_INVALID,
                           _("The signing physician’s name is required."));
      return FALSE;
    }

  return _consult_store_write (self, sign_in_transaction, &op, error);
}

static gboolean
discard_in_transaction (ConsultStore  *self,
                        gpointer       user_data,
                        GError       **error)
{
  PlanOp *op = user_data;
  g_autoptr (ConsultStorePlanVersion) plan = NULL;
  g_autoptr (ConsultStoreStmt) stmt = NULL;
  const char *fields[] = { NULL };

  if (!(plan = get_plan_in_status (self, op->id, CONSULT_STORE_PLAN_DRAFT, error)))
    return FALSE;

  stmt = _consult_store_prepare (self, "DELETE FROM plan_versions WHERE id = ? AND status = 'draft'", error);
  if (stmt == NULL)
    return FALSE;

  _consult_store_bind_text (stmt, 1, op->id);
  return _consult_store_outbox_forget_plan (self, op->id, error) &&
         _consult_store_step_done (self, stmt, error) &&
         _consult_store_audit_append (self, "delete", "plan_versions", op->id, fields, error);
}

gboolean
consult_store_discard_plan_draft (ConsultStore  *self,
                                  const char    *plan_id,
                                  GError       **error)
{
  PlanOp op = { .id = plan_id };

  g_return_val_if_fail (CONSULT_IS_STORE (self), FALSE);
  g_return_val_if_fail (plan_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _consult_store_write (self, discard_in_transaction, &op, error);
}

static gboolean
consent_in_transaction (ConsultStore  *self,
                        gpointer       user_data,
                        GError       **error)
{
  PlanOp *op = user_data;
  g_autoptr (ConsultStorePlanVersion) plan = NULL;
  g_autoptr (ConsultStoreStmt) stmt = NULL;
  g_autofree char *id = _consult_store_new_id ();
  const char *fields[] = {
    "plan_id", op->id,
    "text_version", op->text_version,
    "consented_on", op->consented_on,
    "typed_name", op->typed_name,
    NULL,
  };

  if (!(plan = get_plan_in_status (self, op->id, CONSULT_STORE_PLAN_SIGNED, error)))
    return FALSE;

  stmt = _consult_store_prepare (self,
                                 "INSERT INTO consents (id, plan_id, text_version, consented_on, "
                                 "typed_name, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                                 error);
  if (stmt == NULL)
    return FALSE;

  _consult_store_bind_text (stmt, 1, id);
  _consult_store_bind_text (stmt, 2, op->id);
  _consult_store_bind_text (stmt, 3, op->text_version);
  _consult_store_bind_text (stmt, 4, op->consented_on);
  _consult_store_bind_text (stmt, 5, op->typed_name);
  _consult_store_bind_text (stmt, 6, self->actor);
  sqlite3_bind_int64 (stmt, 7, _consult_store_now ());

  if (!_consult_store_step_done (self, stmt, error) ||
      !_consult_store_audit_append (self, "insert", "consents", id, fields, error) ||
      !_consult_store_outbox_enqueue (self, op->id, error))
    return FALSE;

  op->result = g_steal_pointer (&id);
  return TRUE;
}

char *
consult_store_record_consent (ConsultStore  *self,
                              const char    *plan_id,
                              const char    *text_version,
                              const char    *consented_on,
                              const char    *typed_name,
                              GError       **error)
{
  PlanOp op = { .id = plan_id, .text_version = text_version,
                .consented_on = consented_on, .typed_name = typed_name };

  g_return_val_if_fail (CONSULT_IS_STORE (self), NULL);
  g_return_val_if_fail (plan_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (_consult_store_is_blank (text_version) || _consult_store_is_blank (typed_name) ||
      !_consult_store_valid_date (consented_on))
    {
      g_set_error_literal (error, CONSULT_STORE_ERROR, CONSULT_STORE_ERROR_INVALID,
                           _("Consent needs the consent text version, the date "
                             "(YYYY-MM-DD) and the name the client typed."));
      return NULL;
    }

  if (!_consult_store_write (self, consent_in_transaction, &op, error))
    g_clear_pointer (&op.result, g_free);

  return op.result;
}
