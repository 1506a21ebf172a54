/* consult-sync-token.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-sync-token"

#include "config.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "consult-sync-error.h"
#include "consult-sync-token.h"

static const SecretSchema *
token_schema (void)
{
  static const SecretSchema schema = {
    "io.github.medspa_consult.Consult.FhirToken", SECRET_SCHEMA_NONE,
    {
      { "base-url", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
  };

  return &schema;
}

/* "…/R4" and "…/R4/" are one server: one token. */
static char *
server_key (const char *base_url)
{
  gsize len = strlen (base_url);

  while (len > 0 && base_url[len - 1] == '/')
    len--;

  return g_strndup (base_url, len);
}

/* Whatever the reason (no session bus, no Secret Service, a locked
 * keyring the person declined to unlock), the answer for the caller is
 * the same: the keyring is not there for us. */
static GError *
keyring_error (GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (error);

  return g_error_new (CONSULT_SYNC_ERROR, CONSULT_SYNC_ERROR_NO_KEYRING,
                      _("The keyring cannot be reached (%s)."),
                      error->message);
}

static void
lookup_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;
  char *token;

  token = secret_password_lookup_finish (result, &error);
  if (error != NULL)
    g_task_return_error (task, keyring_error (error));
  else
    g_task_return_pointer (task, token, (GDestroyNotify) secret_password_free);
}

void
consult_sync_token_lookup_async (const char          *base_url,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autofree char *key = NULL;
  GTask *task;

  g_return_if_fail (base_url != NULL);

  key = server_key (base_url);
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, consult_sync_token_lookup_async);
  secret_password_lookup (token_schema (), cancellable, lookup_cb, task,
                          "base-url", key,
                          NULL);
}

char *
consult_sync_token_lookup_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

char *
consult_sync_token_lookup (const char    *base_url,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autofree char *key = NULL;
  g_autoptr (GError) local_error = NULL;
  char *token;

  g_return_val_if_fail (base_url != NULL, NULL);

  key = server_key (base_url);
  token = secret_password_lookup_sync (token_schema (), cancellable, &local_error,
                                       "base-url", key,
                                       NULL);
  if (local_error != NULL)
    {
      g_propagate_error (error, keyring_error (local_error));
      return NULL;
    }

  return token;
}

static void
boolean_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;

  /* Both finish functions share this signature; "nothing to clear" is
   * not a failure. */
  if (g_task_get_source_tag (task) == consult_sync_token_store_async)
    secret_password_store_finish (result, &error);
  else
    secret_password_clear_finish (result, &error);

  if (error != NULL)
    g_task_return_error (task, keyring_error (error));
  else
    g_task_return_boolean (task, TRUE);
}

void
consult_sync_token_store_async (const char          *base_url,
                                const char          *token,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autofree char *key = NULL;
  g_autofree char *label = NULL;
  GTask *task;

  g_return_if_fail (base_url != NULL);
  g_return_if_fail (token != NULL && token[0] != '\0');

  key = server_key (base_url);
  /* TRANSLATORS: the keyring item's name; %s is the server address */
  label = g_strdup_printf (_("MedSpa Consult: health record server token for %s"), key);
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, consult_sync_token_store_async);
  secret_password_store (token_schema (), SECRET_COLLECTION_DEFAULT, label, token,
                         cancellable, boolean_cb, task,
                         "base-url", key,
                         NULL);
}

gboolean
consult_sync_token_store_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
consult_sync_token_clear_async (const char          *base_url,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autofree char *key = NULL;
  GTask *task;

  g_return_if_fail (base_url != NULL);

  key = server_key (base_url);
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, consult_sync_token_clear_async);
  secret_password_clear (token_schema (), cancellable, boolean_cb, task,
                         "base-url", key,
                         NULL);
}

gboolean
consult_sync_token_clear_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
