/* test-intake.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "consult-intake.h"
#include "consult-test.h"

static const char *seeds[] = {
  "seed-1-glow.json",
  "seed-2-expression-lines.json",
  "seed-3-sun-damage.json",
  "seed-4-acne-scars.json",
  "seed-5-volume.json",
  "seed-6-melasma-strong-facial.json",
  "seed-7-tightening-all-at-once.json",
  "seed-8-cheaper-filler.json",
  "spec-example.json",
};

static char *
fixture_text (const char *name)
{
  g_autofree char *path = consult_test_source_path ("fixtures", "intake", name, NULL);
  g_autoptr (GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  ck_assert_msg (error == NULL, "%s", error ? error->message : "");
  return text;
}

static ConsultIntake *
load_fixture (const char *name)
{
  g_autofree char *text = fixture_text (name);
  g_autoptr (GError) error = NULL;
  ConsultIntake *intake = consult_intake_new_from_data (text, -1, &error);

  ck_assert_msg (intake != NULL, "%s: %s", name, error ? error->message : "");
  return intake;
}

/* A seed fixture with @path ("sun.sunscreen") replaced by @json, or
 * removed when @json is NULL. */
static char *
mutate (const char *fixture,
        const char *path,
        const char *json)
{
  g_autofree char *text = fixture_text (fixture);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_auto (GStrv) parts = g_strsplit (path, ".", 2);
  JsonObject *object;

  ck_assert (json_parser_load_from_data (parser, text, -1, NULL));
  object = json_node_get_object (json_parser_get_root (parser));
  if (parts[1] != NULL)
    {
      if (!json_object_has_member (object, parts[0]))
        json_object_set_object_member (object, parts[0], json_object_new ());
      object = json_object_get_object_member (object, parts[0]);
    }

  if (json != NULL)
    json_object_set_member (object, parts[parts[1] != NULL ? 1 : 0], json_from_string (json, NULL));
  else
    json_object_remove_member (object, parts[parts[1] != NULL ? 1 : 0]);

  json_generator_set_root (generator, json_parser_get_root (parser));
  return json_generator_to_data (generator, NULL);
}

/* Reads @text and returns its problems' "path: message" lines. */
static GPtrArray *
problems_of (const char *text,
             gssize      length)
{
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (ConsultIntake) intake = consult_intake_read (text, length, &problems, &error);

  ck_assert_ptr_null (intake);
  ck_assert_int_eq (error->code, CONSULT_INTAKE_ERROR_INVALID);
  ck_assert_ptr_nonnull (problems);
  ck_assert_uint_gt (problems->len, 0);
  return g_steal_pointer (&problems);
}

static void
assert_paths (GPtrArray   *problems,
              const char **expected,
              guint        n_expected)
{
  g_autoptr (GString) found = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      ConsultIntakeProblem *problem = g_ptr_array_index (problems, i);

      g_string_append_printf (found, "%s%s", i > 0 ? " " : "", problem->path);
    }

  ck_assert_msg (problems->len == n_expected, "problems at: %s", found->str);
  for (guint i = 0; i < n_expected; i++)
    {
      ConsultIntakeProblem *problem = g_ptr_array_index (problems, i);

      ck_assert_msg (g_str_equal (problem->path, expected[i]), "problems at: %s", found->str);
    }
}

static void
assert_single_problem (const char *text,
                       const char *path,
                       const char *message_part)
{
  g_autoptr (GPtrArray) problems = problems_of (text, -1);
  ConsultIntakeProblem *problem = g_ptr_array_index (problems, 0);

  assert_paths (problems, &path, 1);
  if (message_part != NULL)
    ck_assert_msg (strstr (problem->message, message_part) != NULL, "%s", problem->message);
}

START_TEST (test_fixtures_round_trip_exactly)
{
  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    {
      g_autofree char *text = fixture_text (seeds[i]);
      g_autoptr (ConsultIntake) intake = load_fixture (seeds[i]);
      g_autofree char *written = consult_intake_to_json (intake);
      g_autoptr (ConsultIntake) reread = consult_intake_new_from_data (written, -1, NULL);
      g_autofree char *rewritten = NULL;
      g_autoptr (GPtrArray) problems = consult_intake_validate (intake);

      ck_assert_str_eq (written, text);
      ck_assert_ptr_nonnull (reread);
      ck_assert (consult_intake_equal (intake, reread));
      rewritten = consult_intake_to_json (reread);
      ck_assert_str_eq (rewritten, written);
      ck_assert_uint_eq (problems->len, 0);
    }
}
END_TEST

