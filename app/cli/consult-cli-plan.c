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
#include "consult-date.h"
#include "consult-intake.h"
#include "consult-planner.h"

/* The intake in @argument, valid for planning, or NULL with the problems
 * (field path first) on standard error. */
static ConsultIntake *
load_valid_intake (const char *argument)
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

int
consult_cli_plan (int    argc,
                  char **argv)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (ConsultCatalogue) catalogue = NULL;
  g_autoptr (ConsultPlanner) planner = NULL;
  g_autoptr (ConsultIntake) intake = NULL;
  g_autoptr (ConsultPlan) plan = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *start_text = NULL;
  g_autofree char *json = NULL;
  GDate start;
  const GOptionEntry entries[] = {
    { "start-date", 0, 0, G_OPTION_ARG_STRING, &start_text,
      N_("First day of the plan (default: the consultation date)"), N_("YYYY-MM-DD") },
    { NULL }
  };

  context = g_option_context_new (_("INTAKE.json"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Plan the treatments for an intake and print the plan as JSON. "
                                  "“-” reads the intake from standard input."));

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return CONSULT_CLI_EXIT_USAGE;
    }

  if (argc != 2)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      fputs (help, stderr);
      return CONSULT_CLI_EXIT_USAGE;
    }

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

  intake = load_valid_intake (argv[1]);
  if (intake == NULL)
    return CONSULT_CLI_EXIT_INVALID;

  planner = consult_planner_new (catalogue);
  plan = consult_planner_plan (planner, intake, start_text != NULL ? &start : NULL);
  json = consult_plan_to_json (plan);
  fputs (json, stdout);

  return CONSULT_CLI_EXIT_OK;
}
