/* test-date.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "consult-date.h"
#include "consult-test.h"

static void
assert_date (const GDate *date,
             const char  *expected)
{
  g_autofree char *text = consult_date_format (date);

  ck_assert_str_eq (text, expected);
}

static GDate
date_from (const char *text)
{
  GDate date;

  ck_assert_msg (consult_date_parse (text, &date), "cannot parse %s", text);
  return date;
}

START_TEST (test_parse_accepts_calendar_dates)
{
  GDate date = date_from ("2026-11-23");

  ck_assert_int_eq (g_date_get_year (&date), 2026);
  ck_assert_int_eq (g_date_get_month (&date), 11);
  ck_assert_int_eq (g_date_get_day (&date), 23);
  assert_date (&date, "2026-11-23");

  date = date_from ("2024-02-29");
  assert_date (&date, "2024-02-29");
  date = date_from ("0001-01-01");
  assert_date (&date, "0001-01-01");
  date = date_from ("9999-12-31");
  assert_date (&date, "9999-12-31");
}
END_TEST

START_TEST (test_parse_refuses_everything_else)
{
  const char *bad[] = {
    "2026-02-30", "2025-02-29", "2026-04-31", "2026-13-01", "2026-00-10",
    "2026-01-00", "0000-01-01", "2026-1-5", "26-11-23", "2026/11/23",
    "2026-11-23T10:00", "2026-11-23 ", " 2026-11-23", "2026-11-2x",
    "+2026-11-2", "-2026-11-2", "20261123", "", "2026-11-23\n", "２０２６-11-23",
  };
  GDate date;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      ck_assert_msg (!consult_date_parse (bad[i], &date), "accepted \"%s\"", bad[i]);
      ck_assert (!g_date_valid (&date));
      ck_assert (!consult_date_is_valid_iso (bad[i]));
    }

  ck_assert (!consult_date_parse (NULL, &date));
}
END_TEST

START_TEST (test_add_days_and_weeks)
{
  GDate date = date_from ("2026-12-30");

  consult_date_add_days (&date, 3);
  assert_date (&date, "2027-01-02");
  consult_date_add_days (&date, -3);
  assert_date (&date, "2026-12-30");
  consult_date_add_weeks (&date, 2);
  assert_date (&date, "2027-01-13");
  consult_date_add_weeks (&date, -52);
  assert_date (&date, "2026-01-14");
}
END_TEST

START_TEST (test_add_months_clamps_the_day)
{
  GDate date = date_from ("2026-01-31");

  consult_date_add_months (&date, 1);
  assert_date (&date, "2026-02-28");

  date = date_from ("2024-01-31");
  consult_date_add_months (&date, 1);
  assert_date (&date, "2024-02-29");

  date = date_from ("2026-08-31");
  consult_date_add_months (&date, 6);
  assert_date (&date, "2027-02-28");

  date = date_from ("2026-03-31");
  consult_date_add_months (&date, -1);
  assert_date (&date, "2026-02-28");

  date = date_from ("2026-08-23");
  consult_date_add_months (&date, 6);
  assert_date (&date, "2027-02-23");
}
END_TEST

START_TEST (test_compare_and_distances)
{
  GDate a = date_from ("2026-11-23");
  GDate b = date_from ("2026-12-07");
  GDate c = date_from ("2026-11-23");

  ck_assert_int_lt (consult_date_compare (&a, &b), 0);
  ck_assert_int_gt (consult_date_compare (&b, &a), 0);
  ck_assert_int_eq (consult_date_compare (&a, &c), 0);

  ck_assert_int_eq (consult_date_days_between (&a, &b), 14);
  ck_assert_int_eq (consult_date_days_between (&b, &a), -14);
  ck_assert_int_eq (consult_date_weeks_between (&a, &b), 2);
  ck_assert_int_eq (consult_date_weeks_between (&b, &a), -2);

  b = date_from ("2026-11-29");
  ck_assert_int_eq (consult_date_weeks_between (&a, &b), 0);
  b = date_from ("2026-11-30");
  ck_assert_int_eq (consult_date_weeks_between (&a, &b), 1);
  b = date_from ("2026-11-22");
  ck_assert_int_eq (consult_date_weeks_between (&a, &b), -1);
  b = date_from ("2026-11-16");
  ck_assert_int_eq (consult_date_weeks_between (&a, &b), -1);
  b = date_from ("2026-11-15");
  ck_assert_int_eq (consult_date_weeks_between (&a, &b), -2);
}
END_TEST

static Suite *
date_suite (void)
{
  Suite *suite = suite_create ("date");
  TCase *parse = tcase_create ("parse");
  TCase *arithmetic = tcase_create ("arithmetic");

  tcase_add_test (parse, test_parse_accepts_calendar_dates);
  tcase_add_test (parse, test_parse_refuses_everything_else);
  suite_add_tcase (suite, parse);

  tcase_add_test (arithmetic, test_add_days_and_weeks);
  tcase_add_test (arithmetic, test_add_months_clamps_the_day);
  tcase_add_test (arithmetic, test_compare_and_distances);
  suite_add_tcase (suite, arithmetic);

  return suite;
}

int
main (void)
{
  return consult_test_run_suite (date_suite ());
}
