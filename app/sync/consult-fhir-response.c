/* consult-fhir-response.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-sync"

#include "config.h"

#include "consult-fhir-private.h"

static void
add_coding_answer (JsonArray                *answers,
                   const ConsultIntakeField *field,
                   ConsultCatalogue         *catalogue,
                   const char               *code)
{
  g_autofree char *system = _consult_fhir_answer_system (field);
  JsonObject *coding;

  coding = _consult_fhir_add_object (_consult_fhir_append_object (answers), "valueCoding");
  json_object_set_string_member (coding, "system", system);
  json_object_set_string_member (coding, "code", code);
  json_object_set_string_member (coding, "display", _consult_fhir_answer_display (field, catalogue, code));
}

/* The answers to one question, typed as its Questionnaire item says;
 * NULL when the intake leaves it unanswered. */
static JsonArray *
build_answers (const ConsultIntakeField *field,
               GVariant                 *value,
               ConsultCatalogue         *catalogue)
{
  g_autoptr (JsonArray) answers = json_array_new ();
  const char *text;

  switch (field->kind)
    {
    case CONSULT_INTAKE_FIELD_BOOLEAN:
      json_object_set_boolean_member (_consult_fhir_append_object (answers), "valueBoolean",
                                      g_variant_get_boolean (value));
      break;
    case CONSULT_INTAKE_FIELD_INTEGER:
      json_object_set_int_member (_consult_fhir_append_object (answers), "valueInteger",
                                  g_variant_get_int32 (value));
      break;
    case CONSULT_INTAKE_FIELD_ENUM:
      add_coding_answer (answers, field, catalogue, g_variant_get_string (value, NULL));
      break;
    case CONSULT_INTAKE_FIELD_ENUM_LIST:
    case CONSULT_INTAKE_FIELD_TREATMENT_LIST:
      {
        g_autofree const char **codes = g_variant_get_strv (value, NULL);

        for (guint i = 0; codes[i] != NULL; i++)
          add_coding_answer (answers, field, catalogue, codes[i]);
      }
      break;
    case CONSULT_INTAKE_FIELD_DATE:
    case CONSULT_INTAKE_FIELD_STRING:
    default:
      text = g_variant_get_string (value, NULL);
      if (*text != '\0')
        json_object_set_string_member (_consult_fhir_append_object (answers),
                                       field->kind == CONSULT_INTAKE_FIELD_DATE ? "valueDate" : "valueString",
                                       text);
      break;
    }

  return json_array_get_length (answers) > 0 ? g_steal_pointer (&answers) : NULL;
}

JsonObject *
_consult_fhir_response_new (ConsultIntake                  *intake,
                            ConsultCatalogue               *catalogue,
                            const ConsultStoreConsultation *consultation,
                            const ConsultFhirLinks         *links)
{
  JsonObject *response = json_object_new ();
  const ConsultIntakeField *fields;
  JsonArray *items;
  guint n_fields;

  g_assert (CONSULT_IS_INTAKE (intake));

  json_object_set_string_member (response, "resourceType", "QuestionnaireResponse");
  /* A single Identifier here, unlike the other resources. */
  json_object_set_object_member (response, "identifier",
                                 _consult_fhir_identifier_new (links->system, consultation->id));
  json_object_set_string_member (response, "questionnaire", links->questionnaire);
  json_object_set_string_member (response, "status", "completed");
  _consult_fhir_set_reference (response, "subject", links->patient_url);
  json_object_set_string_member (response, "authored", consultation->consultation_date);
  if (consultation->consultant != NULL && *consultation->consultant != '\0')
    json_object_set_string_member (_consult_fhir_add_object (response, "author"), "display",
                                   consultation->consultant);

  items = _consult_fhir_add_array (response, "item");
  fields = consult_intake_schema_get_fields (&n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      g_autoptr (GVariant) value = consult_intake_get_value (intake, fields[i].path);
      JsonArray *answers;
      JsonObject *item;

      if (value == NULL || !(answers = build_answers (&fields[i], value, catalogue)))
        continue;

      item = _consult_fhir_append_object (items);
      json_object_set_string_member (item, "linkId", fields[i].path);
      json_object_set_string_member (item, "text", consult_intake_field_get_label (&fields[i]));
      json_object_set_array_member (item, "answer", answers);
    }

  return response;
}
