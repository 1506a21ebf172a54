/* consult-cli-backup.c
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

int
consult_cli_backup (int    argc,
                    char **argv)
{
  g_autofree char *db_path = NULL;
  g_autoptr (ConsultStore) store = NULL;
  g_autoptr (GError) error = NULL;
  int status;

  status = consult_cli_store_parse (&argc, &argv, _("FILE"),
                                    N_("Copy the database to FILE, safely even while it is in use."),
                                    NULL, 1, 1, &db_path);
  if (status >= 0)
    return status;

  if (!(store = consult_cli_store_open (db_path)))
    return CONSULT_CLI_EXIT_INVALID;

  if (!consult_store_backup (store, argv[1], &error))
    return consult_cli_store_fail (error);

  return CONSULT_CLI_EXIT_OK;
}

int
consult_cli_restore (int    argc,
                     char **argv)
{
  g_autofree char *db_path = NULL;
  g_autofree char *previous = NULL;
  g_autoptr (ConsultStore) store = NULL;
  g_autoptr (GError) error = NULL;
  int status;

  status = consult_cli_store_parse (&argc, &argv, _("FILE"),
                                    N_("Replace the database by the backup FILE after checking "
                                       "it; the current database is kept beside it."),
                                    NULL, 1, 1, &db_path);
  if (status >= 0)
    return status;

  if (db_path == NULL)
    db_path = consult_store_default_path ();

  if (!consult_store_restore (db_path, argv[1], &previous, &error))
    return consult_cli_store_fail (error);

  if (previous != NULL)
    /* TRANSLATORS: %s is a file path */
    printf (_("The previous database was kept as “%s”."), previous);
  else
    printf ("%s", _("The backup was restored."));
  putchar ('\n');

  /* Opening applies any upgrade a backup from an older version needs. */
  if (!(store = consult_cli_store_open (db_path)))
    return CONSULT_CLI_EXIT_INVALID;

  return CONSULT_CLI_EXIT_OK;
}
