/* test-catalogue.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "consult-test-planner.h"
#include "consult-translation.h"
#include "consult-treatments.h"

/* The default catalogue, its validation, and a clinic's own catalogue
 * replacing it from the configuration folder. */

static char *config_home;

static JsonNode *
default_catalogue (void)
{
  g_autofree char *path = consult_test_source_path ("..", "data", "catalogue", "catalogue.json", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  JsonNode *root;

  ck_assert (g_file_get_contents (path, &text, NULL, &error));
  root = json_from_string (text, &error);
  ck_assert_msg (root != NULL, "%s", error ? error->message : "");
  return root;
}

static JsonObject *
find_entry (JsonNode   *root,
            const char *list,
            const char *id)
{
  JsonArray *array = json_object_get_array_member (json_node_get_object (root), list);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *entry = json_array_get_object_element (array, i);

      if (g_str_equal (json_object_get_string_member (entry, "id"), id))
        return entry;
    }

  ck_abort_msg ("no %s entry %s", list, id);
  return NULL;
}

static JsonNode *
parse (const char *json)
{
  g_autoptr (GError) error = NULL;
  JsonNode *node = json_from_string (json, &error);

  ck_assert_msg (node != NULL, "%s: %s", json, error ? error->message : "");
  return node;
}

/* Loads @root as "clinic.json" and checks the error names the entry and
 * the problem. */
static void
assert_invalid (JsonNode   *root,
                const char *entry,
                const char *problem)
{
  g_autofree char *text = json_to_string (root, FALSE);
  g_autoptr (GError) error = NULL;
  g_autoptr (ConsultCatalogue) catalogue = consult_catalogue_new_from_data (text, -1, "clinic.json", &error);

  ck_assert_ptr_null (catalogue);
  ck_assert (g_error_matches (error, CONSULT_CATALOGUE_ERROR, CONSULT_CATALOGUE_ERROR_INVALID));
  ck_assert_msg (g_str_has_prefix (error->message, "clinic.json: "), "%s", error->message);
  ck_assert_msg (strstr (error->message, entry) != NULL, "“%s” not in: %s", entry, error->message);
  ck_assert_msg (strstr (error->message, problem) != NULL, "“%s” not in: %s", problem, error->message);
}

static void
set_rule_when (JsonNode   *root,
               const char *rule,
               const char *when)
{
  json_object_set_member (find_entry (root, "rules", rule), "when", parse (when));
}

static void
set_rule_then (JsonNode   *root,
               const char *rule,
               const char *then)
{
  json_object_set_member (find_entry (root, "rules", rule), "then", parse (then));
}

START_TEST (test_default_catalogue)
{
  ConsultCatalogue *catalogue = consult_test_catalogue ();
  const ConsultTreatment *laser;
  const ConsultRule *rule;

  ck_assert_str_eq (consult_catalogue_get_version (catalogue), "2026.1");
  ck_assert_uint_eq (consult_catalogue_get_n_treatments (catalogue), g_strv_length ((char **) consult_treatment_ids ()));
  ck_assert_uint_eq (consult_catalogue_get_n_rules (catalogue), 38);

  for (guint i = 0; i < consult_catalogue_get_n_rules (catalogue); i++)
    {
      g_autofree char *id = g_strdup_printf ("R%02u", i + 1);

      rule = consult_catalogue_get_rule (catalogue, i);
      ck_assert_str_eq (consult_rule_get_id (rule), id);
      ck_assert (*consult_rule_get_rationale (rule) != '\0');
      ck_assert_ptr_nonnull (consult_rule_get_sources (rule)[0]);
    }

  laser = consult_catalogue_lookup_treatment (catalogue, "laser-ablative-fractional");
  ck_assert_ptr_nonnull (laser);
  ck_assert_uint_eq (consult_treatment_get_phase (laser), 2);
  ck_assert (consult_treatment_is_energy_based (laser));
  ck_assert_int_eq (consult_treatment_get_performer (laser), CONSULT_PERFORMER_PHYSICIAN);
  ck_assert_int_eq (consult_treatment_get_downtime (laser), CONSULT_DOWNTIME_EXTENDED);
  ck_assert_str_eq (consult_treatment_get_pregnancy_safety (laser), "no");
  ck_assert (*consult_treatment_get_aftercare (laser) != '\0');

  rule = consult_catalogue_lookup_rule (catalogue, "R12");
  ck_assert (g_strv_contains (consult_rule_get_treatments (rule), "rf-microneedling"));
  ck_assert_ptr_nonnull (strstr (consult_rule_get_condition_json (rule), "before_start_less_than"));
  ck_assert_str_eq (consult_catalogue_get_phase_title (catalogue, 2), "Remodel collagen");
}
END_TEST

