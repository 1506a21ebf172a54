/* consult-fhir-http.c
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

/* Enough for every issue of a typical OperationOutcome, short enough for
 * a dialog or one line of the sync state. */
#define OUTCOME_MAX_CHARS 400

void
consult_fhir_result_clear (ConsultFhirResult *result)
{
  if (result == NULL)
    return;

  result->status = 0;
  result->retry_after_seconds = -1;
  g_clear_pointer (&result->outcome_text, g_free);
}

void
_consult_fhir_response_clear (ConsultFhirResponse *response)
{
  response->status = 0;
  g_clear_pointer (&response->body, g_byte_array_unref);
  g_clear_pointer (&response->content_type, g_free);
  g_clear_pointer (&response->location, g_free);
  g_clear_pointer (&response->retry_after, g_free);
}

gint64
consult_fhir_parse_retry_after (const char *value,
                                gint64      now)
{
  g_autofree char *text = NULL;
  guint64 seconds;
  char *end;
  time_t date;

  if (value == NULL)
    return -1;

  text = g_strstrip (g_strdup (value));
  if (*text == '\0')
    return -1;

  if (g_ascii_isdigit (*text))
    {
      seconds = g_ascii_strtoull (text, &end, 10);
      if (*end != '\0')
        return -1;
      return (gint64) MIN (seconds, (guint64) G_MAXINT32);
    }

  /* IMF-fixdate, and the obsolete RFC 850 and asctime forms, which
   * RFC 9110 says a recipient must accept too. */
  date = curl_getdate (text, NULL);
  if (date == -1)
    return -1;

  return MAX ((gint64) date - now, 0);
}

static gboolean
is_resource_type (const char *text)
{
  if (!g_ascii_isupper (*text))
    return FALSE;

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p))
      return FALSE;

  return TRUE;
}

/* FHIR ids: [A-Za-z0-9\-\.]{1,64}. */
static gboolean
is_id (const char *text)
{
  gsize length = strlen (text);

  if (length == 0 || length > 64)
    return FALSE;

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '.')
      return FALSE;

  return TRUE;
}

gboolean
consult_fhir_parse_location (const char  *location,
                             char       **resource_type,
                             char       **id,
                             char       **version_id)
{
  g_auto (GStrv) parts = NULL;
  g_autofree char *path = NULL;
  const char *version = NULL;
  guint n;

  g_return_val_if_fail (resource_type != NULL && id != NULL && version_id != NULL, FALSE);

  *resource_type = *id = *version_id = NULL;
  if (location == NULL)
    return FALSE;

  path = g_strndup (location, strcspn (location, "?#"));
  parts = g_strsplit (path, "/", -1);
  n = g_strv_length (parts);

  if (n >= 4 && g_str_equal (parts[n - 2], "_history"))
    {
      version = parts[n - 1];
      n -= 2;
    }

  if (n < 2 || !is_resource_type (parts[n - 2]) || !is_id (parts[n - 1]) ||
      (version != NULL && !is_id (version)))
    return FALSE;

  *resource_type = g_strdup (parts[n - 2]);
  *id = g_strdup (parts[n - 1]);
  *version_id = g_strdup (version);
  return TRUE;
}

/* One line, no control characters, at most OUTCOME_MAX_CHARS. */
static char *
tidy_text (const char *text)
{
  g_autofree char *line = g_strdup (text);
  glong length;

  for (char *p = line; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || *p == 0x7f)
      *p = ' ';

  g_strstrip (line);
  if (*line == '\0')
    return NULL;

  length = g_utf8_strlen (line, -1);
  if (length <= OUTCOME_MAX_CHARS)
    return g_steal_pointer (&line);

  {
    g_autofree char *head = g_utf8_substring (line, 0, OUTCOME_MAX_CHARS - 1);
    return g_strconcat (head, "…", NULL);
  }
}

/* A server's JSON is not trusted to have the expected shapes. */
static JsonNode *
member_of_type (JsonObject   *object,
                const char   *name,
                JsonNodeType  type)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_TYPE (node) == type ? node : NULL;
}

static void
append_issue (GString    *text,
              JsonObject *issue)
{
  const char *message;
  JsonNode *details;
  JsonNode *expression_node;
  JsonArray *expression;

  message = json_object_get_string_member_with_default (issue, "diagnostics", NULL);
  if (message == NULL && (details = member_of_type (issue, "details", JSON_NODE_OBJECT)) != NULL)
    message = json_object_get_string_member_with_default (json_node_get_object (details), "text", NULL);
  if (message == NULL)
    return;

  if (text->len > 0)
    g_string_append (text, "; ");
  g_string_append (text, message);

  /* Where the problem is ("Patient.gender") is as useful as what it is. */
  expression_node = member_of_type (issue, "expression", JSON_NODE_ARRAY);
  expression = expression_node != NULL ? json_node_get_array (expression_node) : NULL;
  if (expression != NULL && json_array_get_length (expression) > 0)
    {
      g_string_append (text, " (");
      for (guint i = 0; i < json_array_get_length (expression); i++)
        {
          JsonNode *element = json_array_get_element (expression, i);
          const char *path = JSON_NODE_HOLDS_VALUE (element) ? json_node_get_string (element) : NULL;

          if (path != NULL)
            g_string_append_printf (text, "%s%s", i > 0 ? ", " : "", path);
        }
      g_string_append_c (text, ')');
    }
}

