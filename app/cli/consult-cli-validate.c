/* consult-cli-validate.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "consult-cli.h"
#include "consult-cli-commands.h"
#include "consult-intake.h"

/* GIO reads standard input like any file, under the reader's size cap,
 * so that a pipe that never ends costs no more than a huge file. */
static ConsultIntake *
load (const char  *argument,
      GError     **error)
{
  g_autoptr (GFile) file = NULL;

  if (strcmp (argument, "-") == 0)
    file = g_file_new_for_path ("/dev/stdin");
  else
    file = g_file_new_for_commandline_arg (argument);

  return consult_intake_new_from_file (file, error);
}

int
consult_cli_validate (int    argc,
                      char **argv)
{
  g_autoptr (ConsultIntake) intake = NULL;
  g_autoptr (GError) error = NULL;
  int status;

  status = consult_cli_parse_options (&argc, &argv, _("INTAKE.json"),
                                      N_("Check an intake against the interchange format and print "
                                         "every problem as “PATH: MESSAGE”. “-” reads standard input."),
                                      NULL, NULL, 1, 1);
  if (status >= 0)
    return status;

  intake = load (argv[1], &error);
  if (intake == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return CONSULT_CLI_EXIT_INVALID;
    }

  /* TRANSLATORS: %s is the file name the user gave, or "-" */
  printf (_("%s: the intake is valid"), argv[1]);
  putchar ('\n');
  return CONSULT_CLI_EXIT_OK;
}
