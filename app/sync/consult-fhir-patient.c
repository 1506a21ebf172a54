/* consult-fhir-patient.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-sync"

#include "config.h"

#include "consult-fhir-private.h"

static gboolean
is_blank (const char *text)
{
  return text == NULL || *text == '\0';
}

static void
add_telecom (JsonArray  **telecom,
             JsonObject  *patient,
             const char  *system,
             const char  *value)
{
  JsonObject *contact;

  if (is_blank (value))
    return;

  if (*telecom == NULL)
    *telecom = _consult_fhir_add_array (patient, "telecom");

  contact = _consult_fhir_append_object (*telecom);
  json_object_set_string_member (contact, "system", system);
  json_object_set_string_member (contact, "value", value);
}

/* The demographics travel in the resource, never in its identifier or
 * fullUrl: those hold only the client record's permanent id. */
JsonObject *
_consult_fhir_patient_new (const ConsultStoreClient *client,
                           const ConsultFhirLinks   *links)
{
  JsonObject *patient = json_object_new ();
  JsonObject *name;
  JsonArray *telecom = NULL;

  g_assert (client != NULL && client->id != NULL);

  json_object_set_string_member (patient, "resourceType", "Patient");
  _consult_fhir_add_identifier (patient, links->system, client->id);
  json_object_set_boolean_member (patient, "active", !client->archived);

  name = _consult_fhir_append_object (_consult_fhir_add_array (patient, "name"));
  if (!is_blank (client->family_name))
    json_object_set_string_member (name, "family", client->family_name);
  if (!is_blank (client->given_name))
    json_array_add_string_element (_consult_fhir_add_array (name, "given"), client->given_name);

  add_telecom (&telecom, patient, "phone", client->phone);
  add_telecom (&telecom, patient, "email", client->email);

  /* The store's sex values are exactly FHIR's AdministrativeGender codes. */
  json_object_set_string_member (patient, "gender", is_blank (client->sex) ? "unknown" : client->sex);
  if (!is_blank (client->date_of_birth))
    json_object_set_string_member (patient, "birthDate", client->date_of_birth);

  if (!is_blank (client->preferred_language))
    {
      JsonObject *communication;
      JsonObject *language;

      communication = _consult_fhir_append_object (_consult_fhir_add_array (patient, "communication"));
      language = _consult_fhir_add_object (communication, "language");
      _consult_fhir_add_coding (language, "urn:ietf:bcp:47", client->preferred_language, NULL);
      json_object_set_boolean_member (communication, "preferred", TRUE);
    }

  return patient;
}

/* The name the client typed stays in the local record: the Consent says
 * who consented (the Patient), to what (the policy text version) and
 * when. */
JsonObject *
_consult_fhir_consent_new (const ConsultStoreConsent *consent,
                           const ConsultFhirLinks    *links)
{
  JsonObject *resource = json_object_new ();
  JsonObject *provision;
  JsonObject *data;
  JsonObject *policy;
  g_autofree char *escaped = NULL;
  g_autofree char *policy_uri = NULL;

  g_assert (consent != NULL && consent->id != NULL);

  json_object_set_string_member (resource, "resourceType", "Consent");
  _consult_fhir_add_identifier (resource, links->system, consent->id);
  json_object_set_string_member (resource, "status", "active");
  _consult_fhir_add_coding (_consult_fhir_add_object (resource, "scope"),
                            "http://terminology.hl7.org/CodeSystem/consentscope",
                            "treatment", "Treatment");
  _consult_fhir_add_coding (_consult_fhir_append_object (_consult_fhir_add_array (resource, "category")),
                            "http://loinc.org", "59284-0", "Patient Consent");
  _consult_fhir_set_reference (resource, "patient", links->patient_url);
  json_object_set_string_member (resource, "dateTime", consent->consented_on);

  escaped = g_uri_escape_string (consent->text_version, NULL, FALSE);
  policy_uri = g_strdup_printf (CONSULT_FHIR_CANONICAL_BASE "/consent-text/%s", escaped);
  policy = _consult_fhir_append_object (_consult_fhir_add_array (resource, "policy"));
  json_object_set_string_member (policy, "uri", policy_uri);

  provision = _consult_fhir_add_object (resource, "provision");
  json_object_set_string_member (provision, "type", "permit");
  data = _consult_fhir_append_object (_consult_fhir_add_array (provision, "data"));
  json_object_set_string_member (data, "meaning", "related");
  _consult_fhir_set_reference (data, "reference", links->care_plan_url);

  return resource;
}
