/* consult-test.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include <gio/gio.h>

#include "consult-test.h"

int
consult_test_run_suite (Suite *suite)
{
  SRunner *runner = srunner_create (suite);
  int failed;

  srunner_set_tap (runner, "-");
  srunner_run_all (runner, CK_SILENT);
  failed = srunner_ntests_failed (runner);
  srunner_free (runner);

  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

char *
consult_test_source_path (const char *first_element,
                          ...)
{
  const char *root = g_getenv ("CONSULT_TEST_SRCDIR");
  g_autoptr (GPtrArray) parts = g_ptr_array_new ();
  va_list args;

  g_assert (root != NULL);
  g_ptr_array_add (parts, (gpointer) root);
  g_ptr_array_add (parts, (gpointer) first_element);

  va_start (args, first_element);
  for (const char *part = va_arg (args, const char *); part != NULL; part = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer) part);
  va_end (args);

  g_ptr_array_add (parts, NULL);

  return g_build_filenamev ((char **) parts->pdata);
}

char *
consult_test_output_path (const char *name)
{
  const char *root = g_getenv ("CONSULT_TEST_OUTPUT_DIR");

  g_assert (root != NULL);
  g_mkdir_with_parents (root, 0755);

  return g_build_filename (root, name, NULL);
}

static void
remove_tree (GFile *file)
{
  g_autoptr (GFileEnumerator) children = NULL;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (children != NULL)
    {
      GFile *child = NULL;

      if (!g_file_enumerator_iterate (children, NULL, &child, NULL, NULL) || child == NULL)
        break;
      remove_tree (child);
    }

  g_file_delete (file, NULL, NULL);
}

void
consult_test_remove_user_data (void)
{
  g_autoptr (GFile) folder = NULL;

  /* Never a real user's records: only with the test environment's own. */
  g_assert (g_getenv ("XDG_DATA_HOME") != NULL && g_getenv ("CONSULT_TEST_OUTPUT_DIR") != NULL);
  folder = g_file_new_build_filename (g_get_user_data_dir (), "medspa-consult", NULL);
  remove_tree (folder);
}
