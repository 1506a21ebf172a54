/* test-planner-seeds.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "consult-catalogue.h"
#include "consult-test-planner.h"

/* The eight worked cases of CLINICAL.md (c), on the seed fixtures. */

static const char * const energy[] = {
  "ipl", "vascular-laser", "pigment-laser", "laser-hair-nd-yag", "laser-hair-diode",
  "laser-hair-alexandrite", "laser-nonablative-fractional", "laser-ablative-fractional",
  "rf-microneedling", "skin-tightening", NULL
};

static ConsultPlan *
plan_seed (const char *fixture)
{
  g_autoptr (ConsultIntake) intake = consult_test_intake_load (fixture);

  return consult_test_plan (intake);
}

static void
assert_not_planned (ConsultPlan        *plan,
                    const char * const *treatments)
{
  for (guint i = 0; treatments[i] != NULL; i++)
    ck_assert_msg (consult_test_phase_of (plan, treatments[i]) == 0, "%s must not be planned", treatments[i]);
}

static void
assert_basics_first (ConsultPlan *plan)
{
  ck_assert_uint_eq (consult_test_phase_of (plan, "spf"), 1);
  ck_assert_uint_eq (consult_test_phase_of (plan, "barrier-repair"), 1);
  ck_assert_uint_eq (consult_plan_find_step (plan, "spf", NULL)->start_week, 0);
}

static const ConsultPlanStep *
step (ConsultPlan *plan,
      const char  *treatment)
{
  const ConsultPlanStep *found = consult_plan_find_step (plan, treatment, NULL);

  ck_assert_msg (found != NULL, "%s is not planned", treatment);
  return found;
}

START_TEST (test_seed_1_glow)
{
  g_autoptr (ConsultPlan) plan = plan_seed ("seed-1-glow.json");
  const char * const excluded[] = { "laser-ablative-fractional", "peel-medium", "peel-deep",
                                    "neuromodulator", "ha-filler", NULL };
  const char * const allowed[] = { "spf", "barrier-repair", "facial", "hydrafacial", "led", "vitamin-c", NULL };
  GPtrArray *phases = consult_plan_get_phases (plan);

  assert_basics_first (plan);
  assert_not_planned (plan, excluded);
  for (guint i = 0; i < phases->len; i++)
    {
      GPtrArray *steps = ((ConsultPlanPhase *) g_ptr_array_index (phases, i))->steps;

      for (guint j = 0; j < steps->len; j++)
        {
          const ConsultPlanStep *s = g_ptr_array_index (steps, j);

          ck_assert_msg (g_strv_contains (allowed, s->treatment), "%s is not day-spa care", s->treatment);
        }
    }
  ck_assert (consult_test_flags_of (plan, "facial") & CONSULT_STEP_FLAG_REASSESS);
  ck_assert (consult_test_warned_by (plan, "R35"));
}
END_TEST

START_TEST (test_seed_2_expression_lines)
{
  g_autoptr (ConsultPlan) plan = plan_seed ("seed-2-expression-lines.json");
  const ConsultPlanStep *relaxer;

  assert_basics_first (plan);
  ck_assert_uint_eq (consult_test_phase_of (plan, "neuromodulator"), 3);
  relaxer = step (plan, "neuromodulator");
  ck_assert (relaxer->flags & CONSULT_STEP_FLAG_CONSERVATIVE);
  ck_assert_int_ne (relaxer->performer, CONSULT_PERFORMER_ESTHETICIAN);
  ck_assert_uint_ge (relaxer->interval_weeks, 13);
  ck_assert (consult_plan_get_requires_physician_signoff (plan));

  if (consult_plan_find_step (plan, "ha-filler", NULL) != NULL)
    ck_assert_uint_ge (step (plan, "ha-filler")->start_week, relaxer->start_week + 2);
  else
    ck_assert (consult_plan_find_deferral (plan, "ha-filler") != NULL ||
               consult_plan_find_exclusion (plan, "ha-filler") != NULL);
}
END_TEST

