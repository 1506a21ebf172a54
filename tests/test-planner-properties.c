/* test-planner-properties.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "consult-date.h"
#include "consult-intake-schema.h"
#include "consult-test-planner.h"
#include "consult-treatments.h"

/* Thousands of generated valid intakes, from a fixed seed so a failure
 * is reproducible: every plan must keep the invariants (see
 * consult_test_check_plan_invariants()), be byte-identical when planned
 * again, and read back from its JSON unchanged. */

#define N_INTAKES 3000
#define SEED 20261123

static const char *
pick (GRand              *rand,
      const char * const *values)
{
  return values[g_rand_int_range (rand, 0, g_strv_length ((char **) values))];
}

static void
set (ConsultIntake *intake,
     const char    *path,
     GVariant      *value)
{
  g_autoptr (GError) error = NULL;

  ck_assert_msg (consult_intake_set_value (intake, path, value, &error), "%s: %s", path,
                 error ? error->message : "");
}

static GVariant *
random_subset (GRand              *rand,
               const char * const *values,
               guint               max,
               double              probability)
{
  g_autoptr (GPtrArray) chosen = g_ptr_array_new ();
  guint n = g_strv_length ((char **) values);

  for (guint i = 0; i < n && chosen->len < max; i++)
    if (g_rand_double (rand) < probability)
      g_ptr_array_add (chosen, (gpointer) values[g_rand_int_range (rand, 0, n)]);

  /* No duplicates: the schema refuses them. */
  for (guint i = 0; i < chosen->len; i++)
    for (guint j = i + 1; j < chosen->len; j++)
      if (g_str_equal (g_ptr_array_index (chosen, i), g_ptr_array_index (chosen, j)))
        g_ptr_array_remove_index (chosen, j--);

  return g_variant_new_strv ((const char * const *) chosen->pdata, chosen->len);
}

static char *
random_date (GRand *rand,
             int    min_days,
             int    max_days)
{
  GDate date;

  g_date_set_dmy (&date, 23, G_DATE_NOVEMBER, 2026);
  consult_date_add_days (&date, g_rand_int_range (rand, min_days, max_days));
  return consult_date_format (&date);
}

static ConsultIntake *
random_intake (GRand *rand)
{
  static const char * const levels[] = { "none", "mild", "moderate", "high", NULL };
  static const char * const exposure[] = { "low", "moderate", "high", NULL };
  static const char * const sunscreen[] = { "daily", "sometimes", "rarely", NULL };
  static const char * const pregnancy[] = { "none", "none", "none", "trying", "pregnant", "breastfeeding", NULL };
  static const char * const melasma[] = { "none", "none", "past", "active", NULL };
  static const char * const isotretinoin[] = { "never", "never", "current", "stopped", NULL };
  static const char * const downtime[] = { "none", "short", "extended", NULL };
  ConsultIntake *intake = consult_test_intake_new (NULL, NULL);
  guint n_fields;
  const ConsultIntakeField *fields = consult_intake_schema_get_fields (&n_fields);
  const char *iso = pick (rand, isotretinoin);

  set (intake, "fitzpatrick", g_variant_new_int32 (g_rand_int_range (rand, 1, 7)));
  set (intake, "concerns", random_subset (rand, consult_concern_ids (), 4, 0.25));
  set (intake, "reactivity", g_variant_new_string (pick (rand, levels)));
  set (intake, "sun.exposure", g_variant_new_string (pick (rand, exposure)));
  set (intake, "sun.sunscreen", g_variant_new_string (pick (rand, sunscreen)));
  set (intake, "pregnancy", g_variant_new_string (pick (rand, pregnancy)));
  set (intake, "melasma", g_variant_new_string (pick (rand, melasma)));
  set (intake, "medical.isotretinoin", g_variant_new_string (iso));
  if (g_str_equal (iso, "stopped"))
    {
      g_autofree char *stopped = random_date (rand, -400, 0);

      set (intake, "medical.isotretinoin_stopped_on", g_variant_new_string (stopped));
    }
  set (intake, "preferences.downtime", g_variant_new_string (pick (rand, downtime)));
  set (intake, "preferences.requested", random_subset (rand, consult_treatment_ids (), 5, 0.12));
  if (g_rand_double (rand) < 0.3)
    {
      g_autofree char *event = random_date (rand, -10, 200);

      set (intake, "preferences.event_date", g_variant_new_string (event));
    }

  /* Every yes/no answer, mostly no. */
  for (guint i = 0; i < n_fields; i++)
    if (fields[i].kind == CONSULT_INTAKE_FIELD_BOOLEAN)
      set (intake, fields[i].path, g_variant_new_boolean (g_rand_double (rand) < 0.08));

  return intake;
}

