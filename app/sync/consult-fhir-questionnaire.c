/* consult-fhir-questionnaire.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-sync"

#include "config.h"

#include <glib/gi18n.h>

#include "consult-fhir-private.h"
#include "consult-intake-values.h"

#define QUESTIONNAIRE_URL CONSULT_FHIR_CANONICAL_BASE "/Questionnaire/intake"

/* The code system of a fixed-value field's answers: treatment ids share
 * one, every other field has its own. */
char *
_consult_fhir_answer_system (const ConsultIntakeField *field)
{
  g_assert (field != NULL);

  if (field->kind == CONSULT_INTAKE_FIELD_TREATMENT_LIST)
    return g_strdup (CONSULT_FHIR_CANONICAL_BASE "/CodeSystem/treatment");

  return g_strdup_printf (CONSULT_FHIR_CANONICAL_BASE "/CodeSystem/intake-%s", field->path);
}

const char *
_consult_fhir_answer_display (const ConsultIntakeField *field,
                              ConsultCatalogue         *catalogue,
                              const char               *code)
{
  const ConsultTreatment *treatment;
  const char *label;

  g_assert (field != NULL && code != NULL);

  if (field->kind == CONSULT_INTAKE_FIELD_TREATMENT_LIST)
    {
      treatment = consult_catalogue_lookup_treatment (catalogue, code);
      return treatment != NULL ? consult_treatment_get_name (treatment) : code;
    }

  label = consult_intake_value_get_label (field->path, code);
  return label != NULL ? label : code;
}

static const char *
item_type (const ConsultIntakeField *field)
{
  switch (field->kind)
    {
    case CONSULT_INTAKE_FIELD_BOOLEAN:
      return "boolean";
    case CONSULT_INTAKE_FIELD_INTEGER:
      return "integer";
    case CONSULT_INTAKE_FIELD_ENUM:
    case CONSULT_INTAKE_FIELD_ENUM_LIST:
    case CONSULT_INTAKE_FIELD_TREATMENT_LIST:
      return "choice";
    case CONSULT_INTAKE_FIELD_DATE:
      return "date";
    case CONSULT_INTAKE_FIELD_STRING:
    default:
      return "string";
    }
}

static void
add_answer_options (JsonObject               *item,
                    const ConsultIntakeField *field,
                    ConsultCatalogue         *catalogue)
{
  g_autofree char *system = NULL;
  JsonArray *options;

  if (field->kind == CONSULT_INTAKE_FIELD_INTEGER)
    {
      options = _consult_fhir_add_array (item, "answerOption");
      for (int value = field->minimum; value <= field->maximum; value++)
        json_object_set_int_member (_consult_fhir_append_object (options), "valueInteger", value);
      return;
    }

  if (field->values == NULL)
    return;

  system = _consult_fhir_answer_system (field);
  options = _consult_fhir_add_array (item, "answerOption");
  for (guint i = 0; field->values[i] != NULL; i++)
    {
      JsonObject *option = _consult_fhir_append_object (options);
      JsonObject *coding = _consult_fhir_add_object (option, "valueCoding");
      const char *code = field->values[i];

      json_object_set_string_member (coding, "system", system);
      json_object_set_string_member (coding, "code", code);
      json_object_set_string_member (coding, "display",
                                     _consult_fhir_answer_display (field, catalogue, code));
    }
}

static JsonArray *
build_items (ConsultCatalogue *catalogue)
{
  const ConsultIntakeField *fields;
  guint n_fields;
  JsonArray *items = json_array_new ();

  fields = consult_intake_schema_get_fields (&n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      const ConsultIntakeField *field = &fields[i];
      JsonObject *item = _consult_fhir_append_object (items);

      json_object_set_string_member (item, "linkId", field->path);
      json_object_set_string_member (item, "text", consult_intake_field_get_label (field));
      json_object_set_string_member (item, "type", item_type (field));
      if (field->required)
        json_object_set_boolean_member (item, "required", TRUE);
      if (consult_intake_field_is_list (field))
        json_object_set_boolean_member (item, "repeats", TRUE);
      if (field->kind == CONSULT_INTAKE_FIELD_STRING)
        json_object_set_int_member (item, "maxLength", (gint64) field->max_length);
      add_answer_options (item, field, catalogue);
    }

  return items;
}

/* The version follows the content: a changed label, answer option or
 * treatment name makes a new version instead of silently rewriting the
 * one earlier responses point to. */
static char *
items_version (JsonArray *items)
{
  g_autoptr (JsonNode) node = json_node_init_array (json_node_alloc (), items);
  g_autofree char *text = json_to_string (node, FALSE);
  g_autofree char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);

  return g_strdup_printf ("%d.%.12s", CONSULT_INTAKE_VERSION, digest);
}

JsonNode *
consult_fhir_questionnaire_new (ConsultCatalogue *catalogue)
{
  JsonArray *items;
  JsonObject *questionnaire;
  JsonNode *node;
  g_autofree char *version = NULL;

  g_return_val_if_fail (CONSULT_IS_CATALOGUE (catalogue), NULL);

  items = build_items (catalogue);
  version = items_version (items);

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, json_object_new ());
  questionnaire = json_node_get_object (node);
  json_object_set_string_member (questionnaire, "resourceType", "Questionnaire");
  json_object_set_string_member (questionnaire, "url", QUESTIONNAIRE_URL);
  json_object_set_string_member (questionnaire, "version", version);
  json_object_set_string_member (questionnaire, "name", "MedSpaConsultIntake");
  json_object_set_string_member (questionnaire, "title", _("MedSpa Consult intake"));
  json_object_set_string_member (questionnaire, "status", "active");
  json_array_add_string_element (_consult_fhir_add_array (questionnaire, "subjectType"), "Patient");
  json_object_set_array_member (questionnaire, "item", items);

  return node;
}

char *
consult_fhir_questionnaire_canonical (ConsultCatalogue *catalogue)
{
  g_autoptr (JsonArray) items = NULL;
  g_autofree char *version = NULL;

  g_return_val_if_fail (CONSULT_IS_CATALOGUE (catalogue), NULL);

  items = build_items (catalogue);
  version = items_version (items);

  return g_strdup_printf ("%s|%s", QUESTIONNAIRE_URL, version);
}
