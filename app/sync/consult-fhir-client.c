/* consult-fhir-client.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-sync"

#include "config.h"

#include <string.h>

#include <curl/curl.h>
#include <glib/gi18n.h>

#include "consult-fhir-client-private.h"
#include "consult-sync-error.h"

/* A FHIR server's answer to one Bundle is small; anything far bigger is
 * not an answer we can use, and must not exhaust memory. */
#define MAX_RESPONSE_BYTES (32 * 1024 * 1024)

#define USER_AGENT "MedSpa-Consult/" PACKAGE_VERSION

struct _ConsultFhirClient
{
  GObject              parent_instance;

  ConsultSyncSettings *settings;
  char                *base;           /* the base URL without its trailing slash */
  CURL                *curl;
  ConsultFhirTimeouts  timeouts;
};

G_DEFINE_FINAL_TYPE (ConsultFhirClient, consult_fhir_client, G_TYPE_OBJECT)

/* libcurl wants its global set-up done once per process, before any
 * thread uses it; g_once makes that safe whichever thread comes first. */
static gpointer
init_curl (gpointer data)
{
  return GINT_TO_POINTER (curl_global_init (CURL_GLOBAL_DEFAULT));
}

static CURLcode
ensure_curl (void)
{
  static GOnce once = G_ONCE_INIT;

  return GPOINTER_TO_INT (g_once (&once, init_curl, NULL));
}

static void
consult_fhir_client_finalize (GObject *object)
{
  ConsultFhirClient *self = (ConsultFhirClient *) object;

  g_clear_pointer (&self->curl, curl_easy_cleanup);
  g_clear_pointer (&self->settings, consult_sync_settings_free);
  g_clear_pointer (&self->base, g_free);

  G_OBJECT_CLASS (consult_fhir_client_parent_class)->finalize (object);
}

static void
consult_fhir_client_class_init (ConsultFhirClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = consult_fhir_client_finalize;
}

static void
consult_fhir_client_init (ConsultFhirClient *self)
{
  self->timeouts = (ConsultFhirTimeouts) CONSULT_FHIR_TIMEOUTS_DEFAULT;
}

void
consult_fhir_client_set_timeouts (ConsultFhirClient         *self,
                                  const ConsultFhirTimeouts *timeouts)
{
  g_return_if_fail (CONSULT_IS_FHIR_CLIENT (self));
  g_return_if_fail (timeouts != NULL && timeouts->connect > 0 && timeouts->total > 0 &&
                    timeouts->low_speed > 0);

  self->timeouts = *timeouts;
}

ConsultFhirClient *
consult_fhir_client_new (const ConsultSyncSettings  *settings,
                         GError                    **error)
{
  g_autoptr (ConsultFhirClient) self = NULL;
  CURLcode code;

  g_return_val_if_fail (settings != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!consult_sync_settings_validate (settings, error))
    return NULL;

  self = g_object_new (CONSULT_TYPE_FHIR_CLIENT, NULL);
  if ((code = ensure_curl ()) != CURLE_OK || !(self->curl = curl_easy_init ()))
    {
      g_set_error (error, CONSULT_SYNC_ERROR, CONSULT_SYNC_ERROR_FAILED,
                   _("The network library could not start (%s)."),
                   curl_easy_strerror (code != CURLE_OK ? code : CURLE_OUT_OF_MEMORY));
      return NULL;
    }

  self->settings = consult_sync_settings_copy (settings);
  self->base = g_strdup (settings->base_url);
  while (g_str_has_suffix (self->base, "/"))
    self->base[strlen (self->base) - 1] = '\0';

  return g_steal_pointer (&self);
}

static size_t
write_body (char   *data,
            size_t  size,
            size_t  count,
            void   *user_data)
{
  ConsultFhirResponse *response = user_data;
  gsize length = size * count;

  /* Returning less than given makes libcurl stop with CURLE_WRITE_ERROR. */
  if (response->body->len + length > MAX_RESPONSE_BYTES)
    return 0;

  g_byte_array_append (response->body, (const guint8 *) data, length);
  return length;
}

/* Keeps the few headers the client acts on, from the last response only
 * (libcurl passes a 100 Continue's headers first). */