START_TEST (test_generated_intakes)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (SEED);
  g_autoptr (ConsultPlanner) planner = consult_planner_new (consult_test_catalogue ());

  for (guint i = 0; i < N_INTAKES; i++)
    {
      g_autoptr (ConsultIntake) intake = random_intake (rand);
      g_autoptr (ConsultPlan) plan = consult_test_plan (intake);
      g_autoptr (ConsultPlan) again = consult_planner_plan (planner, intake, NULL);
      g_autoptr (ConsultPlan) read = NULL;
      g_autoptr (GError) error = NULL;
      g_autofree char *json = consult_plan_to_json (plan);
      g_autofree char *json_again = consult_plan_to_json (again);
      g_autofree char *json_read = NULL;

      ck_assert_msg (g_str_equal (json, json_again), "intake %u: planning twice differs", i);

      read = consult_plan_new_from_json (json, -1, &error);
      ck_assert_msg (read != NULL, "intake %u: %s", i, error ? error->message : "");
      json_read = consult_plan_to_json (read);
      ck_assert_msg (g_str_equal (json, json_read), "intake %u: JSON round trip differs", i);
    }
}
END_TEST

START_TEST (test_start_date_shifts_nothing_else)
{
  g_autoptr (ConsultIntake) intake = consult_test_intake_new ("concerns=['acne_scarring']", NULL);
  g_autoptr (ConsultPlanner) planner = consult_planner_new (consult_test_catalogue ());
  g_autoptr (ConsultPlan) plan = NULL;
  GDate start;

  g_date_set_dmy (&start, 1, G_DATE_FEBRUARY, 2027);
  plan = consult_planner_plan (planner, intake, &start);
  ck_assert_int_eq (g_date_compare (consult_plan_get_start_date (plan), &start), 0);
  consult_test_check_plan_invariants (intake, plan);
}
END_TEST

START_TEST (test_plan_json_errors_name_the_field)
{
  static const struct { const char *json; const char *path; } cases[] = {
    { "[]", "plan" },
    { "{\"format\": \"x\"}", "plan.format" },
    { "{\"format\": \"medspa-consult/plan\", \"version\": 2}", "plan.version" },
    { "{\"format\": \"medspa-consult/plan\", \"version\": 1, \"catalogue_version\": \"1\","
      " \"start_date\": \"2026-02-30\"}", "plan.start_date" },
    { "{\"format\": \"medspa-consult/plan\", \"version\": 1, \"catalogue_version\": \"1\","
      " \"start_date\": \"2026-02-03\", \"phases\": [{\"number\": 1, \"key\": \"refine\", \"title\": \"x\"}]}", "plan.phases[0].key" },
    { "not json", "plan" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (ConsultPlan) plan = consult_plan_new_from_json (cases[i].json, -1, &error);

      ck_assert_ptr_null (plan);
      ck_assert (g_error_matches (error, CONSULT_PLAN_ERROR, CONSULT_PLAN_ERROR_INVALID));
      ck_assert_msg (g_str_has_prefix (error->message, cases[i].path), "%s: %s", cases[i].path, error->message);
    }
}
END_TEST

int
main (void)
{
  Suite *suite = suite_create ("planner-properties");
  TCase *tc = tcase_create ("properties");

  tcase_set_timeout (tc, 600);
  tcase_add_test (tc, test_generated_intakes);
  tcase_add_test (tc, test_start_date_shifts_nothing_else);
  tcase_add_test (tc, test_plan_json_errors_name_the_field);
  suite_add_tcase (suite, tc);

  return consult_test_run_suite (suite);
}
