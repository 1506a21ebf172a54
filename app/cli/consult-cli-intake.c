/* consult-cli-intake.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "consult-cli-intake.h"

/* The intake in @argument, valid for planning, or NULL with the problems
 * (field path first) on standard error. */
ConsultIntake *
consult_cli_load_valid_intake (const char *argument)
{
  g_autoptr (GFile) file = NULL;
  g_autoptr (ConsultIntake) intake = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) error = NULL;

  /* GIO reads standard input like any file, with the reader's size cap. */
  file = strcmp (argument, "-") == 0 ? g_file_new_for_path ("/dev/stdin")
                                     : g_file_new_for_commandline_arg (argument);
  intake = consult_intake_new_from_file (file, &error);
  if (intake == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return NULL;
    }

  problems = consult_intake_validate (intake);
  if (problems != NULL && problems->len > 0)
    {
      g_autofree char *message = consult_intake_problems_join (problems);

      fprintf (stderr, "%s\n", message);
      return NULL;
    }

  return g_steal_pointer (&intake);
}
