/* test-plan-progress.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "consult-date.h"
#include "consult-plan-progress.h"
#include "consult-test.h"
#include "consult-test-plan-json.h"

static GDate
day (const char *iso)
{
  GDate date;

  ck_assert (consult_date_parse (iso, &date));
  return date;
}

/* Microneedling: 3 sessions every 4 weeks from week 8 of a plan that
 * starts on 2026-11-23, so due 2027-01-18, 2027-02-15, 2027-03-15. */
#define MICRONEEDLING STEP ("microneedling", 8, 3, 4, "physician_supervised")

START_TEST (test_next_session_follows_the_schedule)
{
  g_autoptr (ConsultPlan) plan = consult_test_plan (PLAN (MICRONEEDLING, ""));
  const char *given[] = { "microneedling", NULL };
  GDate today = day ("2027-01-20");
  g_autoptr (GArray) progress = consult_plan_progress (plan, given, &today);
  const ConsultStepProgress *item;

  /* Daily regimens (spf, barrier repair) have no sessions to count. */
  ck_assert_uint_eq (progress->len, 1);
  item = &g_array_index (progress, ConsultStepProgress, 0);
  ck_assert_str_eq (item->step->treatment, "microneedling");
  ck_assert_uint_eq (item->phase, 2);
  ck_assert_uint_eq (item->done, 1);
  ck_assert (g_date_valid (&item->next_due));
  {
    GDate expected = day ("2027-02-15");

    ck_assert_int_eq (g_date_compare (&item->next_due, &expected), 0);
  }
  ck_assert (!item->overdue);
}
END_TEST

START_TEST (test_missed_session_is_overdue)
{
  g_autoptr (ConsultPlan) plan = consult_test_plan (PLAN (MICRONEEDLING, ""));
  GDate today = day ("2027-02-01");
  g_autoptr (GArray) progress = consult_plan_progress (plan, NULL, &today);
  const ConsultStepProgress *item = &g_array_index (progress, ConsultStepProgress, 0);

  ck_assert_uint_eq (item->done, 0);
  ck_assert (item->overdue);
}
END_TEST

START_TEST (test_completed_step_has_nothing_due)
{
  g_autoptr (ConsultPlan) plan = consult_test_plan (PLAN (MICRONEEDLING, ""));
  const char *given[] = { "microneedling", "ipl", "microneedling", "microneedling", "microneedling", NULL };
  GDate today = day ("2028-01-01");
  g_autoptr (GArray) progress = consult_plan_progress (plan, given, &today);
  const ConsultStepProgress *item = &g_array_index (progress, ConsultStepProgress, 0);

  /* A fourth session is counted as the plan's three, not more. */
  ck_assert_uint_eq (item->done, 3);
  ck_assert (!g_date_valid (&item->next_due));
  ck_assert (!item->overdue);
}
END_TEST

static Suite *
plan_progress_suite (void)
{
  Suite *suite = suite_create ("plan-progress");
  TCase *tc = tcase_create ("progress");

  tcase_add_test (tc, test_next_session_follows_the_schedule);
  tcase_add_test (tc, test_missed_session_is_overdue);
  tcase_add_test (tc, test_completed_step_has_nothing_due);
  suite_add_tcase (suite, tc);

  return suite;
}

int
main (void)
{
  return consult_test_run_suite (plan_progress_suite ());
}
