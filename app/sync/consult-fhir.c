/* consult-fhir.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-sync"

#include "config.h"

#include <glib/gi18n.h>

#include "consult-fhir-private.h"
#include "consult-sync-error.h"

/* Name-based (version 5) UUIDs need a namespace of their own. */
static const guint8 fhir_namespace[16] = {
  0x6b, 0x1e, 0x2c, 0x55, 0x0f, 0x3a, 0x4d, 0x8e,
  0x9a, 0x41, 0x7c, 0x02, 0xd3, 0x58, 0xe6, 0x19,
};

/* A bundle-local fullUrl that is the same every time the same record is
 * mapped (so a Bundle is reproducible) yet is not the record's id itself. */
char *
_consult_fhir_full_url (const char *resource_type,
                        const char *key)
{
  g_autoptr (GChecksum) sha1 = g_checksum_new (G_CHECKSUM_SHA1);
  guint8 digest[20];
  gsize length = sizeof digest;

  g_assert (resource_type != NULL && key != NULL);

  g_checksum_update (sha1, fhir_namespace, sizeof fhir_namespace);
  g_checksum_update (sha1, (const guchar *) resource_type, -1);
  g_checksum_update (sha1, (const guchar *) "/", 1);
  g_checksum_update (sha1, (const guchar *) key, -1);
  g_checksum_get_digest (sha1, digest, &length);

  digest[6] = (digest[6] & 0x0f) | 0x50;
  digest[8] = (digest[8] & 0x3f) | 0x80;

  return g_strdup_printf ("urn:uuid:%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
                          "%02x%02x%02x%02x%02x%02x",
                          digest[0], digest[1], digest[2], digest[3], digest[4], digest[5],
                          digest[6], digest[7], digest[8], digest[9], digest[10], digest[11],
                          digest[12], digest[13], digest[14], digest[15]);
}

JsonObject *
_consult_fhir_add_object (JsonObject *parent,
                          const char *member)
{
  JsonObject *object = json_object_new ();

  json_object_set_object_member (parent, member, object);
  return object;
}

JsonArray *
_consult_fhir_add_array (JsonObject *parent,
                         const char *member)
{
  JsonArray *array = json_array_new ();

  json_object_set_array_member (parent, member, array);
  return array;
}

JsonObject *
_consult_fhir_append_object (JsonArray *array)
{
  JsonObject *object = json_object_new ();

  json_array_add_object_element (array, object);
  return object;
}

void
_consult_fhir_set_reference (JsonObject *parent,
                             const char *member,
                             const char *full_url)
{
  json_object_set_string_member (_consult_fhir_add_object (parent, member), "reference", full_url);
}

JsonObject *
_consult_fhir_identifier_new (const char *system,
                              const char *value)
{
  JsonObject *identifier = json_object_new ();

  json_object_set_string_member (identifier, "system", system);
  json_object_set_string_member (identifier, "value", value);
  return identifier;
}

void
_consult_fhir_add_identifier (JsonObject *resource,
                              const char *system,
                              const char *value)
{
  json_array_add_object_element (_consult_fhir_add_array (resource, "identifier"),
                                 _consult_fhir_identifier_new (system, value));
}

void
_consult_fhir_add_coding (JsonObject *concept,
                          const char *system,
                          const char *code,
                          const char *display)
{
  JsonArray *codings;
  JsonObject *coding;

  if (json_object_has_member (concept, "coding"))
    codings = json_object_get_array_member (concept, "coding");
  else
    codings = _consult_fhir_add_array (concept, "coding");

  coding = _consult_fhir_append_object (codings);
  json_object_set_string_member (coding, "system", system);
  json_object_set_string_member (coding, "code", code);
  if (display != NULL)
    json_object_set_string_member (coding, "display", display);
}

char *
_consult_fhir_format_time (gint64 unix_usec)
{
  g_autoptr (GDateTime) time = g_date_time_new_from_unix_utc (unix_usec / G_USEC_PER_SEC);

  return time != NULL ? g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ") : NULL;
}