START_TEST (test_non_canonical_input_is_stable_after_one_write)
{
  const char *text =
    "{\"version\":1,\"pregnancy\":\"none\",\"concerns\":[],\"fitzpatrick\":3,"
    "\"client\":{\"email\":\"a@example.org\",\"given_name\":\"Zoë \\\"Z\\\"\\n\\u0001\"},"
    "\"format\":\"medspa-consult/intake\",\"consultation_date\":\"2026-11-23\","
    "\"notes\":\"tab\\tand \\\\ slash \\u00e9\",\"unknown\":{\"deep\":[1,2]}}";
  g_autoptr (ConsultIntake) intake = consult_intake_new_from_data (text, -1, NULL);
  g_autofree char *written = NULL;
  g_autoptr (ConsultIntake) reread = NULL;
  g_autofree char *rewritten = NULL;

  ck_assert_ptr_nonnull (intake);
  written = consult_intake_to_json (intake);
  reread = consult_intake_new_from_data (written, -1, NULL);
  ck_assert_ptr_nonnull (reread);
  rewritten = consult_intake_to_json (reread);
  ck_assert_str_eq (written, rewritten);
  ck_assert_str_eq (consult_intake_get_given_name (reread), "Zoë \"Z\"\n\001");
  ck_assert_str_eq (consult_intake_get_notes (reread), "tab\tand \\ slash é");
  ck_assert (consult_intake_equal (intake, reread));
  ck_assert_ptr_nonnull (strstr (written, "\"concerns\": [],"));
  ck_assert_ptr_null (strstr (written, "unknown"));
  ck_assert_ptr_null (strstr (written, "preferences"));
}
END_TEST

START_TEST (test_seed_values)
{
  g_autoptr (ConsultIntake) acne = load_fixture ("seed-4-acne-scars.json");
  g_autoptr (ConsultIntake) volume = load_fixture ("seed-5-volume.json");
  g_autoptr (ConsultIntake) melasma = load_fixture ("seed-6-melasma-strong-facial.json");
  g_auto (GStrv) requested = consult_intake_dup_requested (melasma);
  g_auto (GStrv) concerns = consult_intake_dup_concerns (melasma);
  GDate stopped, consultation;

  ck_assert_str_eq (consult_intake_get_isotretinoin (acne), "stopped");
  ck_assert (consult_intake_get_date (acne, "medical.isotretinoin_stopped_on", &stopped));
  ck_assert (consult_intake_get_date (acne, "consultation_date", &consultation));
  g_date_add_months (&stopped, 3);
  ck_assert_int_eq (g_date_compare (&stopped, &consultation), 0);
  ck_assert_int_eq (consult_intake_get_fitzpatrick (acne), 5);

  ck_assert (consult_intake_get_anticoagulant (volume));
  ck_assert (!consult_intake_get_hsv_history (volume));

  ck_assert_str_eq (consult_intake_get_melasma (melasma), "active");
  ck_assert_uint_eq (g_strv_length (requested), 2);
  ck_assert_str_eq (requested[0], "peel-medium");
  ck_assert_str_eq (requested[1], "microdermabrasion");
  ck_assert_str_eq (concerns[0], "melasma");
}
END_TEST

START_TEST (test_get_value_types)
{
  g_autoptr (ConsultIntake) intake = load_fixture ("seed-1-glow.json");
  g_autoptr (GVariant) anticoagulant = consult_intake_get_value (intake, "medical.anticoagulant");
  g_autoptr (GVariant) fitzpatrick = consult_intake_get_value (intake, "fitzpatrick");
  g_autoptr (GVariant) sunscreen = consult_intake_get_value (intake, "sun.sunscreen");
  g_autoptr (GVariant) concerns = consult_intake_get_value (intake, "concerns");
  g_autoptr (GVariant) event = consult_intake_get_value (intake, "preferences.event_date");
  g_autoptr (GVariant) date = consult_intake_get_value (intake, "consultation_date");

  ck_assert (g_variant_is_of_type (anticoagulant, G_VARIANT_TYPE_BOOLEAN));
  ck_assert (!g_variant_get_boolean (anticoagulant));
  ck_assert_int_eq (g_variant_get_int32 (fitzpatrick), 2);
  ck_assert_str_eq (g_variant_get_string (sunscreen, NULL), "daily");
  ck_assert (g_variant_is_of_type (concerns, G_VARIANT_TYPE_STRING_ARRAY));
  ck_assert_uint_eq (g_variant_n_children (concerns), 2);
  ck_assert_ptr_null (event);
  ck_assert_str_eq (g_variant_get_string (date, NULL), "2026-11-23");
  ck_assert (!consult_intake_is_set (intake, "preferences.event_date"));
  ck_assert (consult_intake_is_set (intake, "concerns"));
}
END_TEST

