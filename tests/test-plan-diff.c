/* test-plan-diff.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "consult-plan-diff.h"
#include "consult-test.h"
#include "consult-test-plan-json.h"

static const ConsultPlanChange *
change_for (GPtrArray  *changes,
            const char *treatment)
{
  for (guint i = 0; i < changes->len; i++)
    {
      const ConsultPlanChange *change = g_ptr_array_index (changes, i);

      if (g_str_equal (change->treatment, treatment))
        return change;
    }

  return NULL;
}

START_TEST (test_added_removed_changed)
{
  g_autoptr (ConsultPlan) older = consult_test_plan (PLAN (STEP ("microneedling", 8, 3, 4, "physician_supervised"),
                                              STEP ("ipl", 20, 3, 4, "physician_supervised")));
  g_autoptr (ConsultPlan) newer = consult_test_plan (PLAN (STEP ("microneedling", 10, 4, 4, "physician_supervised"),
                                              STEP ("neuromodulator", 20, 1, 0, "nurse")));
  g_autoptr (GPtrArray) changes = consult_plan_diff (older, newer);
  const ConsultPlanChange *change;

  ck_assert_uint_eq (changes->len, 5);
  ck_assert_int_eq (change_for (changes, "spf")->kind, CONSULT_PLAN_CHANGE_UNCHANGED);
  ck_assert_ptr_null (change_for (changes, "spf")->details);

  change = change_for (changes, "microneedling");
  ck_assert_int_eq (change->kind, CONSULT_PLAN_CHANGE_CHANGED);
  ck_assert_str_eq (change->details, "starts week 8 → 10; sessions 3 → 4");

  ck_assert_int_eq (change_for (changes, "neuromodulator")->kind, CONSULT_PLAN_CHANGE_ADDED);
  ck_assert_int_eq (change_for (changes, "ipl")->kind, CONSULT_PLAN_CHANGE_REMOVED);
  /* Removed steps come last, after the newer plan's own order. */
  ck_assert_str_eq (((ConsultPlanChange *) g_ptr_array_index (changes, 4))->treatment, "ipl");
}
END_TEST

START_TEST (test_identical_plans_have_no_changes)
{
  g_autoptr (ConsultPlan) older = consult_test_plan (PLAN (STEP ("microneedling", 8, 3, 4, "physician_supervised"), ""));
  g_autoptr (ConsultPlan) newer = consult_test_plan (PLAN (STEP ("microneedling", 8, 3, 4, "physician_supervised"), ""));
  g_autoptr (GPtrArray) changes = consult_plan_diff (older, newer);

  ck_assert_uint_eq (changes->len, 3);
  for (guint i = 0; i < changes->len; i++)
    ck_assert_int_eq (((ConsultPlanChange *) g_ptr_array_index (changes, i))->kind, CONSULT_PLAN_CHANGE_UNCHANGED);
}
END_TEST

START_TEST (test_phase_move_is_a_change)
{
  g_autoptr (ConsultPlan) older = consult_test_plan (PLAN (STEP ("microneedling", 8, 3, 4, "physician_supervised"), ""));
  g_autoptr (ConsultPlan) newer = consult_test_plan (PLAN ("", STEP ("microneedling", 8, 3, 4, "physician")));
  g_autoptr (GPtrArray) changes = consult_plan_diff (older, newer);

  ck_assert_str_eq (change_for (changes, "microneedling")->details, "phase 2 → 3; performer changed");
}
END_TEST

static Suite *
plan_diff_suite (void)
{
  Suite *suite = suite_create ("plan-diff");
  TCase *tc = tcase_create ("diff");

  tcase_add_test (tc, test_added_removed_changed);
  tcase_add_test (tc, test_identical_plans_have_no_changes);
  tcase_add_test (tc, test_phase_move_is_a_change);
  suite_add_tcase (suite, tc);

  return suite;
}

int
main (void)
{
  return consult_test_run_suite (plan_diff_suite ());
}