void
consult_fhir_records_free (ConsultFhirRecords *records)
{
  if (records == NULL)
    return;

  g_clear_pointer (&records->client, consult_store_client_free);
  g_clear_pointer (&records->consultation, consult_store_consultation_free);
  g_clear_pointer (&records->plan, consult_store_plan_version_free);
  g_clear_pointer (&records->consents, g_ptr_array_unref);
  g_free (records);
}

ConsultFhirRecords *
consult_fhir_records_load (ConsultStore  *store,
                           const char    *plan_id,
                           GError       **error)
{
  g_autoptr (ConsultFhirRecords) records = g_new0 (ConsultFhirRecords, 1);

  g_return_val_if_fail (CONSULT_IS_STORE (store), NULL);
  g_return_val_if_fail (plan_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(records->plan = consult_store_get_plan (store, plan_id, error)) ||
      !(records->consultation = consult_store_get_consultation (store, records->plan->consultation_id, error)) ||
      !(records->client = consult_store_get_client (store, records->consultation->client_id, error)) ||
      !(records->consents = consult_store_list_consents (store, plan_id, error)))
    return NULL;

  return g_steal_pointer (&records);
}

static void
add_entry (JsonArray  *entries,
           const char *full_url,
           JsonObject *resource,
           const char *method,
           const char *url,
           const char *if_none_exist)
{
  JsonObject *entry = _consult_fhir_append_object (entries);
  JsonObject *request;

  json_object_set_string_member (entry, "fullUrl", full_url);
  json_object_set_object_member (entry, "resource", resource);
  request = _consult_fhir_add_object (entry, "request");
  json_object_set_string_member (request, "method", method);
  json_object_set_string_member (request, "url", url);
  if (if_none_exist != NULL)
    json_object_set_string_member (request, "ifNoneExist", if_none_exist);
}

/* "identifier=SYSTEM|VALUE", the search that finds a record again; the
 * characters that would end the parameter are escaped. */
static char *
identifier_query (const char *system,
                  const char *value)
{
  g_autofree char *token = g_strdup_printf ("%s|%s", system, value);
  g_autofree char *escaped = g_uri_escape_string (token, ":/|@.-_~", FALSE);

  return g_strdup_printf ("identifier=%s", escaped);
}

static char *
conditional_url (const char *resource_type,
                 const char *system,
                 const char *value)
{
  g_autofree char *query = identifier_query (system, value);

  return g_strdup_printf ("%s?%s", resource_type, query);
}

static void
add_questionnaire (JsonArray        *entries,
                   ConsultCatalogue *catalogue)
{
  g_autoptr (JsonNode) node = consult_fhir_questionnaire_new (catalogue);
  JsonObject *questionnaire = json_node_get_object (node);
  const char *url = json_object_get_string_member (questionnaire, "url");
  const char *version = json_object_get_string_member (questionnaire, "version");
  g_autofree char *canonical = g_strdup_printf ("%s|%s", url, version);
  g_autofree char *full_url = _consult_fhir_full_url ("Questionnaire", canonical);
  g_autofree char *escaped_url = g_uri_escape_string (url, ":/@.-_~", FALSE);
  g_autofree char *escaped_version = g_uri_escape_string (version, NULL, FALSE);
  g_autofree char *request_url = g_strdup_printf ("Questionnaire?url=%s&version=%s",
                                                  escaped_url, escaped_version);

  add_entry (entries, full_url, json_object_ref (questionnaire), "PUT", request_url, NULL);
}