START_TEST (test_missing_optional_booleans_read_false)
{
  g_autofree char *text = mutate ("seed-5-volume.json", "medical", "{\"isotretinoin\": \"never\"}");
  g_autoptr (ConsultIntake) intake = consult_intake_new_from_data (text, -1, NULL);
  g_autofree char *no_sun = mutate ("seed-5-volume.json", "sun", NULL);
  g_autoptr (ConsultIntake) sunless = consult_intake_new_from_data (no_sun, -1, NULL);
  g_autoptr (GVariant) tan = NULL;

  ck_assert_ptr_nonnull (intake);
  ck_assert (!consult_intake_get_anticoagulant (intake));
  ck_assert_ptr_nonnull (sunless);
  ck_assert_ptr_null (consult_intake_get_sunscreen (sunless));
  tan = consult_intake_get_value (sunless, "sun.recent_tan_or_burn");
  ck_assert (!g_variant_get_boolean (tan));
}
END_TEST

START_TEST (test_unknown_fields_are_ignored)
{
  g_autofree char *top = mutate ("seed-2-expression-lines.json", "future_field", "{\"a\": [1, {\"b\": null}]}");
  g_autofree char *nested = mutate ("seed-2-expression-lines.json", "medical.future_flag", "\"yes\"");
  g_autoptr (ConsultIntake) a = consult_intake_new_from_data (top, -1, NULL);
  g_autoptr (ConsultIntake) b = consult_intake_new_from_data (nested, -1, NULL);
  g_autoptr (ConsultIntake) seed = load_fixture ("seed-2-expression-lines.json");

  ck_assert_ptr_nonnull (a);
  ck_assert_ptr_nonnull (b);
  ck_assert (consult_intake_equal (a, seed));
  ck_assert (consult_intake_equal (b, seed));
}
END_TEST

START_TEST (test_each_required_field)
{
  const char *required[] = { "client", "fitzpatrick", "concerns", "pregnancy", "consultation_date",
                             "format", "version", "client.given_name" };

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    {
      g_autofree char *text = mutate ("seed-1-glow.json", required[i], NULL);

      assert_single_problem (text, required[i], NULL);
    }
}
END_TEST

START_TEST (test_single_field_rules)
{
  struct {
    const char *path;
    const char *json;
    const char *problem_path;
    const char *message;
  } cases[] = {
    { "sun.sunscreen", "\"often\"", "sun.sunscreen", "expected one of daily, sometimes, rarely; got \"often\"" },
    { "fitzpatrick", "0", "fitzpatrick", "from 1 to 6; got 0" },
    { "fitzpatrick", "7", "fitzpatrick", "from 1 to 6; got 7" },
    { "fitzpatrick", "4.5", "fitzpatrick", "got 4.5" },
    { "fitzpatrick", "4.0", "fitzpatrick", "got 4.0" },
    { "fitzpatrick", "99999999999", "fitzpatrick", "got 99999999999" },
    { "concerns", "[\"pigment\", \"dullness\", \"pigment\"]", "concerns[2]", "more than once" },
    { "concerns", "[\"wrinkles\"]", "concerns[0]", "got \"wrinkles\"" },
    { "concerns", "\"pigment\"", "concerns", "got \"pigment\"" },
    { "preferences.requested", "[\"botox\"]", "preferences.requested[0]", "\"botox\"" },
    { "preferences.requested", "[\"ipl\", \"ipl\"]", "preferences.requested[1]", "more than once" },
    { "preferences.requested", "[\"ipl\", false]", "preferences.requested[1]", "got false" },
    { "consultation_date", "\"2026-02-30\"", "consultation_date", "YYYY-MM-DD" },
    { "consultation_date", "\"2026-11-23 \"", "consultation_date", "YYYY-MM-DD" },
    { "client.date_of_birth", "\"2027-01-01\"", "client.date_of_birth", "after the consultation date" },
    { "client.sex", "\"F\"", "client.sex", "female, male, other, unknown" },
    { "client", "[]", "client", "expected an object; got a list" },
    { "client.given_name", "\"\"", "client.given_name", "empty" },
    { "client.given_name", "42", "client.given_name", "got 42" },
    { "rosacea", "\"false\"", "rosacea", "true or false" },
    { "medical.anticoagulant", "1", "medical.anticoagulant", "true or false; got 1" },
    { "medical.isotretinoin", "\"stopped\"", "medical.isotretinoin_stopped_on", "required when" },
    { "medical.isotretinoin_stopped_on", "\"2026-12-01\"", "medical.isotretinoin_stopped_on", "after" },
    { "pregnancy", "null", "pregnancy", "required" },
    { "melasma", "\"yes\"", "melasma", "none, past, active" },
    { "reactivity", "\"extreme\"", "reactivity", NULL },
    { "preferences.downtime", "\"long\"", "preferences.downtime", NULL },
    { "preferences.event_date", "\"2027-3-1\"", "preferences.event_date", NULL },
    { "sun", "true", "sun", "expected an object; got true" },
    { "version", "\"1\"", "version", "expected 1; got \"1\"" },
    { "format", "\"medspa-consult/plan\"", "format", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = mutate ("seed-1-glow.json", cases[i].path, cases[i].json);

      assert_single_problem (text, cases[i].problem_path, cases[i].message);
    }
}
END_TEST

/* Escapes json-glib is laxer about than JSON, and one that decodes to
 * text that is not UTF-8: all refused as a whole, none reaches a field. */
START_TEST (test_strict_strings)
{
  const char *bad[] = { "\"\\ud800x\"", "\"\\ud800\"", "\"\\udfff\"", "\"\\ud800\\u0041\"",
                        "\"\\x41\"", "\"\\u12\"", "\"tab\there\"", "\"\\", "'Chloe'" };
  g_autofree char *seed = fixture_text ("seed-1-glow.json");

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GString) text = g_string_new (seed);
      g_autoptr (GError) error = NULL;
      g_autoptr (ConsultIntake) intake = NULL;

      g_string_replace (text, "\"Chloe\"", bad[i], 1);
      intake = consult_intake_new_from_data (text->str, -1, &error);
      ck_assert_msg (intake == NULL, "accepted %s", bad[i]);
      ck_assert_int_eq (error->code, CONSULT_INTAKE_ERROR_PARSE);
    }
}
END_TEST

