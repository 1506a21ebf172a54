/* consult-fhir-client-each.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-sync"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "consult-fhir-client-private.h"
#include "consult-fhir-private.h"
#include "consult-sync-error.h"

/* Per-request mode: for a server whose CapabilityStatement lacks
 * transactions, the Bundle's entries go one at a time, in order, as the
 * same conditional requests.  The server cannot resolve the Bundle's
 * urn:uuid references then, so the client does: each entry's answer says
 * where it was stored, and later entries point there instead. */

static void
rewrite_references (JsonNode   *node,
                    GHashTable *server_refs)
{
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        rewrite_references (json_array_get_element (array, i), server_refs);
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr (GList) members = json_object_get_members (object);

      for (GList *l = members; l != NULL; l = l->next)
        {
          JsonNode *member = json_object_get_member (object, l->data);
          const char *target;

          if (g_str_equal (l->data, "reference") && JSON_NODE_HOLDS_VALUE (member) &&
              (target = g_hash_table_lookup (server_refs, json_node_get_string (member))) != NULL)
            json_object_set_string_member (object, l->data, target);
          else
            rewrite_references (member, server_refs);
        }
    }
}

/* "Type/id/_history/vid" from the Location header or, when the server
 * sent none (a conditional create that found the record answers 200
 * with it), from the resource in the body. */
static char *
stored_location (const ConsultFhirResponse *response)
{
  g_autofree char *type = NULL;
  g_autofree char *id = NULL;
  g_autofree char *version = NULL;
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  JsonObject *resource;
  JsonNode *meta;

  if (consult_fhir_parse_location (response->location, &type, &id, &version))
    return version != NULL ? g_strdup_printf ("%s/%s/_history/%s", type, id, version)
                           : g_strdup_printf ("%s/%s", type, id);

  if (response->body == NULL ||
      !json_parser_load_from_data (parser, (const char *) response->body->data,
                                   response->body->len, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return NULL;

  resource = json_node_get_object (json_parser_get_root (parser));
  type = g_strdup (json_object_get_string_member_with_default (resource, "resourceType", NULL));
  id = g_strdup (json_object_get_string_member_with_default (resource, "id", NULL));
  if (type == NULL || id == NULL)
    return NULL;

  meta = json_object_get_member (resource, "meta");
  if (meta != NULL && JSON_NODE_HOLDS_OBJECT (meta))
    version = g_strdup (json_object_get_string_member_with_default (json_node_get_object (meta),
                                                                    "versionId", NULL));

  return version != NULL ? g_strdup_printf ("%s/%s/_history/%s", type, id, version)
                         : g_strdup_printf ("%s/%s", type, id);
}

/* Sends one entry; returns its transaction-response entry, and adds its
 * fullUrl's server reference to @server_refs. */
static JsonObject *
send_entry (ConsultFhirClient  *self,
            JsonObject         *entry,
            GHashTable         *server_refs,
            GCancellable       *cancellable,
            ConsultFhirResult  *result,
            GError            **error)
{
  g_auto (ConsultFhirResponse) response = { 0 };
  g_autoptr (JsonNode) resource = NULL;
  g_autofree char *body = NULL;
  g_autofree char *location = NULL;
  g_autofree char *status = NULL;
  g_autofree char *type = NULL;
  g_autofree char *id = NULL;
  g_autofree char *version = NULL;
  JsonObject *request_object;
  JsonObject *answer;
  ConsultFhirRequest request = { 0 };

  request_object = json_object_get_object_member (entry, "request");
  resource = json_node_copy (json_object_get_member (entry, "resource"));
  rewrite_references (resource, server_refs);
  body = json_to_string (resource, FALSE);

  request.method = json_object_get_string_member (request_object, "method");
  request.path = json_object_get_string_member (request_object, "url");
  request.if_none_exist = json_object_get_string_member_with_default (request_object, "ifNoneExist", NULL);
  request.body = body;
  request.body_length = strlen (body);
  request.what = json_object_get_string_member (json_node_get_object (resource), "resourceType");

  if (!_consult_fhir_client_perform (self, &request, &response, cancellable, error) ||
      !_consult_fhir_check_response (&response, result, error))
    return NULL;

  location = stored_location (&response);
  if (location == NULL || !consult_fhir_parse_location (location, &type, &id, &version))
    {
      g_set_error_literal (error, CONSULT_SYNC_ERROR, CONSULT_SYNC_ERROR_FAILED,
                           _("The FHIR server did not say where it stored a record."));
      return NULL;
    }

  g_hash_table_insert (server_refs,
                       g_strdup (json_object_get_string_member (entry, "fullUrl")),
                       g_strdup_printf ("%s/%s", type, id));

  answer = json_object_new ();
  status = g_strdup_printf ("%u", response.status);
  json_object_set_string_member (answer, "status", status);
  json_object_set_string_member (answer, "location", location);
  return answer;
}

JsonNode *
_consult_fhir_client_send_each (ConsultFhirClient  *self,
                                JsonNode           *bundle,
                                GCancellable       *cancellable,
                                ConsultFhirResult  *result,
                                GError            **error)
{
  g_autoptr (GHashTable) server_refs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (JsonNode) answer = json_node_new (JSON_NODE_OBJECT);
  JsonObject *answer_bundle = json_object_new ();
  JsonArray *answer_entries = json_array_new ();
  JsonArray *entries;

  json_node_take_object (answer, answer_bundle);
  json_object_set_string_member (answer_bundle, "resourceType", "Bundle");
  json_object_set_string_member (answer_bundle, "type", "transaction-response");
  json_object_set_array_member (answer_bundle, "entry", answer_entries);

  entries = json_object_get_array_member (json_node_get_object (bundle), "entry");
  for (guint i = 0; entries != NULL && i < json_array_get_length (entries); i++)
    {
      JsonObject *entry = json_array_get_object_element (entries, i);
      JsonObject *response;

      if (!(response = send_entry (self, entry, server_refs, cancellable, result, error)))
        return NULL;

      json_object_set_object_member (_consult_fhir_append_object (answer_entries), "response", response);
    }

  return g_steal_pointer (&answer);
}