START_TEST (test_seed_3_sun_damage)
{
  g_autoptr (ConsultPlan) plan = plan_seed ("seed-3-sun-damage.json");
  const char * const excluded[] = { "ipl", "laser-ablative-fractional", "peel-medium", "peel-deep",
                                    "microdermabrasion", NULL };
  const char * const topicals[] = { "hydroquinone", "azelaic-acid", "tranexamic-acid-topical", NULL };
  guint n_topicals = 0;

  assert_basics_first (plan);
  ck_assert (consult_test_step_has_rule (plan, "spf", "R07"));
  for (guint i = 0; topicals[i] != NULL; i++)
    if (consult_test_phase_of (plan, topicals[i]) == 1)
      n_topicals++;
  ck_assert_uint_ge (n_topicals, 1);
  assert_not_planned (plan, excluded);
  ck_assert (consult_test_excluded_by (plan, "ipl", "R06"));

  /* Sunscreen inconsistent and recently tanned: no device in this plan. */
  assert_not_planned (plan, energy);
  ck_assert (consult_test_deferred_by (plan, "pigment-laser", "R08"));
  ck_assert (consult_test_deferred_by (plan, "laser-nonablative-fractional", "R08"));
}
END_TEST

START_TEST (test_seed_4_acne_scars)
{
  g_autoptr (ConsultPlan) plan = plan_seed ("seed-4-acne-scars.json");
  const char * const excluded[] = { "peel-deep", "laser-ablative-fractional", "rf-microneedling", NULL };
  const char * const later[] = { "rf-microneedling", "laser-ablative-fractional", NULL };
  const ConsultPlanStep *needling;
  GDate earliest;

  assert_basics_first (plan);
  ck_assert_uint_eq (consult_test_phase_of (plan, "microneedling"), 2);
  needling = step (plan, "microneedling");
  ck_assert_uint_ge (needling->sessions, 3);
  ck_assert_uint_le (needling->sessions, 6);
  ck_assert_uint_ge (needling->interval_weeks, 4);
  assert_not_planned (plan, excluded);

  /* Isotretinoin stopped 2026-08-23: not before 2027-02-23. */
  g_date_set_dmy (&earliest, 23, G_DATE_FEBRUARY, 2027);
  for (guint i = 0; later[i] != NULL; i++)
    {
      const ConsultPlanDeferral *deferral = consult_plan_find_deferral (plan, later[i]);

      ck_assert_msg (deferral != NULL, "%s is not deferred", later[i]);
      ck_assert (consult_test_rules_contain (deferral->rules, "R12"));
      if (g_date_valid (&deferral->until_date))
        ck_assert_int_ge (g_date_compare (&deferral->until_date, &earliest), 0);
    }
}
END_TEST

START_TEST (test_seed_5_volume)
{
  g_autoptr (ConsultPlan) plan = plan_seed ("seed-5-volume.json");
  const ConsultPlanStep *filler;

  assert_basics_first (plan);
  ck_assert_uint_eq (consult_test_phase_of (plan, "ha-filler"), 3);
  filler = step (plan, "ha-filler");
  ck_assert (filler->requires_physician);
  ck_assert (filler->flags & CONSULT_STEP_FLAG_BRUISING_CONSENT);
  ck_assert (filler->flags & CONSULT_STEP_FLAG_CONSERVATIVE);
  ck_assert (consult_test_warned_by (plan, "R16"));
  ck_assert (consult_test_warned_by (plan, "R34"));

  if (consult_plan_find_step (plan, "skin-tightening", NULL) != NULL)
    ck_assert (step (plan, "skin-tightening")->requires_physician);
  if (consult_plan_find_step (plan, "rf-microneedling", NULL) != NULL)
    {
      const ConsultPlanStep *rf = step (plan, "rf-microneedling");

      ck_assert (consult_plan_step_get_last_week (rf) <= filler->start_week ||
                 rf->start_week >= filler->start_week + 4);
    }
}
END_TEST