START_TEST (test_escapes_decode)
{
  g_autofree char *seed = fixture_text ("seed-1-glow.json");
  g_autoptr (GString) text = g_string_new (seed);
  g_autoptr (ConsultIntake) intake = NULL;

  g_string_replace (text, "\"Chloe\"", "\"\\ud83d\\ude00 \\u00e9\\/\\b\\f\\r\"", 1);
  intake = consult_intake_new_from_data (text->str, -1, NULL);
  ck_assert_ptr_nonnull (intake);
  ck_assert_str_eq (consult_intake_get_given_name (intake), "😀 é/\b\f\r");
}
END_TEST

START_TEST (test_notes_limit)
{
  g_autofree char *fits = g_strnfill (64 * 1024, 'a');
  g_autofree char *too_long = g_strnfill (64 * 1024 + 1, 'a');
  g_autofree char *fits_json = g_strdup_printf ("\"%s\"", fits);
  g_autofree char *too_long_json = g_strdup_printf ("\"%s\"", too_long);
  g_autofree char *ok = mutate ("seed-3-sun-damage.json", "notes", fits_json);
  g_autofree char *bad = mutate ("seed-3-sun-damage.json", "notes", too_long_json);
  g_autoptr (ConsultIntake) intake = consult_intake_new_from_data (ok, -1, NULL);

  ck_assert_ptr_nonnull (intake);
  assert_single_problem (bad, "notes", "65537 bytes");
}
END_TEST

START_TEST (test_every_problem_reported_at_once)
{
  g_autofree char *text = fixture_text ("bad/unknown-values.json");
  g_autoptr (GPtrArray) problems = problems_of (text, -1);
  g_autoptr (GError) error = NULL;
  g_autoptr (ConsultIntake) intake = NULL;
  const char *expected[] = {
    "consultation_date", "client.sex", "fitzpatrick", "concerns[1]", "concerns[2]",
    "sun.sunscreen", "pregnancy", "medical.isotretinoin_stopped_on", "preferences.requested[0]",
  };

  assert_paths (problems, expected, G_N_ELEMENTS (expected));

  intake = consult_intake_new_from_data (text, -1, &error);
  ck_assert_ptr_null (intake);
  ck_assert_ptr_nonnull (strstr (error->message,
                                 "intake.sun.sunscreen: expected one of daily, sometimes, rarely; got \"often\"\n"));
  ck_assert_ptr_nonnull (strstr (error->message, "intake.fitzpatrick: "));
}
END_TEST