static void
assert_translated (const char *where,
                   const char *msgid,
                   gpointer    user_data)
{
  const char *spanish = consult_translation_gettext (user_data, msgid);

  ck_assert_msg (!g_str_equal (spanish, msgid), "%s has no Spanish translation", where);
}

START_TEST (test_texts_have_spanish)
{
  g_autoptr (ConsultTranslation) spanish = consult_translation_new_for_language ("es", g_getenv ("CONSULT_LOCALEDIR"));

  /* The built catalogue of messages, as plans and reports use it. */
  ck_assert (consult_translation_has_catalogue (spanish));
  consult_catalogue_foreach_text (consult_test_catalogue (), assert_translated, spanish);
  ck_assert_str_eq (consult_translation_gettext (spanish, "Remodel collagen"), "Remodelar el colágeno");
}
END_TEST

START_TEST (test_unknown_treatment_id)
{
  g_autoptr (JsonNode) root = default_catalogue ();

  json_object_set_string_member (find_entry (root, "treatments", "facial"), "id", "facelift");
  assert_invalid (root, "treatment “facelift”", "unknown treatment id");
}
END_TEST

START_TEST (test_missing_attribute)
{
  g_autoptr (JsonNode) root = default_catalogue ();

  json_object_remove_member (find_entry (root, "treatments", "spf"), "downtime");
  assert_invalid (root, "treatment “spf”", "missing attribute “downtime”");
}
END_TEST

START_TEST (test_missing_treatment)
{
  g_autoptr (JsonNode) root = default_catalogue ();
  JsonArray *treatments = json_object_get_array_member (json_node_get_object (root), "treatments");

  json_array_remove_element (treatments, json_array_get_length (treatments) - 1);
  assert_invalid (root, "treatment “facial”", "missing");
}
END_TEST

START_TEST (test_duplicate_ids)
{
  g_autoptr (JsonNode) root = default_catalogue ();
  g_autoptr (JsonNode) second = default_catalogue ();

  json_object_set_string_member (find_entry (root, "rules", "R02"), "id", "R01");
  assert_invalid (root, "rule R01", "duplicate rule id");

  json_object_set_string_member (find_entry (second, "treatments", "led"), "id", "facial");
  assert_invalid (second, "treatment “facial”", "duplicate treatment id");
}
END_TEST

START_TEST (test_rule_names_unknown_treatment)
{
  g_autoptr (JsonNode) root = default_catalogue ();

  set_rule_then (root, "R01", "[{\"defer\": [\"botox\"], \"until_text\": \"later\"}]");
  assert_invalid (root, "rule R01: then[0]", "unknown treatment or group “botox”");
}
END_TEST

START_TEST (test_rule_names_unknown_field)
{
  g_autoptr (JsonNode) root = default_catalogue ();

  set_rule_when (root, "R20", "{\"is_true\": \"medical.neuro\"}");
  assert_invalid (root, "rule R20: when", "unknown intake field “medical.neuro”");
}
END_TEST

START_TEST (test_rule_impossible_enum_value)
{
  g_autoptr (JsonNode) root = default_catalogue ();

  set_rule_when (root, "R04", "{\"field\": \"pregnancy\", \"equals\": \"expecting\"}");
  assert_invalid (root, "rule R04: when", "“expecting” is not a possible value of “pregnancy”");
}
END_TEST

