/* consult-cli-sync.c
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
#include "consult-cli-store.h"
#include "consult-fhir.h"
#include "consult-sync-token.h"
#include "consult-sync-worker.h"

/* Never a command-line option: the arguments of a running program are
 * visible to every user of the computer (ps). */
#define TOKEN_VARIABLE "MEDSPA_CONSULT_FHIR_TOKEN"

/* A preference of the application, NULL when it is empty or the schema
 * (an uninstalled build, or an older one) does not have it. */
static char *
preference (GSettings  *settings,
            const char *key)
{
  g_autoptr (GSettingsSchema) schema = NULL;
  g_autofree char *value = NULL;

  if (settings == NULL)
    return NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  if (!g_settings_schema_has_key (schema, key))
    return NULL;

  value = g_settings_get_string (settings, key);
  return *value != '\0' ? g_steal_pointer (&value) : NULL;
}

static void
print_report (const ConsultSyncReport *report)
{
  printf (_("Sent: %u, waiting to be retried: %u, failed: %u"),
          report->n_sent, report->n_retrying, report->n_failed);
  putchar ('\n');

  if (report->next_attempt_at > 0)
    {
      g_autoptr (GDateTime) next = g_date_time_new_from_unix_local (report->next_attempt_at / G_USEC_PER_SEC);
      g_autofree char *when = g_date_time_format (next, "%Y-%m-%d %H:%M:%S");

      /* TRANSLATORS: %s is a local date and time, YYYY-MM-DD HH:MM:SS */
      printf (_("Next attempt: %s"), when);
      putchar ('\n');
    }

  if (report->first_error != NULL)
    {
      /* TRANSLATORS: %s is why a record could not be sent */
      printf (_("First problem: %s"), report->first_error);
      putchar ('\n');
    }
}

/* Sends what the outbox holds once and says how it went.  Exit status 0
 * when nothing failed (entries waiting for a retry are not failures: a
 * later run sends them), 1 when an entry was refused or the run could not
 * go on, 2 for a usage error. */
/* The token the app saved for this server, if the keyring can be
 * reached; without one the server decides (it refuses, most likely, and
 * says so). */
static char *
keyring_token (const char *base_url)
{
  g_autoptr (GError) error = NULL;
  char *token = consult_sync_token_lookup (base_url, NULL, &error);

  if (error != NULL)
    g_printerr ("%s\n", error->message);

  return token;
}

int
consult_cli_sync (int    argc,
                  char **argv)
{
  g_autofree char *db_path = NULL;
  g_autoptr (ConsultSyncSettings) settings = consult_sync_settings_new ();
  const GOptionEntry entries[] = {
    { "base-url", 0, 0, G_OPTION_ARG_STRING, &settings->base_url,
      N_("The FHIR server’s base URL (default: the preferences’)"), N_("URL") },
    { "system", 0, 0, G_OPTION_ARG_STRING, &settings->identifier_system,
      N_("The clinic’s identifier system (default: the preferences’)"), N_("URI") },
    { "ca-file", 0, 0, G_OPTION_ARG_FILENAME, &settings->ca_file,
      N_("A certificate authority to trust instead of the system’s (PEM)"), N_("FILE") },
    { NULL }
  };
  g_autoptr (GSettings) preferences = NULL;
  g_autoptr (ConsultStore) store = NULL;
  g_autoptr (ConsultCatalogue) catalogue = NULL;
  g_autoptr (ConsultSyncWorker) worker = NULL;
  g_autoptr (ConsultSyncReport) report = NULL;
  g_autoptr (GError) error = NULL;
  const char *token;
  int status;

  status = consult_cli_store_parse (&argc, &argv, _("[--base-url URL] [--system URI] [--ca-file FILE]"),
                                    N_("Send the consultations waiting in the outbox to the clinic’s FHIR "
                                       "server, once. The access token is read from the environment "
                                       "variable MEDSPA_CONSULT_FHIR_TOKEN, or else from the keyring, "
                                       "where the app keeps it."),
                                    entries, 0, 0, &db_path);
  if (status >= 0)
    return status;

  preferences = consult_cli_settings_new ();
  if (settings->base_url == NULL)
    settings->base_url = preference (preferences, "fhir-base-url");
  if (settings->identifier_system == NULL)
    settings->identifier_system = preference (preferences, "fhir-identifier-system");
  if (settings->identifier_system == NULL)
    settings->identifier_system = g_strdup (CONSULT_FHIR_DEFAULT_IDENTIFIER_SYSTEM);
  if (settings->ca_file == NULL)
    settings->ca_file = preference (preferences, "fhir-ca-file");
  token = g_getenv (TOKEN_VARIABLE);
  if (token != NULL && *token != '\0')
    settings->token = g_strdup (token);
  else if (settings->base_url != NULL)
    settings->token = keyring_token (settings->base_url);

  if (!consult_sync_settings_validate (settings, &error) ||
      !(catalogue = consult_catalogue_load (&error)))
    return consult_cli_store_fail (error);

  if (!(store = consult_cli_store_open (db_path)))
    return CONSULT_CLI_EXIT_INVALID;

  worker = consult_sync_worker_new (store, catalogue);
  consult_sync_worker_set_settings (worker, settings);
  if (!(report = consult_sync_worker_run (worker, g_get_real_time (), NULL, &error)))
    return consult_cli_store_fail (error);

  print_report (report);
  return report->n_failed == 0 ? CONSULT_CLI_EXIT_OK : CONSULT_CLI_EXIT_INVALID;
}