START_TEST (test_wrong_types_reported_at_once)
{
  g_autofree char *text = fixture_text ("bad/wrong-types.json");
  g_autoptr (GPtrArray) problems = problems_of (text, -1);
  const char *expected[] = {
    "consultation_date", "client", "fitzpatrick", "concerns", "rosacea", "sun.exposure",
    "sun.sunscreen", "sun.recent_tan_or_burn", "pregnancy", "medical.anticoagulant",
    "preferences.requested[1]",
  };

  assert_paths (problems, expected, G_N_ELEMENTS (expected));
}
END_TEST

START_TEST (test_missing_required_reported_at_once)
{
  g_autofree char *text = fixture_text ("bad/missing-required.json");
  g_autoptr (GPtrArray) problems = problems_of (text, -1);
  const char *expected[] = { "consultation_date", "client", "fitzpatrick", "concerns", "pregnancy" };

  assert_paths (problems, expected, G_N_ELEMENTS (expected));
}
END_TEST

START_TEST (test_empty_intake_validation)
{
  g_autoptr (ConsultIntake) intake = consult_intake_new ();
  g_autoptr (GPtrArray) problems = consult_intake_validate (intake);
  g_autofree char *json = consult_intake_to_json (intake);
  const char *expected[] = { "consultation_date", "client.given_name", "fitzpatrick", "concerns", "pregnancy" };

  assert_paths (problems, expected, G_N_ELEMENTS (expected));
  ck_assert_ptr_nonnull (strstr (json, "\"client\": {},"));
}
END_TEST

static void
on_changed (ConsultIntake *intake,
            const char    *path,
            GPtrArray     *paths)
{
  g_ptr_array_add (paths, g_strdup (path));
}

START_TEST (test_setters_emit_changed)
{
  g_autoptr (ConsultIntake) intake = consult_intake_new ();
  g_autoptr (GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) sun_paths = g_ptr_array_new_with_free_func (g_free);
  const char *concerns[] = { "pigment", NULL };

  g_signal_connect (intake, "changed", G_CALLBACK (on_changed), paths);
  g_signal_connect (intake, "changed::sun.sunscreen", G_CALLBACK (on_changed), sun_paths);

  consult_intake_set_sunscreen (intake, "daily");
  consult_intake_set_sunscreen (intake, "daily");
  consult_intake_set_anticoagulant (intake, FALSE);
  consult_intake_set_anticoagulant (intake, TRUE);
  consult_intake_set_fitzpatrick (intake, 4);
  consult_intake_set_concerns (intake, concerns);
  consult_intake_set_sunscreen (intake, NULL);

  ck_assert_uint_eq (paths->len, 5);
  ck_assert_str_eq (g_ptr_array_index (paths, 0), "sun.sunscreen");
  ck_assert_str_eq (g_ptr_array_index (paths, 1), "medical.anticoagulant");
  ck_assert_str_eq (g_ptr_array_index (paths, 2), "fitzpatrick");
  ck_assert_str_eq (g_ptr_array_index (paths, 3), "concerns");
  ck_assert_uint_eq (sun_paths->len, 2);
  ck_assert (consult_intake_get_anticoagulant (intake));
  ck_assert_ptr_null (consult_intake_get_sunscreen (intake));
}
END_TEST

START_TEST (test_setters_build_a_valid_intake)
{
  g_autoptr (ConsultIntake) intake = consult_intake_new ();
  g_autoptr (ConsultIntake) copy = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *json = NULL;
  g_autoptr (ConsultIntake) reread = NULL;
  const char *concerns[] = { "acne_scarring", NULL };

  consult_intake_set_consultation_date (intake, "2026-11-23");
  consult_intake_set_given_name (intake, "Ana");
  consult_intake_set_fitzpatrick (intake, 9);
  consult_intake_set_concerns (intake, concerns);
  consult_intake_set_pregnancy (intake, "none");
  consult_intake_set_isotretinoin (intake, "stopped");

  problems = consult_intake_validate (intake);
  ck_assert_uint_eq (problems->len, 2);
  g_clear_pointer (&problems, g_ptr_array_unref);

  consult_intake_set_fitzpatrick (intake, 5);
  consult_intake_set_isotretinoin_stopped_on (intake, "2026-08-23");
  problems = consult_intake_validate (intake);
  ck_assert_uint_eq (problems->len, 0);

  ck_assert (!consult_intake_set_value (intake, "sun.sunscreen", g_variant_new_string ("often"), &error));
  ck_assert_ptr_nonnull (strstr (error->message, "intake.sun.sunscreen: expected one of"));
  g_clear_error (&error);
  ck_assert (!consult_intake_set_value (intake, "fitzpatrick", g_variant_new_string ("4"), &error));
  g_clear_error (&error);
  ck_assert (!consult_intake_set_value (intake, "no.such.field", g_variant_new_boolean (TRUE), &error));
  g_clear_error (&error);
  ck_assert (consult_intake_set_value (intake, "medical.hsv_history", g_variant_new_boolean (TRUE), &error));
  ck_assert (consult_intake_get_hsv_history (intake));

  copy = consult_intake_copy (intake);
  ck_assert (consult_intake_equal (copy, intake));
  consult_intake_set_hsv_history (copy, FALSE);
  ck_assert (!consult_intake_equal (copy, intake));
  consult_intake_set_hsv_history (copy, TRUE);
  ck_assert (consult_intake_equal (copy, intake));

  json = consult_intake_to_json (intake);
  reread = consult_intake_new_from_data (json, -1, &error);
  ck_assert_msg (reread != NULL, "%s", error ? error->message : "");
  ck_assert (consult_intake_equal (reread, intake));
}
END_TEST

