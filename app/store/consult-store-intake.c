/* consult-store-intake.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-store"

#include "config.h"

#include "consult-store-consultations.h"
#include "consult-store-intake.h"

gboolean
consult_store_save_intake (ConsultStore   *self,
                           ConsultIntake  *intake,
                           ConsultPlan    *plan,
                           char          **client_id,
                           char          **consultation_id,
                           char          **plan_id,
                           GError        **error)
{
  g_autoptr (ConsultStoreClient) client = consult_store_client_new ();
  g_autoptr (ConsultStoreConsultation) consultation = consult_store_consultation_new ();
  g_autofree char *plan_json = NULL;

  g_return_val_if_fail (CONSULT_IS_STORE (self), FALSE);
  g_return_val_if_fail (CONSULT_IS_INTAKE (intake), FALSE);
  g_return_val_if_fail (CONSULT_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  client->given_name = g_strdup (consult_intake_get_given_name (intake));
  client->family_name = g_strdup (consult_intake_get_family_name (intake));
  client->date_of_birth = g_strdup (consult_intake_get_date_of_birth (intake));
  client->sex = g_strdup (consult_intake_get_sex (intake));
  client->phone = g_strdup (consult_intake_get_phone (intake));
  client->email = g_strdup (consult_intake_get_email (intake));
  client->preferred_language = g_strdup (consult_intake_get_preferred_language (intake));

  consultation->consultation_date = g_strdup (consult_intake_get_consultation_date (intake));
  consultation->intake_json = consult_intake_to_json (intake);
  consultation->catalogue_version = g_strdup (consult_plan_get_catalogue_version (plan));
  consultation->notes = g_strdup (consult_intake_get_notes (intake));
  plan_json = consult_plan_to_json (plan);

  if (!consult_store_save_consultation (self, client, consultation, plan_json, plan_id, error))
    return FALSE;

  if (client_id != NULL)
    *client_id = g_steal_pointer (&client->id);
  if (consultation_id != NULL)
    *consultation_id = g_steal_pointer (&consultation->id);

  return TRUE;
}