static char *
operation_outcome_text (JsonNode *root)
{
  g_autoptr (GString) text = g_string_new (NULL);
  JsonObject *outcome;
  JsonNode *issues_node;
  JsonArray *issues;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    return NULL;

  outcome = json_node_get_object (root);
  if (g_strcmp0 (json_object_get_string_member_with_default (outcome, "resourceType", NULL),
                 "OperationOutcome") != 0 ||
      !(issues_node = member_of_type (outcome, "issue", JSON_NODE_ARRAY)))
    return NULL;

  issues = json_node_get_array (issues_node);
  for (guint i = 0; i < json_array_get_length (issues); i++)
    {
      JsonNode *issue = json_array_get_element (issues, i);

      if (JSON_NODE_HOLDS_OBJECT (issue))
        append_issue (text, json_node_get_object (issue));
    }

  return tidy_text (text->str);
}

static char *
html_title (const char *body)
{
  g_autoptr (GRegex) regex = g_regex_new ("<title[^>]*>([^<]*)</title>",
                                          G_REGEX_CASELESS, 0, NULL);
  g_autoptr (GMatchInfo) match = NULL;
  g_autofree char *title = NULL;

  if (!g_regex_match (regex, body, 0, &match))
    return NULL;

  title = g_match_info_fetch (match, 1);
  return tidy_text (title);
}

static char *
first_line (const char *body)
{
  g_auto (GStrv) lines = g_strsplit (body, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = tidy_text (lines[i]);

      if (line != NULL)
        return line;
    }

  return NULL;
}

char *
consult_fhir_outcome_text (const char *body,
                           gsize       length,
                           const char *content_type)
{
  g_autoptr (JsonParser) parser = NULL;
  g_autofree char *text = NULL;
  char *outcome;

  if (body == NULL || length == 0 || !g_utf8_validate_len (body, length, NULL))
    return NULL;

  text = g_strndup (body, length);
  parser = json_parser_new_immutable ();
  if (json_parser_load_from_data (parser, text, -1, NULL) &&
      (outcome = operation_outcome_text (json_parser_get_root (parser))) != NULL)
    return outcome;

  if (content_type != NULL && strstr (content_type, "html") != NULL)
    return html_title (text);

  return first_line (text);
}

static gboolean
is_retryable_status (guint status)
{
  switch (status)
    {
    case 408: case 429: case 500: case 502: case 503: case 504:
      return TRUE;
    default:
      return FALSE;
    }
}

/* "MESSAGE" or "MESSAGE: SERVER TEXT"; the server's text is shown to the
 * person (it says what to fix) but never logged, as it may quote the
 * record. */
static void
set_status_error (GError     **error,
                  gint         code,
                  const char  *message,
                  const char  *outcome_text)
{
  if (outcome_text != NULL)
    g_set_error (error, CONSULT_SYNC_ERROR, code, "%s %s", message, outcome_text);
  else
    g_set_error_literal (error, CONSULT_SYNC_ERROR, code, message);
}

gboolean
_consult_fhir_check_response (const ConsultFhirResponse  *response,
                              ConsultFhirResult          *result,
                              GError                    **error)
{
  guint status = response->status;
  g_autofree char *message = NULL;
  g_autofree char *text = NULL;

  if (result != NULL)
    {
      consult_fhir_result_clear (result);
      result->status = status;
      result->retry_after_seconds =
        consult_fhir_parse_retry_after (response->retry_after, g_get_real_time () / G_USEC_PER_SEC);
    }

  if (status >= 200 && status < 300)
    return TRUE;

  if (response->body != NULL)
    text = consult_fhir_outcome_text ((const char *) response->body->data, response->body->len,
                                      response->content_type);

  if (status == 401 || status == 403)
    {
      message = g_strdup_printf (_("The FHIR server refused access (HTTP %u). "
                                   "Check the access token."), status);
      set_status_error (error, CONSULT_SYNC_ERROR_UNAUTHORIZED, message, text);
    }
  else if (is_retryable_status (status))
    {
      message = g_strdup_printf (_("The FHIR server is busy or unavailable (HTTP %u)."), status);
      set_status_error (error, CONSULT_SYNC_ERROR_NETWORK, message, text);
    }
  else if (status >= 400 && status < 500)
    {
      message = g_strdup_printf (_("The FHIR server refused the record (HTTP %u)."), status);
      set_status_error (error, CONSULT_SYNC_ERROR_REJECTED, message, text);
    }
  else if (status >= 300 && status < 400)
    {
      message = g_strdup_printf (_("The FHIR server redirects to another address (HTTP %u). "
                                   "Check the server address."), status);
      set_status_error (error, CONSULT_SYNC_ERROR_FAILED, message, NULL);
    }
  else
    {
      message = g_strdup_printf (_("The FHIR server failed (HTTP %u)."), status);
      set_status_error (error, CONSULT_SYNC_ERROR_FAILED, message, text);
    }

  if (result != NULL)
    result->outcome_text = g_steal_pointer (&text);

  return FALSE;
}

JsonNode *
_consult_fhir_parse_resource (const ConsultFhirResponse  *response,
                              const char                 *resource_type,
                              GError                    **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonNode *root;

  if (response->body != NULL &&
      json_parser_load_from_data (parser, (const char *) response->body->data,
                                  response->body->len, NULL) &&
      (root = json_parser_get_root (parser)) != NULL &&
      JSON_NODE_HOLDS_OBJECT (root) &&
      g_strcmp0 (json_object_get_string_member_with_default (json_node_get_object (root),
                                                             "resourceType", NULL),
                 resource_type) == 0)
    return json_node_copy (root);

  g_set_error (error, CONSULT_SYNC_ERROR, CONSULT_SYNC_ERROR_FAILED,
               _("The FHIR server’s answer is not the expected %s."), resource_type);
  return NULL;
}