START_TEST (test_file_errors)
{
  g_autofree char *dir = consult_test_source_path ("fixtures", "intake", NULL);
  g_autofree char *missing = consult_test_source_path ("fixtures", "intake", "missing.json", NULL);
  g_autofree char *seed = consult_test_source_path ("fixtures", "intake", "seed-7-tightening-all-at-once.json", NULL);
  g_autoptr (GFile) dir_file = g_file_new_for_path (dir);
  g_autoptr (GFile) missing_file = g_file_new_for_path (missing);
  g_autoptr (GFile) seed_file = g_file_new_for_path (seed);
  g_autoptr (GError) error = NULL;
  g_autoptr (ConsultIntake) intake = NULL;

  ck_assert_ptr_null (consult_intake_new_from_file (dir_file, &error));
  ck_assert_int_eq (error->code, CONSULT_INTAKE_ERROR_IO);
  ck_assert_ptr_nonnull (strstr (error->message, "intake"));
  g_clear_error (&error);

  ck_assert_ptr_null (consult_intake_new_from_file (missing_file, &error));
  ck_assert_int_eq (error->code, CONSULT_INTAKE_ERROR_IO);
  ck_assert_ptr_nonnull (strstr (error->message, "missing.json"));
  g_clear_error (&error);

  intake = consult_intake_new_from_file (seed_file, &error);
  ck_assert_ptr_nonnull (intake);
  ck_assert (consult_intake_get_significant_laxity (intake));
}
END_TEST

/* Malformed documents, each with the path its message must name. */
typedef struct
{
  const char *name;
  char       *data;
  gsize       length;
  const char *path;
} Malformed;

static void
malformed_clear (Malformed *malformed)
{
  g_free (malformed->data);
}

static void
add_malformed (GArray     *set,
               const char *name,
               char       *data,
               gssize      length,
               const char *path)
{
  Malformed malformed = { name, data, length < 0 ? strlen (data) : (gsize) length, path };

  g_array_append_val (set, malformed);
}

