/* consult-cli-store.c
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
#include "consult-cli-store.h"
#include "consult-store-paths.h"

int
consult_cli_store_parse (int                 *argc,
                         char              ***argv,
                         const char          *parameters,
                         const char          *summary,
                         const GOptionEntry  *entries,
                         int                  min_args,
                         int                  max_args,
                         char               **db_path)
{
  const GOptionEntry db_entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, db_path,
      N_("The database file (default: the user’s data folder)"), N_("PATH") },
    { NULL }
  };

  return consult_cli_parse_options (argc, argv, parameters, summary, db_entries, entries, min_args, max_args);
}

ConsultStore *
consult_cli_store_open (const char *db_path)
{
  g_autofree char *default_path = NULL;
  g_autoptr (GError) error = NULL;
  ConsultStore *store;

  if (db_path == NULL)
    db_path = default_path = consult_store_default_path ();

  store = consult_store_new_for_path (db_path, &error);
  if (store == NULL)
    consult_cli_store_fail (error);

  return store;
}

int
consult_cli_store_fail (const GError *error)
{
  fprintf (stderr, "medspa-consult-cli: %s\n", error->message);
  return CONSULT_CLI_EXIT_INVALID;
}
