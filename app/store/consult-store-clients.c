/* consult-store-clients.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-store"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "consult-store-clients.h"
#include "consult-store-private.h"

#define CLIENT_COLUMNS \
  "id, given_name, family_name, date_of_birth, sex, phone, email, " \
  "preferred_language, created_at, updated_at, archived"

ConsultStoreClient *
consult_store_client_new (void)
{
  return g_new0 (ConsultStoreClient, 1);
}

void
consult_store_client_free (ConsultStoreClient *client)
{
  if (client == NULL)
    return;

  g_free (client->id);
  g_free (client->given_name);
  g_free (client->family_name);
  g_free (client->date_of_birth);
  g_free (client->sex);
  g_free (client->phone);
  g_free (client->email);
  g_free (client->preferred_language);
  g_free (client);
}

/* Casefolded, without accents: "Díaz" and "DIAZ" are the same person and
 * sort together, whatever the locale of the machine that wrote them. */
char *
_consult_store_fold (const char *text)
{
  g_autofree char *decomposed = g_utf8_normalize (text ? text : "", -1, G_NORMALIZE_NFKD);
  g_autoptr (GString) stripped = g_string_new (NULL);

  for (const char *p = decomposed; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_ismark (c))
        g_string_append_unichar (stripped, c);
    }

  return g_utf8_casefold (stripped->str, -1);
}

static char *
identity_key (const char *given_name,
              const char *family_name,
              const char *date_of_birth)
{
  g_autofree char *given = _consult_store_fold (given_name);
  g_autofree char *family = _consult_store_fold (family_name);

  return g_strjoin ("\x1f", family, given, date_of_birth ? date_of_birth : "", NULL);
}

static char *
sort_key (const char *given_name,
          const char *family_name)
{
  g_autofree char *given = _consult_store_fold (given_name);
  g_autofree char *family = _consult_store_fold (family_name);

  return g_strjoin ("\x1f", family, given, NULL);
}

gboolean
_consult_store_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

gboolean
_consult_store_valid_date (const char *text)
{
  guint year, month, day;
  char end;

  if (text == NULL || strlen (text) != 10 ||
      sscanf (text, "%4u-%2u-%2u%c", &year, &month, &day, &end) != 3)
    return FALSE;

  return g_date_valid_dmy (day, month, year);
}

static gboolean
validate_client (const ConsultStoreClient  *client,
                 GError                   **error)
{
  static const char *const sexes[] = { "female", "male", "other", "unknown", NULL };

  if (_consult_store_is_blank (client->given_name) || _consult_store_is_blank (client->family_name))
    {
      g_set_error_literal (error, CONSULT_STORE_ERROR, CONSULT_STORE_ERROR_INVALID,
                           _("client: the given name and the family name are required."));
      return FALSE;
    }

  if (client->date_of_birth != NULL && !_consult_store_valid_date (client->date_of_birth))
    {
      g_set_error_literal (error, CONSULT_STORE_ERROR, CONSULT_STORE_ERROR_INVALID,
                           _("client.date_of_birth: expected a date as YYYY-MM-DD."));
      return FALSE;
    }

  if (client->sex != NULL && !g_strv_contains (sexes, client->sex))
    {
      g_set_error_literal (error, CONSULT_STORE_ERROR, CONSULT_STORE_ERROR_INVALID,
                           _("client.sex: expected one of female, male, other, unknown."));
      return FALSE;
    }

  return TRUE;
}

static gboolean
audit_client (ConsultStore              *self,
              const char                *action,
              const ConsultStoreClient  *client,
              GError                   **error)
{
  const char *fields[] = {
    "given_name", client->given_name,
    "family_name", client->family_name,
    "date_of_birth", client->date_of_birth,
    "sex", client->sex,
    "phone", client->phone,
    "email", client->email,
    "preferred_language", client->preferred_language,
    "archived", client->archived ? "1" : "0",
    NULL,
  };

  return _consult_store_audit_append (self, action, "clients", client->id, fields, error);
}

static void
bind_client (ConsultStoreStmt         *stmt,
             const ConsultStoreClient *client)
{
  g_autofree char *identity = identity_key (client->given_name, client->family_name,
                                            client->date_of_birth);
  g_autofree char *order = sort_key (client->given_name, client->family_name);

  _consult_store_bind_text (stmt, 1, client->id);
  _consult_store_bind_text (stmt, 2, client->given_name);
  _consult_store_bind_text (stmt, 3, client->family_name);
  _consult_store_bind_text (stmt, 4, client->date_of_birth);
  _consult_store_bind_text (stmt, 5, client->sex ? client->sex : "unknown");
  _consult_store_bind_text (stmt, 6, client->phone ? client->phone : "");
  _consult_store_bind_text (stmt, 7, client->email ? client->email : "");
  _consult_store_bind_text (stmt, 8, client->preferred_language ? client->preferred_language : "");
  _consult_store_bind_text (stmt, 9, identity);
  _consult_store_bind_text (stmt, 10, order);
  sqlite3_bind_int64 (stmt, 11, client->created_at);
  sqlite3_bind_int64 (stmt, 12, client->updated_at);
  sqlite3_bind_int (stmt, 13, client->archived ? 1 : 0);
}

