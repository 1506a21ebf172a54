/* test-intake-schema.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "consult-intake-schema.h"
#include "consult-test.h"
#include "consult-treatments.h"

START_TEST (test_vocabularies)
{
  const char * const *treatments = consult_treatment_ids ();
  const char * const *concerns = consult_concern_ids ();
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  ck_assert_uint_eq (g_strv_length ((char **) treatments), 30);
  for (guint i = 0; treatments[i] != NULL; i++)
    {
      ck_assert (g_hash_table_add (seen, (gpointer) treatments[i]));
      ck_assert (consult_treatment_id_is_known (treatments[i]));
    }
  ck_assert_str_eq (treatments[0], "spf");
  ck_assert_str_eq (treatments[29], "facial");
  ck_assert (!consult_treatment_id_is_known ("botox"));
  ck_assert (!consult_treatment_id_is_known ("SPF"));
  ck_assert (!consult_treatment_id_is_known (""));
  ck_assert (!consult_treatment_id_is_known (NULL));

  ck_assert_uint_eq (g_strv_length ((char **) concerns), 13);
  ck_assert (consult_concern_is_known ("unwanted_hair"));
  ck_assert (consult_concern_is_known ("dullness"));
  ck_assert (!consult_concern_is_known ("wrinkles"));
  ck_assert (!consult_concern_is_known (NULL));
}
END_TEST

START_TEST (test_every_field_is_described)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  const ConsultIntakeField *fields;
  guint n_fields;

  fields = consult_intake_schema_get_fields (&n_fields);
  ck_assert_uint_eq (n_fields, 46);

  for (guint i = 0; i < n_fields; i++)
    {
      const ConsultIntakeField *field = &fields[i];

      ck_assert_msg (g_hash_table_add (seen, (gpointer) field->path), "%s twice", field->path);
      ck_assert_ptr_eq (consult_intake_schema_lookup (field->path), field);
      ck_assert (field->label != NULL && field->label[0] != '\0');
      ck_assert (field->hint != NULL && field->hint[0] != '\0');
      ck_assert (consult_intake_field_get_label (field)[0] != '\0');
      ck_assert (consult_intake_field_get_hint (field)[0] != '\0');

      switch (field->kind)
        {
        case CONSULT_INTAKE_FIELD_ENUM:
        case CONSULT_INTAKE_FIELD_ENUM_LIST:
        case CONSULT_INTAKE_FIELD_TREATMENT_LIST:
          ck_assert_msg (field->values != NULL && field->values[0] != NULL, "%s", field->path);
          break;
        case CONSULT_INTAKE_FIELD_INTEGER:
          ck_assert_int_le (field->minimum, field->maximum);
          break;
        case CONSULT_INTAKE_FIELD_STRING:
          ck_assert_uint_gt (field->max_length, 0);
          break;
        case CONSULT_INTAKE_FIELD_BOOLEAN:
          ck_assert_msg (!field->required, "%s: booleans default to false", field->path);
          break;
        case CONSULT_INTAKE_FIELD_DATE:
        default:
          break;
        }
    }

  ck_assert_ptr_null (consult_intake_schema_lookup ("medical"));
  ck_assert_ptr_null (consult_intake_schema_lookup ("intake.notes"));
  ck_assert_ptr_null (consult_intake_schema_lookup ("format"));
}
END_TEST

/* The schema and the spec's example, which sets every field, name the
 * same paths in the same order. */
START_TEST (test_schema_matches_the_spec_example)
{
  g_autofree char *path = consult_test_source_path ("fixtures", "intake", "spec-example.json", NULL);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GPtrArray) leaves = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GList) members = NULL;
  const ConsultIntakeField *fields;
  JsonObject *root;
  guint n_fields;

  ck_assert (json_parser_load_from_file (parser, path, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  members = json_object_get_members (root);
  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *node = json_object_get_member (root, l->data);

      if (g_str_equal (l->data, "format") || g_str_equal (l->data, "version"))
        continue;

      if (JSON_NODE_HOLDS_OBJECT (node))
        {
          g_autoptr (GList) inner = json_object_get_members (json_node_get_object (node));

          for (GList *m = inner; m != NULL; m = m->next)
            g_ptr_array_add (leaves, g_strdup_printf ("%s.%s", (char *) l->data, (char *) m->data));
        }
      else
        {
          g_ptr_array_add (leaves, g_strdup (l->data));
        }
    }

  fields = consult_intake_schema_get_fields (&n_fields);
  ck_assert_uint_eq (leaves->len, n_fields);
  for (guint i = 0; i < n_fields; i++)
    ck_assert_str_eq (g_ptr_array_index (leaves, i), fields[i].path);
}
END_TEST

