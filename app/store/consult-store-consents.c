/* consult-store-consents.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-store"

#include "config.h"

#include <sqlite3.h>

#include "consult-store-consents.h"
#include "consult-store-private.h"

void
consult_store_consent_free (ConsultStoreConsent *consent)
{
  if (consent == NULL)
    return;

  g_free (consent->id);
  g_free (consent->plan_id);
  g_free (consent->text_version);
  g_free (consent->consented_on);
  g_free (consent->typed_name);
  g_free (consent->recorded_by);
  g_free (consent);
}

GPtrArray *
consult_store_list_consents (ConsultStore  *self,
                             const char    *plan_id,
                             GError       **error)
{
  g_autoptr (GRecMutexLocker) locker = NULL;
  g_autoptr (ConsultStoreStmt) stmt = NULL;
  g_autoptr (GPtrArray) consents = NULL;
  int found;

  g_return_val_if_fail (CONSULT_IS_STORE (self), NULL);
  g_return_val_if_fail (plan_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  locker = g_rec_mutex_locker_new (&self->lock);
  stmt = _consult_store_prepare (self,
                                 "SELECT id, plan_id, text_version, consented_on, typed_name, "
                                 "recorded_by, recorded_at FROM consents "
                                 "WHERE plan_id = ? ORDER BY recorded_at, num",
                                 error);
  if (stmt == NULL)
    return NULL;

  _consult_store_bind_text (stmt, 1, plan_id);
  consents = g_ptr_array_new_with_free_func ((GDestroyNotify) consult_store_consent_free);
  while ((found = _consult_store_step_row (self, stmt, error)) > 0)
    {
      ConsultStoreConsent *consent = g_new0 (ConsultStoreConsent, 1);

      consent->id = _consult_store_column_dup (stmt, 0);
      consent->plan_id = _consult_store_column_dup (stmt, 1);
      consent->text_version = _consult_store_column_dup (stmt, 2);
      consent->consented_on = _consult_store_column_dup (stmt, 3);
      consent->typed_name = _consult_store_column_dup (stmt, 4);
      consent->recorded_by = _consult_store_column_dup (stmt, 5);
      consent->recorded_at = sqlite3_column_int64 (stmt, 6);
      g_ptr_array_add (consents, consent);
    }

  return found < 0 ? NULL : g_steal_pointer (&consents);
}