/* Insert or update inside the caller's transaction. */
gboolean
_consult_store_client_upsert (ConsultStore        *self,
                              ConsultStoreClient  *client,
                              GError             **error)
{
  g_autoptr (ConsultStoreStmt) stmt = NULL;
  gboolean insert = client->id == NULL;

  if (!validate_client (client, error))
    return FALSE;

  client->updated_at = _consult_store_now ();
  if (insert)
    {
      client->id = _consult_store_new_id ();
      client->created_at = client->updated_at;
      stmt = _consult_store_prepare (self,
                                     "INSERT INTO clients (id, given_name, family_name, "
                                     "date_of_birth, sex, phone, email, preferred_language, "
                                     "identity_key, sort_key, created_at, updated_at, archived) "
                                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                                     error);
    }
  else
    {
      stmt = _consult_store_prepare (self,
                                     "UPDATE clients SET given_name = ?2, family_name = ?3, "
                                     "date_of_birth = ?4, sex = ?5, phone = ?6, email = ?7, "
                                     "preferred_language = ?8, identity_key = ?9, sort_key = ?10, "
                                     "updated_at = ?12, archived = ?13 WHERE id = ?1",
                                     error);
    }

  if (stmt == NULL)
    return FALSE;

  bind_client (stmt, client);
  if (!_consult_store_step_done (self, stmt, error))
    {
      if (insert)
        g_clear_pointer (&client->id, g_free);
      return FALSE;
    }

  if (!insert && sqlite3_changes (self->db) == 0)
    {
      _consult_store_not_found (error, _("No client with that id was found."));
      return FALSE;
    }

  return audit_client (self, insert ? "insert" : "update", client, error);
}

static gboolean
save_client_in_transaction (ConsultStore  *self,
                            gpointer       user_data,
                            GError       **error)
{
  return _consult_store_client_upsert (self, user_data, error);
}

gboolean
consult_store_save_client (ConsultStore        *self,
                           ConsultStoreClient  *client,
                           GError             **error)
{
  g_return_val_if_fail (CONSULT_IS_STORE (self), FALSE);
  g_return_val_if_fail (client != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _consult_store_write (self, save_client_in_transaction, client, error);
}

static ConsultStoreClient *
client_from_row (ConsultStoreStmt *stmt)
{
  ConsultStoreClient *client = consult_store_client_new ();

  client->id = _consult_store_column_dup (stmt, 0);
  client->given_name = _consult_store_column_dup (stmt, 1);
  client->family_name = _consult_store_column_dup (stmt, 2);
  client->date_of_birth = _consult_store_column_dup (stmt, 3);
  client->sex = _consult_store_column_dup (stmt, 4);
  client->phone = _consult_store_column_dup (stmt, 5);
  client->email = _consult_store_column_dup (stmt, 6);
  client->preferred_language = _consult_store_column_dup (stmt, 7);
  client->created_at = sqlite3_column_int64 (stmt, 8);
  client->updated_at = sqlite3_column_int64 (stmt, 9);
  client->archived = sqlite3_column_int (stmt, 10) != 0;

  return client;
}

static ConsultStoreClient *
fetch_client (ConsultStore      *self,
              ConsultStoreStmt  *stmt,
              GError           **error)
{
  int found = _consult_store_step_row (self, stmt, error);

  if (found < 0)
    return NULL;
  if (found == 0)
    {
      _consult_store_not_found (error, _("No client with that id was found."));
      return NULL;
    }

  return client_from_row (stmt);
}

ConsultStoreClient *
consult_store_get_client (ConsultStore  *self,
                          const char    *client_id,
                          GError       **error)
{
  g_autoptr (GRecMutexLocker) locker = NULL;
  g_autoptr (ConsultStoreStmt) stmt = NULL;

  g_return_val_if_fail (CONSULT_IS_STORE (self), NULL);
  g_return_val_if_fail (client_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  locker = g_rec_mutex_locker_new (&self->lock);
  stmt = _consult_store_prepare (self, "SELECT " CLIENT_COLUMNS " FROM clients WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;

  _consult_store_bind_text (stmt, 1, client_id);
  return fetch_client (self, stmt, error);
}

ConsultStoreClient *
consult_store_find_client (ConsultStore  *self,
                           const char    *given_name,
                           const char    *family_name,
                           const char    *date_of_birth,
                           GError       **error)
{
  g_autoptr (GRecMutexLocker) locker = NULL;
  g_autoptr (ConsultStoreStmt) stmt = NULL;
  g_autofree char *identity = NULL;

  g_return_val_if_fail (CONSULT_IS_STORE (self), NULL);
  g_return_val_if_fail (given_name != NULL && family_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  locker = g_rec_mutex_locker_new (&self->lock);
  stmt = _consult_store_prepare (self,
                                 "SELECT " CLIENT_COLUMNS " FROM clients "
                                 "WHERE identity_key = ? ORDER BY archived, created_at LIMIT 1",
                                 error);
  if (stmt == NULL)
    return NULL;

  identity = identity_key (given_name, family_name, date_of_birth);
  _consult_store_bind_text (stmt, 1, identity);
  return fetch_client (self, stmt, error);
}

typedef struct
{
  const char *client_id;
  gboolean    archived;
} ArchiveData;

static gboolean
archive_in_transaction (ConsultStore  *self,
                        gpointer       user_data,
                        GError       **error)
{
  ArchiveData *data = user_data;
  g_autoptr (ConsultStoreClient) client = NULL;

  client = consult_store_get_client (self, data->client_id, error);
  if (client == NULL)
    return FALSE;

  client->archived = data->archived;
  return _consult_store_client_upsert (self, client, error);
}

gboolean
consult_store_set_client_archived (ConsultStore  *self,
                                   const char    *client_id,
                                   gboolean       archived,
                                   GError       **error)
{
  ArchiveData data = { client_id, archived };

  g_return_val_if_fail (CONSULT_IS_STORE (self), FALSE);
  g_return_val_if_fail (client_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _consult_store_write (self, archive_in_transaction, &data, error);
}
