/* consult-cli-verify.c
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
#include "consult-store-backup.h"
#include "consult-store-paths.h"

/* Checks the file as it is, read-only: verify never upgrades or writes. */
int
consult_cli_verify (int    argc,
                    char **argv)
{
  g_autofree char *db_path = NULL;
  g_autoptr (GError) error = NULL;
  gint64 broken_row = 0;
  int status;

  status = consult_cli_store_parse (&argc, &argv, NULL,
                                    N_("Check the database’s integrity and its audit chain."),
                                    NULL, 0, 0, &db_path);
  if (status >= 0)
    return status;

  if (db_path == NULL)
    db_path = consult_store_default_path ();

  if (!consult_store_check_file (db_path, &broken_row, &error))
    return consult_cli_store_fail (error);

  printf ("%s\n", _("The database is sound: the integrity check passed and the "
                    "audit chain is unbroken."));
  return CONSULT_CLI_EXIT_OK;
}