static GArray *
malformed_set (void)
{
  GArray *set = g_array_new (FALSE, FALSE, sizeof (Malformed));
  g_autofree char *huge = g_strnfill (10 * 1024 * 1024, 'x');
  g_autofree char *huge_json = g_strdup_printf ("\"%s\"", huge);
  g_autofree char *deep_arrays = NULL;
  GString *deep_objects = g_string_new (NULL);
  GRand *rand = g_rand_new_with_seed (20261123);
  char *garbage = g_malloc (4096);
  char *with_nul = fixture_text ("seed-1-glow.json");
  gsize seed_length = strlen (with_nul);

  g_array_set_clear_func (set, (GDestroyNotify) malformed_clear);

  add_malformed (set, "wrong types", fixture_text ("bad/wrong-types.json"), -1, "intake.sun.recent_tan_or_burn");
  add_malformed (set, "unknown enum values", fixture_text ("bad/unknown-values.json"), -1, "intake.sun.sunscreen");
  add_malformed (set, "missing required", fixture_text ("bad/missing-required.json"), -1, "intake.fitzpatrick");
  add_malformed (set, "wrong format", fixture_text ("bad/wrong-format.json"), -1, "intake.format");
  add_malformed (set, "10 MB notes", mutate ("seed-1-glow.json", "notes", huge_json), -1, "intake.notes");
  add_malformed (set, "10 MB name", mutate ("seed-1-glow.json", "client.given_name", huge_json), -1,
                 "intake.client.given_name");
  add_malformed (set, "10 MB enum", mutate ("seed-1-glow.json", "pregnancy", huge_json), -1, "intake.pregnancy");
  add_malformed (set, "invalid UTF-8", fixture_text ("bad/invalid-utf8.json"), -1, "intake:");
  add_malformed (set, "truncated", fixture_text ("bad/truncated.json"), -1, "intake:");
  add_malformed (set, "not an object", fixture_text ("bad/not-an-object.json"), -1, "intake:");
  add_malformed (set, "empty", g_strdup (""), 0, "intake:");
  add_malformed (set, "blank", g_strdup (" \n\t "), -1, "intake:");

  deep_arrays = g_malloc (200001);
  memset (deep_arrays, '[', 100000);
  memset (deep_arrays + 100000, ']', 100000);
  deep_arrays[200000] = '\0';
  add_malformed (set, "100000 nested lists", g_steal_pointer (&deep_arrays), -1, "intake:");

  for (guint i = 0; i < 100000; i++)
    g_string_append (deep_objects, "{\"a\":");
  add_malformed (set, "100000 nested objects", g_string_free (deep_objects, FALSE), -1, "intake:");
  add_malformed (set, "comment hiding brackets", g_strdup ("/* \" */ [[[[{\"a\": 1}]]]]"), -1, "intake:");

  for (guint i = 0; i < 4096; i++)
    garbage[i] = (char) g_rand_int_range (rand, 0, 256);
  add_malformed (set, "binary garbage", garbage, 4096, "intake:");

  with_nul[seed_length / 2] = '\0';
  add_malformed (set, "NUL byte", with_nul, seed_length, "intake:");

  g_rand_free (rand);
  return set;
}

START_TEST (test_malformed_through_api)
{
  g_autoptr (GArray) set = malformed_set ();

  for (guint i = 0; i < set->len; i++)
    {
      Malformed *malformed = &g_array_index (set, Malformed, i);
      g_autoptr (GError) error = NULL;
      g_autoptr (ConsultIntake) intake = consult_intake_new_from_data (malformed->data, malformed->length, &error);

      ck_assert_msg (intake == NULL, "%s was accepted", malformed->name);
      ck_assert_msg (error != NULL && strstr (error->message, malformed->path) != NULL,
                     "%s: \"%s\" does not name %s", malformed->name, error ? error->message : "",
                     malformed->path);
    }
}
END_TEST

