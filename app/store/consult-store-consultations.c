/* consult-store-consultations.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-store"

#include "config.h"

#include <glib/gi18n.h>

#include "consult-store-consultations.h"
#include "consult-store-private.h"

ConsultStoreConsultation *
consult_store_consultation_new (void)
{
  return g_new0 (ConsultStoreConsultation, 1);
}

void
consult_store_consultation_free (ConsultStoreConsultation *consultation)
{
  if (consultation == NULL)
    return;

  g_free (consultation->id);
  g_free (consultation->client_id);
  g_free (consultation->consultant);
  g_free (consultation->consultation_date);
  g_free (consultation->intake_json);
  g_free (consultation->catalogue_version);
  g_free (consultation->notes);
  g_free (consultation);
}

static gboolean
validate_consultation (const ConsultStoreConsultation  *consultation,
                       GError                         **error)
{
  if (!_consult_store_valid_date (consultation->consultation_date))
    {
      g_set_error_literal (error, CONSULT_STORE_ERROR, CONSULT_STORE_ERROR_INVALID,
                           _("consultation_date: expected a date as YYYY-MM-DD."));
      return FALSE;
    }

  if (consultation->intake_json == NULL || consultation->catalogue_version == NULL ||
      *consultation->catalogue_version == '\0')
    {
      g_set_error_literal (error, CONSULT_STORE_ERROR, CONSULT_STORE_ERROR_INVALID,
                           _("A consultation needs its intake and the catalogue version."));
      return FALSE;
    }

  return TRUE;
}

/* Inside the caller's transaction; sets id, consultant and time. */
static gboolean
insert_consultation (ConsultStore              *self,
                     ConsultStoreConsultation  *consultation,
                     GError                   **error)
{
  g_autoptr (ConsultStoreStmt) stmt = NULL;
  g_autofree char *id = _consult_store_new_id ();

  if (!validate_consultation (consultation, error))
    return FALSE;

  stmt = _consult_store_prepare (self,
                                 "INSERT INTO consultations (id, client_id, consultant, "
                                 "consultation_date, recorded_at, intake_json, "
                                 "catalogue_version, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                                 error);
  if (stmt == NULL)
    return FALSE;

  if (consultation->consultant == NULL)
    consultation->consultant = g_strdup (self->actor);
  consultation->recorded_at = _consult_store_now ();

  _consult_store_bind_text (stmt, 1, id);
  _consult_store_bind_text (stmt, 2, consultation->client_id);
  _consult_store_bind_text (stmt, 3, consultation->consultant);
  _consult_store_bind_text (stmt, 4, consultation->consultation_date);
  sqlite3_bind_int64 (stmt, 5, consultation->recorded_at);
  _consult_store_bind_text (stmt, 6, consultation->intake_json);
  _consult_store_bind_text (stmt, 7, consultation->catalogue_version);
  _consult_store_bind_text (stmt, 8, consultation->notes ? consultation->notes : "");

  if (!_consult_store_step_done (self, stmt, error))
    return FALSE;

  {
    const char *fields[] = {
      "client_id", consultation->client_id,
      "consultant", consultation->consultant,
      "consultation_date", consultation->consultation_date,
      "intake_json", consultation->intake_json,
      "catalogue_version", consultation->catalogue_version,
      "notes", consultation->notes,
      NULL,
    };

    if (!_consult_store_audit_append (self, "insert", "consultations", id, fields, error))
      return FALSE;
  }

  g_free (consultation->id);
  consultation->id = g_steal_pointer (&id);
  return TRUE;
}

typedef struct
{
  ConsultStoreClient       *client;
  ConsultStoreConsultation *consultation;
  const char               *plan_json;
  char                     *plan_id;
} SaveData;

static gboolean
save_in_transaction (ConsultStore  *self,
                     gpointer       user_data,
                     GError       **error)
{
  SaveData *data = user_data;

  if (data->client->id == NULL)
    {
      g_autoptr (ConsultStoreClient) known = NULL;
      g_autoptr (GError) local_error = NULL;

      known = consult_store_find_client (self, data->client->given_name,
                                         data->client->family_name,
                                         data->client->date_of_birth, &local_error);
      if (known != NULL)
        {
          data->client->id = g_strdup (known->id);
          data->client->created_at = known->created_at;
        }
      else if (!g_error_matches (local_error, CONSULT_STORE_ERROR, CONSULT_STORE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }

  if (!_consult_store_client_upsert (self, data->client, error))
    return FALSE;

  g_free (data->consultation->client_id);
  data->consultation->client_id = g_strdup (data->client->id);
  if (!insert_consultation (self, data->consultation, error))
    return FALSE;

  if (data->plan_json == NULL)
    return TRUE;

  data->plan_id = _consult_store_plan_insert (self, data->consultation->id, 1,
                                              data->plan_json,
                                              data->consultation->catalogue_version,
                                              error);
  return data->plan_id != NULL;
}

gboolean
consult_store_save_consultation (ConsultStore              *self,
                                 ConsultStoreClient        *client,
                                 ConsultStoreConsultation  *consultation,
                                 const char                *plan_json,
                                 char                     **plan_id,
                                 GError                   **error)
{
  SaveData data = { client, consultation, plan_json, NULL };
  g_autofree char *client_id_before = NULL;

  g_return_val_if_fail (CONSULT_IS_STORE (self), FALSE);
  g_return_val_if_fail (client != NULL, FALSE);
  g_return_val_if_fail (consultation != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  client_id_before = g_strdup (client->id);
  if (!_consult_store_write (self, save_in_transaction, &data, error))
    {
      /* Rolled back: leave the caller's records as they were. */
      g_free (client->id);
      client->id = g_steal_pointer (&client_id_before);
      g_clear_pointer (&consultation->id, g_free);
      g_free (data.plan_id);
      return FALSE;
    }

  if (plan_id != NULL)
    *plan_id = g_steal_pointer (&data.plan_id);
  g_free (data.plan_id);

  return TRUE;
}

ConsultStoreConsultation *
consult_store_get_consultation (ConsultStore  *self,
                                const char    *consultation_id,
                                GError       **error)
{
  g_autoptr (GRecMutexLocker) locker = NULL;
  g_autoptr (ConsultStoreStmt) stmt = NULL;
  ConsultStoreConsultation *consultation;
  int found;

  g_return_val_if_fail (CONSULT_IS_STORE (self), NULL);
  g_return_val_if_fail (consultation_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  locker = g_rec_mutex_locker_new (&self->lock);
  stmt = _consult_store_prepare (self,
                                 "SELECT id, client_id, consultant, consultation_date, "
                                 "recorded_at, intake_json, catalogue_version, notes "
                                 "FROM consultations WHERE id = ?",
                                 error);
  if (stmt == NULL)
    return NULL;

  _consult_store_bind_text (stmt, 1, consultation_id);
  if ((found = _consult_store_step_row (self, stmt, error)) <= 0)
    {
      if (found == 0)
        _consult_store_not_found (error, _("No consultation with that id was found."));
      return NULL;
    }

  consultation = consult_store_consultation_new ();
  consultation->id = _consult_store_column_dup (stmt, 0);
  consultation->client_id = _consult_store_column_dup (stmt, 1);
  consultation->consultant = _consult_store_column_dup (stmt, 2);
  consultation->consultation_date = _consult_store_column_dup (stmt, 3);
  consultation->recorded_at = sqlite3_column_int64 (stmt, 4);
  consultation->intake_json = _consult_store_column_dup (stmt, 5);
  consultation->catalogue_version = _consult_store_column_dup (stmt, 6);
  consultation->notes = _consult_store_column_dup (stmt, 7);

  return consultation;
}

typedef struct
{
  const char *consultation_id;
  const char *notes;
} NotesData;

static gboolean
set_notes_in_transaction (ConsultStore  *self,
                          gpointer       user_data,
                          GError       **error)
{
  NotesData *data = user_data;
  g_autoptr (ConsultStoreStmt) stmt = NULL;
  const char *fields[] = { "notes", data->notes, NULL };

  stmt = _consult_store_prepare (self, "UPDATE consultations SET notes = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;

  _consult_store_bind_text (stmt, 1, data->notes);
  _consult_store_bind_text (stmt, 2, data->consultation_id);
  if (!_consult_store_step_done (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (self->db) == 0)
    {
      _consult_store_not_found (error, _("No consultation with that id was found."));
      return FALSE;
    }

  return _consult_store_audit_append (self, "update", "consultations",
                                      data->consultation_id, fields, error);
}

gboolean
consult_store_set_consultation_notes (ConsultStore  *self,
                                      const char    *consultation_id,
                                      const char    *notes,
                                      GError       **error)
{
  NotesData data = { consultation_id, notes ? notes : "" };

  g_return_val_if_fail (CONSULT_IS_STORE (self), FALSE);
  g_return_val_if_fail (consultation_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _consult_store_write (self, set_notes_in_transaction, &data, error);
}