static size_t
write_header (char   *data,
              size_t  size,
              size_t  count,
              void   *user_data)
{
  ConsultFhirResponse *response = user_data;
  gsize length = size * count;
  g_autofree char *line = g_strndup (data, length);
  struct { const char *name; char **value; } wanted[] = {
    { "content-type", &response->content_type },
    { "location", &response->location },
    { "retry-after", &response->retry_after },
  };
  char *colon;

  if (g_str_has_prefix (line, "HTTP/"))
    {
      for (guint i = 0; i < G_N_ELEMENTS (wanted); i++)
        g_clear_pointer (wanted[i].value, g_free);
      return length;
    }

  if (!(colon = strchr (line, ':')))
    return length;

  *colon = '\0';
  for (guint i = 0; i < G_N_ELEMENTS (wanted); i++)
    if (g_ascii_strcasecmp (g_strstrip (line), wanted[i].name) == 0)
      {
        g_free (*wanted[i].value);
        *wanted[i].value = g_strstrip (g_strdup (colon + 1));
      }

  return length;
}

static int
check_cancelled (void       *user_data,
                 curl_off_t  download_total,
                 curl_off_t  download_now,
                 curl_off_t  upload_total,
                 curl_off_t  upload_now)
{
  return g_cancellable_is_cancelled (user_data) ? 1 : 0;
}

/* What every request of this client shares.  The handle is reset first,
 * so nothing of the previous request (its method, its body) carries
 * over; the connection itself stays open for reuse. */
