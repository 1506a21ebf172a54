/* consult-cli-fhir-bundle.c
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
#include "consult-fhir.h"

/* Prints the transaction Bundle that sending @PLAN_ID would post, so that
 * a clinic can check the mapping against its EHR before turning sync on. */
int
consult_cli_fhir_bundle (int    argc,
                         char **argv)
{
  g_autofree char *db_path = NULL;
  g_autofree char *system = NULL;
  const GOptionEntry entries[] = {
    { "system", 0, 0, G_OPTION_ARG_STRING, &system,
      N_("The clinic’s identifier system (default: urn:medspa-consult:records)"),
      N_("URI") },
    { NULL }
  };
  g_autoptr (ConsultStore) store = NULL;
  g_autoptr (ConsultCatalogue) catalogue = NULL;
  g_autoptr (ConsultFhirRecords) records = NULL;
  g_autoptr (GDateTime) now = NULL;
  g_autoptr (JsonNode) bundle = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  int status;

  status = consult_cli_store_parse (&argc, &argv, _("PLAN_ID [--system URI]"),
                                    N_("Print the FHIR R4 transaction Bundle of a stored plan version."),
                                    entries, 1, 1, &db_path);
  if (status >= 0)
    return status;

  if (!(store = consult_cli_store_open (db_path)))
    return CONSULT_CLI_EXIT_INVALID;

  if (!(catalogue = consult_catalogue_load (&error)) ||
      !(records = consult_fhir_records_load (store, argv[1], &error)))
    return consult_cli_store_fail (error);

  now = g_date_time_new_now_utc ();
  bundle = consult_fhir_bundle_new (records, catalogue,
                                    system != NULL ? system : CONSULT_FHIR_DEFAULT_IDENTIFIER_SYSTEM,
                                    now, &error);
  if (bundle == NULL)
    return consult_cli_store_fail (error);

  text = consult_fhir_to_string (bundle);
  fputs (text, stdout);
  return CONSULT_CLI_EXIT_OK;
}