START_TEST (test_kinds_and_values)
{
  const ConsultIntakeField *sunscreen = consult_intake_schema_lookup ("sun.sunscreen");
  const ConsultIntakeField *fitzpatrick = consult_intake_schema_lookup ("fitzpatrick");
  const ConsultIntakeField *concerns = consult_intake_schema_lookup ("concerns");
  const ConsultIntakeField *requested = consult_intake_schema_lookup ("preferences.requested");
  const ConsultIntakeField *anticoagulant = consult_intake_schema_lookup ("medical.anticoagulant");
  const ConsultIntakeField *date = consult_intake_schema_lookup ("consultation_date");
  g_autofree char *described = consult_intake_field_describe_kind (sunscreen);

  ck_assert_str_eq (described, "one of daily, sometimes, rarely");
  ck_assert (consult_intake_field_allows (sunscreen, "rarely"));
  ck_assert (!consult_intake_field_allows (sunscreen, "often"));
  ck_assert (consult_intake_field_allows (concerns, "melasma"));
  ck_assert (consult_intake_field_allows (requested, "ha-filler"));
  ck_assert (!consult_intake_field_allows (requested, "botox"));
  ck_assert (!consult_intake_field_allows (anticoagulant, "true"));

  ck_assert (consult_intake_field_is_list (concerns));
  ck_assert (!consult_intake_field_is_list (sunscreen));
  ck_assert (g_variant_type_equal (consult_intake_field_get_value_type (anticoagulant), G_VARIANT_TYPE_BOOLEAN));
  ck_assert (g_variant_type_equal (consult_intake_field_get_value_type (fitzpatrick), G_VARIANT_TYPE_INT32));
  ck_assert (g_variant_type_equal (consult_intake_field_get_value_type (date), G_VARIANT_TYPE_STRING));
  ck_assert (g_variant_type_equal (consult_intake_field_get_value_type (requested), G_VARIANT_TYPE_STRING_ARRAY));
  ck_assert (date->required && fitzpatrick->required && concerns->required);
  ck_assert (!sunscreen->required && !requested->required);
}
END_TEST

static gboolean
check (const char *path,
       GVariant   *value,
       const char *problem_path)
{
  g_autoptr (GPtrArray) problems = consult_intake_problems_new ();
  g_autoptr (GVariant) owned = g_variant_ref_sink (value);
  gboolean valid = consult_intake_field_check_value (consult_intake_schema_lookup (path), owned, problems);

  ck_assert_uint_eq (problems->len, valid ? 0 : 1);
  if (!valid)
    ck_assert_str_eq (((ConsultIntakeProblem *) g_ptr_array_index (problems, 0))->path, problem_path);
  return valid;
}

START_TEST (test_check_value)
{
  const char *good_concerns[] = { "melasma", "pigment", NULL };
  const char *twice[] = { "melasma", "pigment", "melasma", NULL };
  const char *unknown[] = { "spf", "botox", NULL };
  g_autofree char *long_note = g_strnfill (65537, 'n');

  ck_assert (check ("medical.anticoagulant", g_variant_new_boolean (TRUE), NULL));
  ck_assert (!check ("medical.anticoagulant", g_variant_new_string ("true"), "medical.anticoagulant"));
  ck_assert (check ("fitzpatrick", g_variant_new_int32 (1), NULL));
  ck_assert (check ("fitzpatrick", g_variant_new_int32 (6), NULL));
  ck_assert (!check ("fitzpatrick", g_variant_new_int32 (0), "fitzpatrick"));
  ck_assert (!check ("fitzpatrick", g_variant_new_int32 (7), "fitzpatrick"));
  ck_assert (check ("pregnancy", g_variant_new_string ("breastfeeding"), NULL));
  ck_assert (!check ("pregnancy", g_variant_new_string ("Pregnant"), "pregnancy"));
  ck_assert (check ("client.date_of_birth", g_variant_new_string ("1988-04-02"), NULL));
  ck_assert (!check ("client.date_of_birth", g_variant_new_string ("1988-02-30"), "client.date_of_birth"));
  ck_assert (check ("concerns", g_variant_new_strv (good_concerns, -1), NULL));
  ck_assert (check ("concerns", g_variant_new_strv (NULL, 0), NULL));
  ck_assert (!check ("concerns", g_variant_new_strv (twice, -1), "concerns[2]"));
  ck_assert (!check ("preferences.requested", g_variant_new_strv (unknown, -1), "preferences.requested[1]"));
  ck_assert (check ("notes", g_variant_new_string (""), NULL));
  ck_assert (!check ("notes", g_variant_new_string (long_note), "notes"));
  ck_assert (!check ("client.given_name", g_variant_new_string (""), "client.given_name"));
  ck_assert (check ("client.family_name", g_variant_new_string (""), NULL));
}
END_TEST

static Suite *
intake_schema_suite (void)
{
  Suite *suite = suite_create ("intake-schema");
  TCase *tc = tcase_create ("schema");

  tcase_add_test (tc, test_vocabularies);
  tcase_add_test (tc, test_every_field_is_described);
  tcase_add_test (tc, test_schema_matches_the_spec_example);
  tcase_add_test (tc, test_kinds_and_values);
  tcase_add_test (tc, test_check_value);
  suite_add_tcase (suite, tc);

  return suite;
}

int
main (void)
{
  return consult_test_run_suite (intake_schema_suite ());
}