static void
set_connection_options (ConsultFhirClient *self,
                        GCancellable      *cancellable)
{
  CURL *curl = self->curl;
  const char *protocol;

  curl_easy_reset (curl);

  /* Plain http only to loopback, as consult_sync_settings_validate()
   * already checked; never anything else (file://, ftp://…). */
  protocol = g_ascii_strncasecmp (self->base, "https:", 6) == 0 ? "https" : "http";
  curl_easy_setopt (curl, CURLOPT_PROTOCOLS_STR, protocol);
  curl_easy_setopt (curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt (curl, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt (curl, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt (curl, CURLOPT_SSL_VERIFYHOST, 2L);
  /* libcurl's CAINFO replaces the default bundle: a clinic with a private
   * CA names it, and then trusts that CA only (docs/fhir.md). */
  if (self->settings->ca_file != NULL && *self->settings->ca_file != '\0')
    curl_easy_setopt (curl, CURLOPT_CAINFO, self->settings->ca_file);

  curl_easy_setopt (curl, CURLOPT_CONNECTTIMEOUT, (long) self->timeouts.connect);
  curl_easy_setopt (curl, CURLOPT_TIMEOUT, (long) self->timeouts.total);
  curl_easy_setopt (curl, CURLOPT_LOW_SPEED_LIMIT, 1L);
  curl_easy_setopt (curl, CURLOPT_LOW_SPEED_TIME, (long) self->timeouts.low_speed);

  if (self->settings->token != NULL && *self->settings->token != '\0')
    {
      curl_easy_setopt (curl, CURLOPT_HTTPAUTH, (long) CURLAUTH_BEARER);
      curl_easy_setopt (curl, CURLOPT_XOAUTH2_BEARER, self->settings->token);
    }

  curl_easy_setopt (curl, CURLOPT_USERAGENT, USER_AGENT);
  curl_easy_setopt (curl, CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt (curl, CURLOPT_XFERINFOFUNCTION, check_cancelled);
  curl_easy_setopt (curl, CURLOPT_XFERINFODATA, cancellable);
}

static struct curl_slist *
request_headers (const ConsultFhirRequest *request)
{
  struct curl_slist *headers = NULL;

  headers = curl_slist_append (headers, "Accept: application/fhir+json");
  if (request->body != NULL)
    headers = curl_slist_append (headers, "Content-Type: application/fhir+json; charset=utf-8");
  /* No 100-continue round trip before each body. */
  headers = curl_slist_append (headers, "Expect:");
  if (request->if_none_exist != NULL)
    {
      g_autofree char *line = g_strdup_printf ("If-None-Exist: %s", request->if_none_exist);

      headers = curl_slist_append (headers, line);
    }

  return headers;
}

static void
set_transport_error (ConsultFhirClient  *self,
                     CURLcode            code,
                     GCancellable       *cancellable,
                     GError            **error)
{
  switch ((int) code)
    {
    case CURLE_ABORTED_BY_CALLBACK:
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return;
      break;
    case CURLE_PEER_FAILED_VERIFICATION:
      g_set_error_literal (error, CONSULT_SYNC_ERROR, CONSULT_SYNC_ERROR_UNTRUSTED,
                           _("The FHIR server’s certificate is not trusted, so nothing was sent. "
                             "Check the server address, or ask the clinic’s IT support for the "
                             "certificate authority file that signed the server’s certificate."));
      return;
    case CURLE_SSL_CACERT_BADFILE:
      g_set_error (error, CONSULT_SYNC_ERROR, CONSULT_SYNC_ERROR_INVALID,
                   _("The certificate authority file “%s” does not hold a usable certificate."),
                   self->settings->ca_file);
      return;
    case CURLE_OPERATION_TIMEDOUT:
      g_set_error_literal (error, CONSULT_SYNC_ERROR, CONSULT_SYNC_ERROR_NETWORK,
                           _("The FHIR server did not answer in time."));
      return;
    case CURLE_COULDNT_RESOLVE_HOST:
      g_set_error_literal (error, CONSULT_SYNC_ERROR, CONSULT_SYNC_ERROR_NETWORK,
                           _("The FHIR server’s name could not be found. "
                             "Check the server address and the network connection."));
      return;
    case CURLE_COULDNT_CONNECT:
      g_set_error_literal (error, CONSULT_SYNC_ERROR, CONSULT_SYNC_ERROR_NETWORK,
                           _("Could not connect to the FHIR server. It may be down, "
                             "or this computer may be offline."));
      return;
    case CURLE_WRITE_ERROR:
      g_set_error_literal (error, CONSULT_SYNC_ERROR, CONSULT_SYNC_ERROR_FAILED,
                           _("The FHIR server’s answer is too large."));
      return;
    default:
      break;
    }

  g_set_error (error, CONSULT_SYNC_ERROR, CONSULT_SYNC_ERROR_NETWORK,
               _("The connection to the FHIR server failed (%s)."), curl_easy_strerror (code));
}

gboolean
_consult_fhir_client_perform (ConsultFhirClient         *self,
                              const ConsultFhirRequest  *request,
                              ConsultFhirResponse       *response,
                              GCancellable              *cancellable,
                              GError                   **error)
{
  g_autofree char *url = NULL;
  struct curl_slist *headers;
  gint64 started = g_get_monotonic_time ();
  long status = 0;
  CURLcode code;

  g_assert (CONSULT_IS_FHIR_CLIENT (self));

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  _consult_fhir_response_clear (response);
  response->body = g_byte_array_new ();

  /* "[base]/" for the transaction itself: servers route the base with
   * its slash (HAPI and Medplum alike). */
  url = g_strconcat (self->base, "/", request->path, NULL);
  headers = request_headers (request);

  set_connection_options (self, cancellable);
  curl_easy_setopt (self->curl, CURLOPT_URL, url);
  curl_easy_setopt (self->curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt (self->curl, CURLOPT_WRITEFUNCTION, write_body);
  curl_easy_setopt (self->curl, CURLOPT_WRITEDATA, response);
  curl_easy_setopt (self->curl, CURLOPT_HEADERFUNCTION, write_header);
  curl_easy_setopt (self->curl, CURLOPT_HEADERDATA, response);
  if (request->body != NULL)
    {
      curl_easy_setopt (self->curl, CURLOPT_POSTFIELDS, request->body);
      curl_easy_setopt (self->curl, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t) request->body_length);
    }
  if (!g_str_equal (request->method, "GET") && !g_str_equal (request->method, "POST"))
    curl_easy_setopt (self->curl, CURLOPT_CUSTOMREQUEST, request->method);

  code = curl_easy_perform (self->curl);
  curl_slist_free_all (headers);
  curl_easy_getinfo (self->curl, CURLINFO_RESPONSE_CODE, &status);

  /* Only what was asked and how it went: never a body, a query value
   * (the record ids are harmless, but keep the rule simple) or the token. */
  g_debug ("%s %s: %s, HTTP %ld, %" G_GINT64_FORMAT " ms",
           request->method, request->what, curl_easy_strerror (code), status,
           (g_get_monotonic_time () - started) / 1000);

  /* Keep the handle from pointing at what is freed when this returns. */
  curl_easy_setopt (self->curl, CURLOPT_XFERINFODATA, NULL);

  if (code != CURLE_OK)
    {
      set_transport_error (self, code, cancellable, error);
      return FALSE;
    }

  response->status = (guint) status;
  return TRUE;
}

JsonNode *
consult_fhir_client_read_metadata (ConsultFhirClient  *self,
                                   GCancellable       *cancellable,
                                   ConsultFhirResult  *result,
                                   GError            **error)
{
  g_auto (ConsultFhirResponse) response = { 0 };
  const ConsultFhirRequest request = {
    .method = "GET",
    .path = "metadata",
    .what = "metadata",
  };

  g_return_val_if_fail (CONSULT_IS_FHIR_CLIENT (self), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  consult_fhir_result_clear (result);

  if (!_consult_fhir_client_perform (self, &request, &response, cancellable, error) ||
      !_consult_fhir_check_response (&response, result, error))
    return NULL;

  return _consult_fhir_parse_resource (&response, "CapabilityStatement", error);
}

static gboolean
has_transaction (JsonArray *interactions)
{
  for (guint i = 0; i < json_array_get_length (interactions); i++)
    {
      JsonNode *node = json_array_get_element (interactions, i);

      if (JSON_NODE_HOLDS_OBJECT (node) &&
          g_strcmp0 (json_object_get_string_member_with_default (json_node_get_object (node),
                                                                 "code", NULL),
                     "transaction") == 0)
        return TRUE;
    }

  return FALSE;
}

/* rest[mode = server].interaction[code = transaction] */
gboolean
consult_fhir_capability_supports_transaction (JsonNode *capability)
{
  JsonNode *rest;

  g_return_val_if_fail (capability != NULL, FALSE);

  if (!JSON_NODE_HOLDS_OBJECT (capability) ||
      !(rest = json_object_get_member (json_node_get_object (capability), "rest")) ||
      !JSON_NODE_HOLDS_ARRAY (rest))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (json_node_get_array (rest)); i++)
    {
      JsonNode *node = json_array_get_element (json_node_get_array (rest), i);
      JsonObject *object;
      JsonNode *interactions;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;

      object = json_node_get_object (node);
      interactions = json_object_get_member (object, "interaction");
      if (g_strcmp0 (json_object_get_string_member_with_default (object, "mode", NULL), "server") == 0 &&
          interactions != NULL && JSON_NODE_HOLDS_ARRAY (interactions) &&
          has_transaction (json_node_get_array (interactions)))
        return TRUE;
    }

  return FALSE;
}

static guint
count_entries (JsonNode *bundle)
{
  JsonNode *entries = json_object_get_member (json_node_get_object (bundle), "entry");

  return entries != NULL && JSON_NODE_HOLDS_ARRAY (entries)
         ? json_array_get_length (json_node_get_array (entries)) : 0;
}

static JsonNode *
send_transaction (ConsultFhirClient  *self,
                  JsonNode           *bundle,
                  GCancellable       *cancellable,
                  ConsultFhirResult  *result,
                  GError            **error)
{
  g_auto (ConsultFhirResponse) response = { 0 };
  g_autofree char *body = json_to_string (bundle, FALSE);
  g_autoptr (JsonNode) answer = NULL;
  const ConsultFhirRequest request = {
    .method = "POST",
    .path = "",
    .body = body,
    .body_length = strlen (body),
    .what = "transaction",
  };
  const char *type;

  if (!_consult_fhir_client_perform (self, &request, &response, cancellable, error) ||
      !_consult_fhir_check_response (&response, result, error) ||
      !(answer = _consult_fhir_parse_resource (&response, "Bundle", error)))
    return NULL;

  type = json_object_get_string_member_with_default (json_node_get_object (answer), "type", NULL);
  if (g_strcmp0 (type, "transaction-response") != 0 || count_entries (answer) != count_entries (bundle))
    {
      g_set_error_literal (error, CONSULT_SYNC_ERROR, CONSULT_SYNC_ERROR_FAILED,
                           _("The FHIR server’s answer to the transaction does not list every record."));
      return NULL;
    }

  return g_steal_pointer (&answer);
}

JsonNode *
consult_fhir_client_send_bundle (ConsultFhirClient  *self,
                                 JsonNode           *bundle,
                                 gboolean            transactions,
                                 GCancellable       *cancellable,
                                 ConsultFhirResult  *result,
                                 GError            **error)
{
  g_return_val_if_fail (CONSULT_IS_FHIR_CLIENT (self), NULL);
  g_return_val_if_fail (bundle != NULL && JSON_NODE_HOLDS_OBJECT (bundle), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  consult_fhir_result_clear (result);

  if (transactions)
    return send_transaction (self, bundle, cancellable, result, error);

  return _consult_fhir_client_send_each (self, bundle, cancellable, result, error);
}