static int
run_cli (const char  *command_line,
         char       **out,
         char       **err)
{
  g_autoptr (GError) error = NULL;
  int status = -1;

  g_spawn_command_line_sync (command_line, out, err, &status, &error);
  ck_assert_msg (error == NULL, "%s", error ? error->message : "");
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static int
validate_with_cli (const char  *argument,
                   char       **out,
                   char       **err)
{
  g_autofree char *quoted = g_shell_quote (argument);
  g_autofree char *command_line = g_strdup_printf ("%s validate %s", g_getenv ("CONSULT_TEST_CLI"), quoted);

  ck_assert_ptr_nonnull (g_getenv ("CONSULT_TEST_CLI"));
  return run_cli (command_line, out, err);
}

START_TEST (test_malformed_through_cli)
{
  g_autoptr (GArray) set = malformed_set ();

  for (guint i = 0; i < set->len; i++)
    {
      Malformed *malformed = &g_array_index (set, Malformed, i);
      g_autofree char *name = g_strdup_printf ("malformed-%u.json", i);
      g_autofree char *path = consult_test_output_path (name);
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      ck_assert (g_file_set_contents (path, malformed->data, malformed->length, NULL));
      ck_assert_int_eq (validate_with_cli (path, &out, &err), 1);
      ck_assert_msg (strstr (err, malformed->path) != NULL, "%s: \"%.200s\" does not name %s",
                     malformed->name, err, malformed->path);
      ck_assert_str_eq (out, "");
      g_unlink (path);
    }
}
END_TEST

START_TEST (test_cli_files_and_usage)
{
  g_autofree char *dir = consult_test_source_path ("fixtures", "intake", NULL);
  g_autofree char *seed = consult_test_source_path ("fixtures", "intake", "seed-3-sun-damage.json", NULL);
  g_autofree char *bad = consult_test_source_path ("fixtures", "intake", "bad", "unknown-values.json", NULL);
  g_autofree char *stdin_line = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto (GStrv) lines = NULL;

  ck_assert_int_eq (validate_with_cli (dir, &out, &err), 1);
  ck_assert_ptr_nonnull (strstr (err, dir));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  ck_assert_int_eq (validate_with_cli (seed, &out, &err), 0);
  ck_assert_str_eq (err, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  ck_assert_int_eq (validate_with_cli (bad, &out, &err), 1);
  lines = g_strsplit (g_strchomp (err), "\n", -1);
  ck_assert_uint_eq (g_strv_length (lines), 9);
  ck_assert_str_eq (lines[5], "intake.sun.sunscreen: expected one of daily, sometimes, rarely; got \"often\"");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  stdin_line = g_strdup_printf ("sh -c '\"$0\" validate - < \"$1\"' %s %s", g_getenv ("CONSULT_TEST_CLI"), seed);
  ck_assert_int_eq (run_cli (stdin_line, &out, &err), 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&stdin_line, g_free);

  stdin_line = g_strdup_printf ("sh -c '\"$0\" validate - < \"$1\"' %s %s", g_getenv ("CONSULT_TEST_CLI"), bad);
  ck_assert_int_eq (run_cli (stdin_line, &out, &err), 1);
  ck_assert_ptr_nonnull (strstr (err, "intake.pregnancy: "));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&stdin_line, g_free);

  stdin_line = g_strdup_printf ("%s validate", g_getenv ("CONSULT_TEST_CLI"));
  ck_assert_int_eq (run_cli (stdin_line, &out, &err), 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&stdin_line, g_free);

  stdin_line = g_strdup_printf ("%s validate --frobnicate %s", g_getenv ("CONSULT_TEST_CLI"), seed);
  ck_assert_int_eq (run_cli (stdin_line, &out, &err), 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&stdin_line, g_free);

  stdin_line = g_strdup_printf ("%s validate --help", g_getenv ("CONSULT_TEST_CLI"));
  ck_assert_int_eq (run_cli (stdin_line, &out, &err), 0);
  ck_assert_ptr_nonnull (strstr (out, "INTAKE.json"));
}
END_TEST

START_TEST (test_too_large)
{
  gsize length = CONSULT_INTAKE_MAX_SIZE + 1;
  g_autofree char *data = g_malloc (length);
  g_autoptr (GError) error = NULL;
  g_autoptr (ConsultIntake) intake = NULL;

  memset (data, ' ', length);
  intake = consult_intake_new_from_data (data, length, &error);
  ck_assert_ptr_null (intake);
  ck_assert_int_eq (error->code, CONSULT_INTAKE_ERROR_TOO_LARGE);
}
END_TEST

static Suite *
intake_suite (void)
{
  Suite *suite = suite_create ("intake");
  TCase *round_trip = tcase_create ("round-trip");
  TCase *rules = tcase_create ("rules");
  TCase *object = tcase_create ("object");
  TCase *malformed = tcase_create ("malformed");

  tcase_add_test (round_trip, test_fixtures_round_trip_exactly);
  tcase_add_test (round_trip, test_non_canonical_input_is_stable_after_one_write);
  tcase_add_test (round_trip, test_seed_values);
  tcase_add_test (round_trip, test_get_value_types);
  suite_add_tcase (suite, round_trip);

  tcase_add_test (rules, test_missing_optional_booleans_read_false);
  tcase_add_test (rules, test_unknown_fields_are_ignored);
  tcase_add_test (rules, test_each_required_field);
  tcase_add_test (rules, test_single_field_rules);
  tcase_add_test (rules, test_strict_strings);
  tcase_add_test (rules, test_escapes_decode);
  tcase_add_test (rules, test_notes_limit);
  tcase_add_test (rules, test_every_problem_reported_at_once);
  tcase_add_test (rules, test_wrong_types_reported_at_once);
  tcase_add_test (rules, test_missing_required_reported_at_once);
  suite_add_tcase (suite, rules);

  tcase_add_test (object, test_empty_intake_validation);
  tcase_add_test (object, test_setters_emit_changed);
  tcase_add_test (object, test_setters_build_a_valid_intake);
  suite_add_tcase (suite, object);

  tcase_set_timeout (malformed, 120);
  tcase_add_test (malformed, test_file_errors);
  tcase_add_test (malformed, test_malformed_through_api);
  tcase_add_test (malformed, test_malformed_through_cli);
  tcase_add_test (malformed, test_cli_files_and_usage);
  tcase_add_test (malformed, test_too_large);
  suite_add_tcase (suite, malformed);

  return suite;
}

int
main (void)
{
  return consult_test_run_suite (intake_suite ());
}
