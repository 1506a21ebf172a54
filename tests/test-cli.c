/* test-cli.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include "consult-test.h"
#include "consult-version.h"

/* Runs the built medspa-consult-cli with @argv (NULL-terminated, without
 * the program name); returns its exit status. */
static int
run_cli (char       **out,
         char       **err,
         const char  *first_arg,
         ...)
{
  g_autoptr (GPtrArray) args = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  const char *cli = g_getenv ("CONSULT_TEST_CLI");
  int status = -1;
  va_list ap;

  ck_assert_ptr_nonnull (cli);
  g_ptr_array_add (args, (gpointer) cli);
  g_ptr_array_add (args, (gpointer) first_arg);
  va_start (ap, first_arg);
  for (const char *arg = va_arg (ap, const char *); arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  g_spawn_sync (NULL, (char **) args->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                out, err, &status, &error);
  ck_assert_msg (error == NULL, "spawn failed: %s", error ? error->message : "");

  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

START_TEST (test_version_prints_package_version)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expected = g_strdup_printf ("medspa-consult-cli %s\n", consult_version_string ());

  ck_assert_int_eq (run_cli (&out, &err, "--version", NULL), 0);
  ck_assert_str_eq (out, expected);
}
END_TEST

START_TEST (test_help_lists_usage)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  ck_assert_int_eq (run_cli (&out, &err, "--help", NULL), 0);
  ck_assert_ptr_nonnull (strstr (out, "Usage: medspa-consult-cli"));
}
END_TEST

START_TEST (test_no_arguments_is_usage_error)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  ck_assert_int_eq (run_cli (&out, &err, NULL, NULL), 2);
  ck_assert_ptr_nonnull (strstr (err, "Usage:"));
}
END_TEST

START_TEST (test_unknown_command_is_usage_error)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  ck_assert_int_eq (run_cli (&out, &err, "frobnicate", NULL), 2);
  ck_assert_ptr_nonnull (strstr (err, "frobnicate"));
}
END_TEST

static Suite *
cli_suite (void)
{
  Suite *suite = suite_create ("cli");
  TCase *tc = tcase_create ("usage");

  tcase_add_test (tc, test_version_prints_package_version);
  tcase_add_test (tc, test_help_lists_usage);
  tcase_add_test (tc, test_no_arguments_is_usage_error);
  tcase_add_test (tc, test_unknown_command_is_usage_error);
  suite_add_tcase (suite, tc);

  return suite;
}

int
main (void)
{
  return consult_test_run_suite (cli_suite ());
}
