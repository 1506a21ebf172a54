/* consult-cli-save.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-cli"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "consult-catalogue.h"
#include "consult-cli.h"
#include "consult-cli-commands.h"
#include "consult-cli-intake.h"
#include "consult-cli-store.h"
#include "consult-planner.h"
#include "consult-store-intake.h"

/* Validates the intake and plans it before the database is even opened,
 * so that a bad intake leaves no trace. */
int
consult_cli_save (int    argc,
                  char **argv)
{
  g_autofree char *db_path = NULL;
  g_autofree char *consultant = NULL;
  const GOptionEntry entries[] = {
    { "consultant", 'c', 0, G_OPTION_ARG_STRING, &consultant,
      N_("Who held the consultation (default: the login name)"), N_("NAME") },
    { NULL }
  };
  g_autoptr (ConsultIntake) intake = NULL;
  g_autoptr (ConsultCatalogue) catalogue = NULL;
  g_autoptr (ConsultPlanner) planner = NULL;
  g_autoptr (ConsultPlan) plan = NULL;
  g_autoptr (ConsultStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *client_id = NULL;
  g_autofree char *consultation_id = NULL;
  g_autofree char *plan_id = NULL;
  int status;

  status = consult_cli_store_parse (&argc, &argv, _("INTAKE.json"),
                                    N_("Validate an intake, plan it, and store the client, the "
                                       "consultation and the plan (as a draft). “-” reads "
                                       "standard input."),
                                    entries, 1, 1, &db_path);
  if (status >= 0)
    return status;

  if (!(intake = consult_cli_load_valid_intake (argv[1])))
    return CONSULT_CLI_EXIT_INVALID;

  if (!(catalogue = consult_catalogue_load (&error)))
    {
      fprintf (stderr, "%s\n", error->message);
      return CONSULT_CLI_EXIT_INVALID;
    }

  planner = consult_planner_new (catalogue);
  plan = consult_planner_plan (planner, intake, NULL);

  if (!(store = consult_cli_store_open (db_path)))
    return CONSULT_CLI_EXIT_INVALID;
  if (consultant != NULL)
    consult_store_set_actor (store, consultant);

  if (!consult_store_save_intake (store, intake, plan, &client_id, &consultation_id,
                                  &plan_id, &error))
    return consult_cli_store_fail (error);

  printf ("{\"client_id\": \"%s\", \"consultation_id\": \"%s\", \"plan_id\": \"%s\"}\n",
          client_id, consultation_id, plan_id);
  return CONSULT_CLI_EXIT_OK;
}
