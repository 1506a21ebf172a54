/* consult-cli-sign.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-cli"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "consult-cli.h"
#include "consult-cli-commands.h"
#include "consult-cli-store.h"
#include "consult-store-plans.h"

int
consult_cli_sign (int    argc,
                  char **argv)
{
  g_autofree char *db_path = NULL;
  g_autofree char *physician = NULL;
  const GOptionEntry entries[] = {
    { "physician", 'p', 0, G_OPTION_ARG_STRING, &physician,
      N_("The signing physician (required)"), N_("NAME") },
    { NULL }
  };
  g_autoptr (ConsultStore) store = NULL;
  g_autoptr (GError) error = NULL;
  int status;

  status = consult_cli_store_parse (&argc, &argv, _("PLAN_ID --physician NAME"),
                                    N_("Sign a draft plan version; it can never change afterwards."),
                                    entries, 1, 1, &db_path);
  if (status >= 0)
    return status;

  if (physician == NULL)
    {
      fprintf (stderr, "%s\n", _("--physician NAME is required."));
      return CONSULT_CLI_EXIT_USAGE;
    }

  if (!(store = consult_cli_store_open (db_path)))
    return CONSULT_CLI_EXIT_INVALID;

  if (!consult_store_sign_plan (store, argv[1], physician, &error))
    return consult_cli_store_fail (error);

  printf ("{\"plan_id\": \"%s\", \"status\": \"signed\"}\n", argv[1]);
  return CONSULT_CLI_EXIT_OK;
}