START_TEST (test_malformed_condition)
{
  g_autoptr (JsonNode) root = default_catalogue ();
  g_autoptr (JsonNode) second = default_catalogue ();
  g_autoptr (JsonNode) third = default_catalogue ();

  set_rule_when (root, "R11", "{\"field\": \"fitzpatrick\", \"at_least\": \"four\"}");
  assert_invalid (root, "rule R11: when", "expected an integer");

  set_rule_when (second, "R11", "{\"all\": []}");
  assert_invalid (second, "rule R11: when", "non-empty array");

  set_rule_when (third, "R11", "{\"field\": \"rosacea\", \"at_least\": 2}");
  assert_invalid (third, "rule R11: when", "cannot be applied");
}
END_TEST

START_TEST (test_malformed_effect)
{
  g_autoptr (JsonNode) root = default_catalogue ();
  g_autoptr (JsonNode) second = default_catalogue ();
  g_autoptr (JsonNode) third = default_catalogue ();
  g_autoptr (JsonNode) fourth = default_catalogue ();

  set_rule_then (root, "R27", "[{\"explode\": [\"ipl\"]}]");
  assert_invalid (root, "rule R27: then[0]", "unknown effect");

  set_rule_then (second, "R27", "[{\"flag\": [\"ipl\"], \"flags\": [\"sparkly\"]}]");
  assert_invalid (second, "rule R27: then[0]", "flags[0]");

  set_rule_then (third, "R27", "[{\"move\": [\"ipl\"], \"phase\": 1}]");
  assert_invalid (third, "rule R27: then[0]", "not allowed in phase 1");

  set_rule_then (fourth, "R27", "[{\"exclude\": [\"spf\"]}]");
  assert_invalid (fourth, "rule R27: then[0]", "cannot be excluded or deferred");
}
END_TEST

START_TEST (test_not_json)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ConsultCatalogue) catalogue = consult_catalogue_new_from_data ("{\"format\":", -1, "clinic.json", &error);

  ck_assert_ptr_null (catalogue);
  ck_assert (g_error_matches (error, CONSULT_CATALOGUE_ERROR, CONSULT_CATALOGUE_ERROR_PARSE));
  ck_assert (g_str_has_prefix (error->message, "clinic.json: "));
}
END_TEST

static char *
write_override (JsonNode *root)
{
  g_autofree char *dir = g_build_filename (config_home, "medspa-consult", NULL);
  g_autofree char *text = json_to_string (root, TRUE);
  g_autoptr (GError) error = NULL;
  char *path = g_build_filename (dir, "catalogue.json", NULL);

  ck_assert_int_eq (g_mkdir_with_parents (dir, 0700), 0);
  ck_assert (g_file_set_contents (path, text, -1, &error));
  return path;
}

