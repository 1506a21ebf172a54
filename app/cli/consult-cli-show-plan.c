/* consult-cli-show-plan.c
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
#include "consult-cli-store.h"
#include "consult-store-plans.h"

/* Prints the plan JSON byte for byte as stored: what was signed is what
 * is shown, with nothing added. */
int
consult_cli_show_plan (int    argc,
                       char **argv)
{
  g_autofree char *db_path = NULL;
  g_autoptr (ConsultStore) store = NULL;
  g_autoptr (ConsultStorePlanVersion) plan = NULL;
  g_autoptr (GError) error = NULL;
  int status;

  status = consult_cli_store_parse (&argc, &argv, _("PLAN_ID"),
                                    N_("Print a stored plan version’s JSON exactly as stored."),
                                    NULL, 1, 1, &db_path);
  if (status >= 0)
    return status;

  if (!(store = consult_cli_store_open (db_path)))
    return CONSULT_CLI_EXIT_INVALID;

  if (!(plan = consult_store_get_plan (store, argv[1], &error)))
    return consult_cli_store_fail (error);

  fwrite (plan->plan_json, 1, strlen (plan->plan_json), stdout);
  return CONSULT_CLI_EXIT_OK;
}