JsonNode *
consult_fhir_bundle_new (const ConsultFhirRecords  *records,
                         ConsultCatalogue          *catalogue,
                         const char                *identifier_system,
                         GDateTime                 *timestamp,
                         GError                   **error)
{
  g_autoptr (ConsultIntake) intake = NULL;
  g_autoptr (ConsultPlan) plan = NULL;
  g_autoptr (GDateTime) utc = NULL;
  g_autofree char *patient_url = NULL;
  g_autofree char *response_url = NULL;
  g_autofree char *care_plan_url = NULL;
  g_autofree char *questionnaire = NULL;
  g_autofree char *time = NULL;
  g_autofree char *query = NULL;
  g_autofree char *url = NULL;
  ConsultFhirLinks links;
  JsonObject *bundle;
  JsonArray *entries;
  JsonNode *node;

  g_return_val_if_fail (records != NULL && records->plan != NULL, NULL);
  g_return_val_if_fail (CONSULT_IS_CATALOGUE (catalogue), NULL);
  g_return_val_if_fail (identifier_system != NULL, NULL);
  g_return_val_if_fail (timestamp != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_uri_is_valid (identifier_system, G_URI_FLAGS_NONE, NULL))
    {
      g_set_error (error, CONSULT_SYNC_ERROR, CONSULT_SYNC_ERROR_INVALID,
                   _("The clinic identifier system “%s” is not an absolute URI."), identifier_system);
      return NULL;
    }

  if (!(intake = consult_intake_new_from_data (records->consultation->intake_json, -1, error)) ||
      !(plan = consult_plan_new_from_json (records->plan->plan_json, -1, error)))
    return NULL;

  patient_url = _consult_fhir_full_url ("Patient", records->client->id);
  response_url = _consult_fhir_full_url ("QuestionnaireResponse", records->consultation->id);
  care_plan_url = _consult_fhir_full_url ("CarePlan", records->plan->id);
  questionnaire = consult_fhir_questionnaire_canonical (catalogue);
  links = (ConsultFhirLinks) {
    .system = identifier_system,
    .patient_url = patient_url,
    .response_url = response_url,
    .care_plan_url = care_plan_url,
    .questionnaire = questionnaire,
  };

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, json_object_new ());
  bundle = json_node_get_object (node);
  json_object_set_string_member (bundle, "resourceType", "Bundle");
  json_object_set_string_member (bundle, "type", "transaction");
  utc = g_date_time_to_utc (timestamp);
  time = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
  json_object_set_string_member (bundle, "timestamp", time);
  entries = _consult_fhir_add_array (bundle, "entry");

  /* Conditional create: an EHR that already knows the client keeps its
   * own Patient (and its demographics) untouched. */
  query = identifier_query (identifier_system, records->client->id);
  add_entry (entries, patient_url, _consult_fhir_patient_new (records->client, &links),
             "POST", "Patient", query);
  add_questionnaire (entries, catalogue);

  url = conditional_url ("QuestionnaireResponse", identifier_system, records->consultation->id);
  add_entry (entries, response_url,
             _consult_fhir_response_new (intake, catalogue, records->consultation, &links),
             "PUT", url, NULL);
  g_free (url);

  url = conditional_url ("CarePlan", identifier_system, records->plan->id);
  add_entry (entries, care_plan_url,
             _consult_fhir_care_plan_new (records->plan, plan, catalogue, &links),
             "PUT", url, NULL);

  for (guint i = 0; records->consents != NULL && i < records->consents->len; i++)
    {
      const ConsultStoreConsent *consent = g_ptr_array_index (records->consents, i);
      g_autofree char *consent_url = _consult_fhir_full_url ("Consent", consent->id);
      g_autofree char *consent_query = identifier_query (identifier_system, consent->id);

      /* A consent never changes once recorded: create it once. */
      add_entry (entries, consent_url, _consult_fhir_consent_new (consent, &links),
                 "POST", "Consent", consent_query);
    }

  return node;
}

char *
consult_fhir_to_string (JsonNode *node)
{
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  GString *text;

  g_return_val_if_fail (node != NULL, NULL);

  json_generator_set_root (generator, node);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = g_string_new (NULL);
  json_generator_to_gstring (generator, text);
  g_string_append_c (text, '\n');

  return g_string_free (text, FALSE);
}
