/* test-cli-plan.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "consult-plan.h"
#include "consult-test.h"

/* `medspa-consult-cli plan` and `catalogue`, as a script uses them. */

static int
run_cli (const char  *input,
         char       **out,
         char       **err,
         const char  *first_arg,
         ...)
{
  g_autoptr (GPtrArray) args = g_ptr_array_new ();
  g_autoptr (GSubprocessLauncher) launcher = NULL;
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GError) error = NULL;
  const char *cli = g_getenv ("CONSULT_TEST_CLI");
  va_list ap;

  ck_assert_ptr_nonnull (cli);
  g_ptr_array_add (args, (gpointer) cli);
  va_start (ap, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) args->pdata, &error);
  ck_assert_msg (process != NULL, "%s", error ? error->message : "");
  ck_assert (g_subprocess_communicate_utf8 (process, input, NULL, out, err, &error));

  return g_subprocess_get_exit_status (process);
}

static char *
fixture (const char *name)
{
  return consult_test_source_path ("fixtures", "intake", name, NULL);
}

START_TEST (test_plan_prints_plan_json)
{
  g_autofree char *path = fixture ("seed-2-expression-lines.json");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr (ConsultPlan) plan = NULL;
  g_autoptr (GError) error = NULL;

  ck_assert_int_eq (run_cli (NULL, &out, &err, "plan", path, NULL), 0);
  plan = consult_plan_new_from_json (out, -1, &error);
  ck_assert_msg (plan != NULL, "%s", error ? error->message : "");
  ck_assert_ptr_nonnull (consult_plan_find_step (plan, "neuromodulator", NULL));
  ck_assert_str_eq (consult_plan_get_catalogue_version (plan), "2026.1");
}
END_TEST

START_TEST (test_plan_is_deterministic_and_reads_stdin)
{
  g_autofree char *path = fixture ("seed-3-sun-damage.json");
  g_autofree char *contents = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *err = NULL;

  ck_assert (g_file_get_contents (path, &contents, NULL, NULL));
  ck_assert_int_eq (run_cli (NULL, &first, &err, "plan", path, NULL), 0);
  g_clear_pointer (&err, g_free);
  ck_assert_int_eq (run_cli (contents, &second, &err, "plan", "-", NULL), 0);
  ck_assert_str_eq (first, second);
}
END_TEST

START_TEST (test_plan_start_date)
{
  g_autofree char *path = fixture ("seed-1-glow.json");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  ck_assert_int_eq (run_cli (NULL, &out, &err, "plan", path, "--start-date", "2027-01-04", NULL), 0);
  ck_assert_ptr_nonnull (strstr (out, "\"start_date\" : \"2027-01-04\""));
}
END_TEST

START_TEST (test_plan_invalid_intake_exits_1_with_path)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *intake =
    "{\"format\": \"medspa-consult/intake\", \"version\": 1, \"consultation_date\": \"2026-11-23\","
    " \"client\": {\"given_name\": \"A\", \"family_name\": \"B\", \"date_of_birth\": \"1990-01-01\","
    " \"sex\": \"female\"}, \"fitzpatrick\": 9, \"concerns\": [], \"pregnancy\": \"none\"}";

  ck_assert_int_eq (run_cli (intake, &out, &err, "plan", "-", NULL), 1);
  ck_assert_ptr_nonnull (strstr (err, "fitzpatrick"));
  ck_assert_str_eq (out, "");
}
END_TEST

START_TEST (test_plan_usage_errors_exit_2)
{
  g_autofree char *path = fixture ("seed-1-glow.json");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *out2 = NULL;
  g_autofree char *err2 = NULL;

  ck_assert_int_eq (run_cli (NULL, &out, &err, "plan", NULL), 2);
  ck_assert_int_eq (run_cli (NULL, &out2, &err2, "plan", path, "--start-date", "23/11/2026", NULL), 2);
  ck_assert_ptr_nonnull (strstr (err2, "--start-date"));
}
END_TEST

START_TEST (test_catalogue_table)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  ck_assert_int_eq (run_cli (NULL, &out, &err, "catalogue", NULL), 0);
  ck_assert_ptr_nonnull (strstr (out, "laser-ablative-fractional"));
  ck_assert_ptr_nonnull (strstr (out, "R38"));
}
END_TEST

START_TEST (test_catalogue_file_errors_exit_1)
{
  g_autofree char *path = consult_test_output_path ("bad-catalogue.json");
  g_autofree char *option = g_strdup_printf ("--file=%s", path);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  ck_assert (g_file_set_contents (path, "{\"format\": \"medspa-consult/catalogue\"}", -1, NULL));
  ck_assert_int_eq (run_cli (NULL, &out, &err, "catalogue", option, NULL), 1);
  ck_assert_ptr_nonnull (strstr (err, path));
  ck_assert_ptr_nonnull (strstr (err, "catalogue_version"));
}
END_TEST

int
main (void)
{
  Suite *suite = suite_create ("cli-plan");
  TCase *tc = tcase_create ("cli-plan");

  tcase_add_test (tc, test_plan_prints_plan_json);
  tcase_add_test (tc, test_plan_is_deterministic_and_reads_stdin);
  tcase_add_test (tc, test_plan_start_date);
  tcase_add_test (tc, test_plan_invalid_intake_exits_1_with_path);
  tcase_add_test (tc, test_plan_usage_errors_exit_2);
  tcase_add_test (tc, test_catalogue_table);
  tcase_add_test (tc, test_catalogue_file_errors_exit_1);
  suite_add_tcase (suite, tc);

  return consult_test_run_suite (suite);
}
