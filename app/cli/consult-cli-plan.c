/* consult-cli-plan.c
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

#include "consult-catalogue.h"
#include "consult-cli.h"
#include "consult-cli-commands.h"
#include "consult-cli-intake.h"
#include "consult-date.h"
#include "consult-intake.h"
#include "consult-planner.h"

int
consult_cli_plan (int    argc,
                  char **argv)
{
  g_autoptr (ConsultCatalogue) catalogue = NULL;
  g_autoptr (ConsultPlanner) planner = NULL;
  g_autoptr (ConsultIntake) intake = NULL;
  g_autoptr (ConsultPlan) plan = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *start_text = NULL;
  g_autofree char *json = NULL;
  GDate start;
  int status;
  const GOptionEntry entries[] = {
    { "start-date", 0, 0, G_OPTION_ARG_STRING, &start_text,
      N_("First day of the plan (default: the consultation date)"), N_("YYYY-MM-DD") },
    { NULL }
  };

  status = consult_cli_parse_options (&argc, &argv, _("INTAKE.json"),
                                      N_("Plan the treatments for an intake and print the plan as JSON. "
                                         "“-” reads the intake from standard input."),
                                      entries, NULL, 1, 1);
  if (status >= 0)
    return status;

  if (start_text != NULL && !consult_date_parse (start_text, &start))
    {
      /* TRANSLATORS: %s is what the user gave as --start-date */
      fprintf (stderr, _("--start-date: expected a date YYYY-MM-DD; got “%s”"), start_text);
      fputc ('\n', stderr);
      return CONSULT_CLI_EXIT_USAGE;
    }

  catalogue = consult_catalogue_load (&error);
  if (catalogue == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return CONSULT_CLI_EXIT_INVALID;
    }

  intake = consult_cli_load_valid_intake (argv[1]);
  if (intake == NULL)
    return CONSULT_CLI_EXIT_INVALID;

  planner = consult_planner_new (catalogue);
  plan = consult_planner_plan (planner, intake, start_text != NULL ? &start : NULL);
  json = consult_plan_to_json (plan);
  fputs (json, stdout);

  return CONSULT_CLI_EXIT_OK;
}
