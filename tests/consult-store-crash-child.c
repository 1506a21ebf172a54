/* consult-store-crash-child.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "consult-test-store.h"

/* The victim of test-store-crash: saves visits in a loop and prints each
 * plan id only after consult_store_save_consultation() (its COMMIT) has
 * returned, until it is killed. */
int
main (int    argc,
      char **argv)
{
  g_autoptr (ConsultStore) store = NULL;
  g_autoptr (GError) error = NULL;

  if (argc != 2)
    return EXIT_FAILURE;

  store = consult_store_new_for_path (argv[1], &error);
  if (store == NULL)
    {
      fprintf (stderr, "open: %s\n", error->message);
      return EXIT_FAILURE;
    }

  /* The parent times its kill from here, whatever the start-up costs. */
  printf ("ready\n");
  fflush (stdout);

  for (guint i = 0;; i++)
    {
      g_autofree char *family = g_strdup_printf ("Crash%u", i % 50);
      g_autofree char *plan_id = NULL;

      if (!consult_test_store_try_save_visit (store, "Kill", family, "notes written before the kill",
                                              &plan_id, NULL, &error))
        {
          fprintf (stderr, "save: %s\n", error->message);
          return EXIT_FAILURE;
        }

      printf ("%s\n", plan_id);
      fflush (stdout);
    }
}