START_TEST (test_seed_6_melasma_strong_facial)
{
  g_autoptr (ConsultPlan) plan = plan_seed ("seed-6-melasma-strong-facial.json");
  const char * const excluded[] = { "microdermabrasion", "peel-medium", "peel-deep", "ipl", NULL };

  assert_basics_first (plan);
  assert_not_planned (plan, excluded);
  ck_assert (consult_test_excluded_by (plan, "peel-medium", "R06"));
  ck_assert (consult_test_excluded_by (plan, "microdermabrasion", "R06"));
  ck_assert (consult_test_step_has_rule (plan, "spf", "R07"));
  ck_assert (consult_test_phase_of (plan, "hydroquinone") == 1 || consult_test_phase_of (plan, "azelaic-acid") == 1);
  if (consult_plan_find_step (plan, "peel-superficial", NULL) != NULL)
    ck_assert_uint_ge (step (plan, "peel-superficial")->start_week, 8);
}
END_TEST

START_TEST (test_seed_7_tightening_all_at_once)
{
  g_autoptr (ConsultPlan) plan = plan_seed ("seed-7-tightening-all-at-once.json");
  const ConsultPlanStep *rf = step (plan, "rf-microneedling");
  const ConsultPlanStep *ablative = consult_plan_find_step (plan, "laser-ablative-fractional", NULL);
  const char * const non_ablative[] = { "laser-nonablative-fractional", "ipl", NULL };

  assert_basics_first (plan);
  if (ablative != NULL)
    ck_assert_uint_ge (rf->start_week, consult_plan_step_get_last_week (ablative) + 6);
  for (guint i = 0; non_ablative[i] != NULL; i++)
    {
      const ConsultPlanStep *other = consult_plan_find_step (plan, non_ablative[i], NULL);

      if (other == NULL)
        continue;
      if (other->start_week < rf->start_week)
        ck_assert_uint_ge (rf->start_week, consult_plan_step_get_last_week (other) + 2);
      else
        ck_assert_uint_ge (other->start_week, consult_plan_step_get_last_week (rf) + 2);
    }
  ck_assert (consult_test_referred (plan, CONSULT_REFERRAL_PLASTIC_SURGEON, "R37"));
}
END_TEST

START_TEST (test_seed_8_cheaper_filler)
{
  g_autoptr (ConsultPlan) plan = plan_seed ("seed-8-cheaper-filler.json");
  const ConsultPlanStep *filler;

  assert_basics_first (plan);
  ck_assert_uint_eq (consult_test_phase_of (plan, "ha-filler"), 3);
  filler = step (plan, "ha-filler");
  ck_assert (filler->performer == CONSULT_PERFORMER_NURSE ||
             filler->performer == CONSULT_PERFORMER_PHYSICIAN_SUPERVISED);
  ck_assert (filler->flags & CONSULT_STEP_FLAG_CONSERVATIVE);
  ck_assert (filler->flags & CONSULT_STEP_FLAG_ANTIVIRAL_PROPHYLAXIS);
  ck_assert (filler->requires_physician);
  ck_assert (consult_test_warned_by (plan, "R34"));
  ck_assert (consult_test_warned_by (plan, "R38"));
}
END_TEST

START_TEST (test_seed_8_active_cold_sore_defers)
{
  g_autoptr (ConsultIntake) intake = consult_test_intake_load ("seed-8-cheaper-filler.json");
  g_autoptr (ConsultPlan) plan = NULL;

  consult_test_intake_set (intake, "medical.active_cold_sore=true");
  plan = consult_test_plan (intake);
  ck_assert (consult_test_deferred_by (plan, "ha-filler", "R14"));
}
END_TEST

int
main (void)
{
  Suite *suite = suite_create ("planner-seeds");
  TCase *tc = tcase_create ("seeds");

  tcase_add_test (tc, test_seed_1_glow);
  tcase_add_test (tc, test_seed_2_expression_lines);
  tcase_add_test (tc, test_seed_3_sun_damage);
  tcase_add_test (tc, test_seed_4_acne_scars);
  tcase_add_test (tc, test_seed_5_volume);
  tcase_add_test (tc, test_seed_6_melasma_strong_facial);
  tcase_add_test (tc, test_seed_7_tightening_all_at_once);
  tcase_add_test (tc, test_seed_8_cheaper_filler);
  tcase_add_test (tc, test_seed_8_active_cold_sore_defers);
  suite_add_tcase (suite, tc);

  return consult_test_run_suite (suite);
}
