/* consult-cli-clients.c
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
#include "consult-client-list.h"

/* One client a line, tab-separated: id, family name, given name, date of
 * birth, phone, e-mail, and "archived" for an archived client. */
int
consult_cli_clients (int    argc,
                     char **argv)
{
  g_autofree char *db_path = NULL;
  gboolean include_archived = FALSE;
  gboolean notes = FALSE;
  const GOptionEntry entries[] = {
    { "include-archived", 'a', 0, G_OPTION_ARG_NONE, &include_archived,
      N_("List archived clients too"), NULL },
    { "notes", 'n', 0, G_OPTION_ARG_NONE, &notes,
      N_("Search the consultations’ notes too"), NULL },
    { NULL }
  };
  ConsultClientSearchFlags flags = CONSULT_CLIENT_SEARCH_DEFAULT;
  g_autoptr (ConsultStore) store = NULL;
  g_autoptr (ConsultClientList) list = NULL;
  g_autoptr (GError) error = NULL;
  int status;
  guint n_items;

  status = consult_cli_store_parse (&argc, &argv, _("[QUERY]"),
                                    N_("List the clients whose name, phone or e-mail "
                                       "(or, with --notes, consultation notes) start with QUERY."),
                                    entries, 0, 1, &db_path);
  if (status >= 0)
    return status;

  if (!(store = consult_cli_store_open (db_path)))
    return CONSULT_CLI_EXIT_INVALID;

  if (include_archived)
    flags |= CONSULT_CLIENT_SEARCH_INCLUDE_ARCHIVED;
  if (notes)
    flags |= CONSULT_CLIENT_SEARCH_NOTES;

  list = consult_client_list_new (store, argc > 1 ? argv[1] : NULL, flags, &error);
  if (list == NULL)
    return consult_cli_store_fail (error);

  n_items = g_list_model_get_n_items (G_LIST_MODEL (list));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr (ConsultClientSummary) client = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (client == NULL)
        break;

      printf ("%s\t%s\t%s\t%s\t%s\t%s%s\n",
              consult_client_summary_get_id (client),
              consult_client_summary_get_family_name (client),
              consult_client_summary_get_given_name (client),
              consult_client_summary_get_date_of_birth (client) ?: "",
              consult_client_summary_get_phone (client) ?: "",
              consult_client_summary_get_email (client) ?: "",
              consult_client_summary_get_archived (client) ? "\tarchived" : "");
    }

  return CONSULT_CLI_EXIT_OK;
}