START_TEST (test_clinic_catalogue_replaces_default)
{
  g_autoptr (JsonNode) root = default_catalogue ();
  g_autoptr (ConsultCatalogue) catalogue = NULL;
  g_autoptr (ConsultPlanner) planner = NULL;
  g_autoptr (ConsultIntake) intake = consult_test_intake_new ("fitzpatrick=1", "preferences.requested=['led', 'neuromodulator']", NULL);
  g_autoptr (ConsultPlan) plan = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *found = NULL;
  JsonObject *object = json_node_get_object (root);
  JsonArray *rules = json_object_get_array_member (object, "rules");

  /* A medical director changes a common-practice default and adds a rule,
   * without touching C. */
  json_object_set_string_member (object, "catalogue_version", "clinic-7");
  json_object_set_int_member (json_object_get_object_member (object, "settings"), "phase1_min_weeks", 6);
  json_array_add_element (rules, parse ("{\"id\": \"R39\", \"title\": \"House rule\","
                                        " \"when\": {\"field\": \"fitzpatrick\", \"equals\": 1},"
                                        " \"then\": [{\"exclude\": [\"led\"]}],"
                                        " \"rationale\": \"Clinic policy.\", \"sources\": [\"clinic\"]}"));
  path = write_override (root);

  found = consult_catalogue_find_override ();
  ck_assert_str_eq (found, path);
  catalogue = consult_catalogue_load (&error);
  ck_assert_msg (catalogue != NULL, "%s", error ? error->message : "");
  ck_assert_str_eq (consult_catalogue_get_version (catalogue), "clinic-7");
  ck_assert_str_eq (consult_catalogue_get_origin (catalogue), path);

  planner = consult_planner_new (catalogue);
  plan = consult_planner_plan (planner, intake, NULL);
  ck_assert_str_eq (consult_plan_get_catalogue_version (plan), "clinic-7");
  ck_assert (consult_test_excluded_by (plan, "led", "R39"));
  ck_assert_uint_eq (consult_plan_find_step (plan, "neuromodulator", NULL)->start_week, 6);

  ck_assert_int_eq (g_unlink (path), 0);
}
END_TEST

START_TEST (test_invalid_clinic_catalogue_is_an_error)
{
  g_autoptr (JsonNode) root = default_catalogue ();
  g_autoptr (ConsultCatalogue) catalogue = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  set_rule_when (root, "R09", "{\"field\": \"fitzpatrick\", \"equals\": 9}");
  path = write_override (root);

  /* Never a silent fall-back to the default. */
  catalogue = consult_catalogue_load (&error);
  ck_assert_ptr_null (catalogue);
  ck_assert_msg (g_str_has_prefix (error->message, path), "%s", error->message);
  ck_assert_ptr_nonnull (strstr (error->message, "rule R09"));

  ck_assert_int_eq (g_unlink (path), 0);
}
END_TEST

START_TEST (test_no_override_loads_default)
{
  g_autoptr (ConsultCatalogue) catalogue = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *found = consult_catalogue_find_override ();

  if (found != NULL)
    return;

  catalogue = consult_catalogue_load (&error);
  ck_assert_ptr_nonnull (catalogue);
  ck_assert_str_eq (consult_catalogue_get_version (catalogue), "2026.1");
}
END_TEST

int
main (void)
{
  Suite *suite = suite_create ("catalogue");
  TCase *tc = tcase_create ("catalogue");
  TCase *overrides = tcase_create ("overrides");
  int status;

  /* A private configuration folder, set before GLib caches it. */
  config_home = g_dir_make_tmp ("consult-catalogue-XXXXXX", NULL);
  g_setenv ("XDG_CONFIG_HOME", config_home, TRUE);

  tcase_add_test (tc, test_default_catalogue);
  tcase_add_test (tc, test_texts_have_spanish);
  tcase_add_test (tc, test_unknown_treatment_id);
  tcase_add_test (tc, test_missing_attribute);
  tcase_add_test (tc, test_missing_treatment);
  tcase_add_test (tc, test_duplicate_ids);
  tcase_add_test (tc, test_rule_names_unknown_treatment);
  tcase_add_test (tc, test_rule_names_unknown_field);
  tcase_add_test (tc, test_rule_impossible_enum_value);
  tcase_add_test (tc, test_malformed_condition);
  tcase_add_test (tc, test_malformed_effect);
  tcase_add_test (tc, test_not_json);
  suite_add_tcase (suite, tc);

  tcase_add_test (overrides, test_no_override_loads_default);
  tcase_add_test (overrides, test_clinic_catalogue_replaces_default);
  tcase_add_test (overrides, test_invalid_clinic_catalogue_is_an_error);
  suite_add_tcase (suite, overrides);

  status = consult_test_run_suite (suite);

  {
    g_autofree char *dir = g_build_filename (config_home, "medspa-consult", NULL);

    g_rmdir (dir);
    g_rmdir (config_home);
  }
  g_free (config_home);

  return status;
}
