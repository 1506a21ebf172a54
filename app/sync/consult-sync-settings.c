/* consult-sync-settings.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-sync"

#include "config.h"

#include <string.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "consult-sync-error.h"
#include "consult-sync-settings.h"

G_DEFINE_BOXED_TYPE (ConsultSyncSettings, consult_sync_settings,
                     consult_sync_settings_copy, consult_sync_settings_free)

ConsultSyncSettings *
consult_sync_settings_new (void)
{
  return g_new0 (ConsultSyncSettings, 1);
}

ConsultSyncSettings *
consult_sync_settings_copy (const ConsultSyncSettings *settings)
{
  ConsultSyncSettings *copy;

  g_return_val_if_fail (settings != NULL, NULL);

  copy = consult_sync_settings_new ();
  copy->base_url = g_strdup (settings->base_url);
  copy->identifier_system = g_strdup (settings->identifier_system);
  copy->token = g_strdup (settings->token);
  copy->ca_file = g_strdup (settings->ca_file);

  return copy;
}

/* Through a volatile pointer, so the compiler cannot drop the stores as
 * dead before the free. */
static void
wipe_string (char *text)
{
  volatile char *p = text;

  if (text == NULL)
    return;

  while (*p != '\0')
    *p++ = '\0';
}

void
consult_sync_settings_free (ConsultSyncSettings *settings)
{
  if (settings == NULL)
    return;

  wipe_string (settings->token);
  g_free (settings->token);
  g_free (settings->base_url);
  g_free (settings->identifier_system);
  g_free (settings->ca_file);
  g_free (settings);
}

gboolean
consult_sync_settings_is_loopback (const char *base_url)
{
  g_autoptr (GUri) uri = NULL;
  g_autoptr (GInetAddress) address = NULL;
  const char *host;

  g_return_val_if_fail (base_url != NULL, FALSE);

  if (!(uri = g_uri_parse (base_url, G_URI_FLAGS_NONE, NULL)) ||
      !(host = g_uri_get_host (uri)))
    return FALSE;

  /* libcurl resolves "localhost" itself, to loopback only, without DNS. */
  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;

  address = g_inet_address_new_from_string (host);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

static gboolean
is_blank (const char *text)
{
  return text == NULL || *text == '\0';
}

static gboolean
validate_base_url (const char  *base_url,
                   GError     **error)
{
  g_autoptr (GUri) uri = NULL;
  const char *scheme;

  if (is_blank (base_url))
    {
      g_set_error_literal (error, CONSULT_SYNC_ERROR, CONSULT_SYNC_ERROR_NOT_CONFIGURED,
                           _("No FHIR server address is set."));
      return FALSE;
    }

  uri = g_uri_parse (base_url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || is_blank (g_uri_get_host (uri)))
    {
      g_set_error (error, CONSULT_SYNC_ERROR, CONSULT_SYNC_ERROR_INVALID,
                   _("The FHIR server address “%s” is not a valid URL."), base_url);
      return FALSE;
    }

  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "https") != 0 &&
      !(g_ascii_strcasecmp (scheme, "http") == 0 && consult_sync_settings_is_loopback (base_url)))
    {
      g_set_error_literal (error, CONSULT_SYNC_ERROR, CONSULT_SYNC_ERROR_INVALID,
                           _("The FHIR server address must start with https://. "
                             "Unencrypted http:// is only allowed to this computer."));
      return FALSE;
    }

  /* A password in the address would end up in logs and proxies; a query
   * or fragment would be mangled by the paths added after it. */
  if (g_uri_get_userinfo (uri) != NULL)
    {
      g_set_error_literal (error, CONSULT_SYNC_ERROR, CONSULT_SYNC_ERROR_INVALID,
                           _("The FHIR server address must not contain a user name or password. "
                             "Set the access token instead."));
      return FALSE;
    }

  if (g_uri_get_query (uri) != NULL || g_uri_get_fragment (uri) != NULL)
    {
      g_set_error_literal (error, CONSULT_SYNC_ERROR, CONSULT_SYNC_ERROR_INVALID,
                           _("The FHIR server address must not contain “?” or “#”."));
      return FALSE;
    }

  return TRUE;
}

/* A bearer token is visible ASCII (RFC 6750's b64token); anything else,
 * a line break above all, could not be sent in a header safely. */
static gboolean
is_header_safe (const char *token)
{
  for (const char *p = token; *p != '\0'; p++)
    if (*p < 0x21 || *p > 0x7e)
      return FALSE;

  return TRUE;
}

gboolean
consult_sync_settings_validate (const ConsultSyncSettings  *settings,
                                GError                    **error)
{
  g_return_val_if_fail (settings != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!validate_base_url (settings->base_url, error))
    return FALSE;

  if (is_blank (settings->identifier_system) ||
      !g_uri_is_valid (settings->identifier_system, G_URI_FLAGS_NONE, NULL))
    {
      g_set_error (error, CONSULT_SYNC_ERROR, CONSULT_SYNC_ERROR_INVALID,
                   _("The clinic identifier system “%s” is not an absolute URI."),
                   settings->identifier_system != NULL ? settings->identifier_system : "");
      return FALSE;
    }

  if (settings->token != NULL && !is_header_safe (settings->token))
    {
      g_set_error_literal (error, CONSULT_SYNC_ERROR, CONSULT_SYNC_ERROR_INVALID,
                           _("The access token contains spaces or other characters "
                             "that cannot be sent. Copy it again."));
      return FALSE;
    }

  if (!is_blank (settings->ca_file) &&
      (!g_file_test (settings->ca_file, G_FILE_TEST_IS_REGULAR) ||
       g_access (settings->ca_file, R_OK) != 0))
    {
      g_set_error (error, CONSULT_SYNC_ERROR, CONSULT_SYNC_ERROR_INVALID,
                   _("The certificate authority file “%s” cannot be read."), settings->ca_file);
      return FALSE;
    }

  return TRUE;
}
