/* consult-cli-export-pdf.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-cli"

#include "config.h"

#include <stdio.h>

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "consult-catalogue.h"
#include "consult-cli.h"
#include "consult-cli-commands.h"
#include "consult-cli-intake.h"
#include "consult-cli-store.h"
#include "consult-report.h"
#include "consult-store-consultations.h"
#include "consult-store-plans.h"

typedef struct
{
  char *output;
  char *language;
  char *intake;
  char *paper;
  char *consultant;
  char *physician;
  char *clinic_name;
  char *clinic_address;
  char *clinic_phone;
  char *clinic_logo;
} ExportOptions;

static void
export_options_clear (ExportOptions *options)
{
  g_free (options->output);
  g_free (options->language);
  g_free (options->intake);
  g_free (options->paper);
  g_free (options->consultant);
  g_free (options->physician);
  g_free (options->clinic_name);
  g_free (options->clinic_address);
  g_free (options->clinic_phone);
  g_free (options->clinic_logo);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ExportOptions, export_options_clear)

/* The clinic's letterhead as the application's preferences hold it, each
 * field replaced by its option when one is given.  Without the installed
 * schema (an uninstalled build) only the options count. */
static void
fill_clinic (ExportOptions *options)
{
  g_autoptr (GSettings) settings = consult_cli_settings_new ();
  struct { char **value; const char *key; } fields[] = {
    { &options->clinic_name, "clinic-name" },
    { &options->clinic_address, "clinic-address" },
    { &options->clinic_phone, "clinic-phone" },
    { &options->clinic_logo, "clinic-logo" },
  };

  if (settings == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (*fields[i].value == NULL)
      *fields[i].value = g_settings_get_string (settings, fields[i].key);
}

static ConsultReportStatus
report_status (ConsultStorePlanStatus status)
{
  switch (status)
    {
    case CONSULT_STORE_PLAN_SIGNED:
      return CONSULT_REPORT_STATUS_SIGNED;
    case CONSULT_STORE_PLAN_SUPERSEDED:
      return CONSULT_REPORT_STATUS_SUPERSEDED;
    case CONSULT_STORE_PLAN_DRAFT:
    default:
      return CONSULT_REPORT_STATUS_DRAFT;
    }
}

/* A stored plan version with its consultation's intake and staff. */
static int
load_stored (const char      *db_path,
             const char      *plan_id,
             ExportOptions   *options,
             ConsultPlan    **plan,
             ConsultIntake  **intake,
             ConsultReport  **report)
{
  g_autoptr (ConsultStore) store = NULL;
  g_autoptr (ConsultStorePlanVersion) version = NULL;
  g_autoptr (ConsultStoreConsultation) consultation = NULL;
  g_autoptr (GDateTime) signed_at = NULL;
  g_autoptr (GError) error = NULL;
  const char *language;

  if (!(store = consult_cli_store_open (db_path)))
    return CONSULT_CLI_EXIT_INVALID;

  if (!(version = consult_store_get_plan (store, plan_id, &error)) ||
      !(consultation = consult_store_get_consultation (store, version->consultation_id, &error)) ||
      !(*plan = consult_plan_new_from_json (version->plan_json, -1, &error)) ||
      !(*intake = consult_intake_new_from_data (consultation->intake_json, -1, &error)))
    return consult_cli_store_fail (error);

  language = options->language != NULL ? options->language
                                       : consult_intake_get_preferred_language (*intake);
  *report = consult_report_new (*plan, language);
  consult_report_set_intake (*report, *intake);
  consult_report_set_staff (*report,
                            options->consultant != NULL ? options->consultant : consultation->consultant,
                            options->physician != NULL ? options->physician : version->physician);

  /* The store keeps times in microseconds since the epoch. */
  if (version->signed_at > 0)
    signed_at = g_date_time_new_from_unix_local (version->signed_at / G_USEC_PER_SEC);
  consult_report_set_status (*report, report_status (version->status), version->physician, signed_at);

  return -1;
}

/* A plan file, and the client's details from --intake if given; such a
 * plan has not been signed, so it prints as a draft. */
static int
load_file (const char     *path,
           ExportOptions  *options,
           ConsultPlan   **plan,
           ConsultIntake **intake,
           ConsultReport **report)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length;
  const char *language = options->language;

  if (!g_file_get_contents (path, &data, &length, &error))
    {
      fprintf (stderr, "medspa-consult-cli: %s\n", error->message);
      return CONSULT_CLI_EXIT_INVALID;
    }

  if (!(*plan = consult_plan_new_from_json (data, length, &error)))
    {
      fprintf (stderr, "%s: %s\n", path, error->message);
      return CONSULT_CLI_EXIT_INVALID;
    }

  if (options->intake != NULL && !(*intake = consult_cli_load_valid_intake (options->intake)))
    return CONSULT_CLI_EXIT_INVALID;

  if (language == NULL && *intake != NULL)
    language = consult_intake_get_preferred_language (*intake);

  *report = consult_report_new (*plan, language);
  if (*intake != NULL)
    consult_report_set_intake (*report, *intake);
  consult_report_set_staff (*report, options->consultant, options->physician);

  return -1;
}

int
consult_cli_export_pdf (int    argc,
                        char **argv)
{
  g_auto (ExportOptions) options = { 0 };
  g_autofree char *db_path = NULL;
  g_autoptr (ConsultCatalogue) catalogue = NULL;
  g_autoptr (ConsultPlan) plan = NULL;
  g_autoptr (ConsultIntake) intake = NULL;
  g_autoptr (ConsultReport) report = NULL;
  g_autoptr (GError) error = NULL;
  ConsultReportClinic clinic;
  double width = CONSULT_REPORT_A4_WIDTH;
  double height = CONSULT_REPORT_A4_HEIGHT;
  int status;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &options.output,
      N_("The PDF file to write (required)"), N_("FILE") },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &options.language,
      N_("Print in this language (default: the client’s preferred language)"), N_("LL") },
    { "intake", 0, 0, G_OPTION_ARG_FILENAME, &options.intake,
      N_("The client’s intake, for a plan given as a file"), N_("INTAKE.json") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &options.paper,
      N_("Paper size: a4 (default) or letter"), N_("SIZE") },
    { "consultant", 0, 0, G_OPTION_ARG_STRING, &options.consultant,
      N_("Who held the consultation"), N_("NAME") },
    { "physician", 0, 0, G_OPTION_ARG_STRING, &options.physician,
      N_("The supervising physician"), N_("NAME") },
    { "clinic-name", 0, 0, G_OPTION_ARG_STRING, &options.clinic_name,
      N_("The clinic’s name (default: from the preferences)"), N_("TEXT") },
    { "clinic-address", 0, 0, G_OPTION_ARG_STRING, &options.clinic_address,
      N_("The clinic’s address (default: from the preferences)"), N_("TEXT") },
    { "clinic-phone", 0, 0, G_OPTION_ARG_STRING, &options.clinic_phone,
      N_("The clinic’s phone number (default: from the preferences)"), N_("TEXT") },
    { "clinic-logo", 0, 0, G_OPTION_ARG_FILENAME, &options.clinic_logo,
      N_("A PNG logo (default: from the preferences)"), N_("FILE") },
    { NULL }
  };

  status = consult_cli_store_parse (&argc, &argv, _("PLAN_ID|PLAN.json -o FILE"),
                                    N_("Write a plan’s patient summary as a PDF: a stored plan version, "
                                       "or a plan file (with --intake for the client’s details)."),
                                    entries, 1, 1, &db_path);
  if (status >= 0)
    return status;

  if (options.output == NULL)
    {
      fprintf (stderr, "%s\n", _("--output: the PDF file to write is required"));
      return CONSULT_CLI_EXIT_USAGE;
    }

  if (g_strcmp0 (options.paper, "letter") == 0)
    {
      width = CONSULT_REPORT_LETTER_WIDTH;
      height = CONSULT_REPORT_LETTER_HEIGHT;
    }
  else if (options.paper != NULL && g_strcmp0 (options.paper, "a4") != 0)
    {
      /* TRANSLATORS: %s is what the user gave as --paper */
      fprintf (stderr, _("--paper: expected one of a4, letter; got “%s”"), options.paper);
      fputc ('\n', stderr);
      return CONSULT_CLI_EXIT_USAGE;
    }

  /* An argument that names a file is a plan file; anything else is the
   * id of a stored plan version. */
  if (g_file_test (argv[1], G_FILE_TEST_IS_REGULAR))
    status = load_file (argv[1], &options, &plan, &intake, &report);
  else
    status = load_stored (db_path, argv[1], &options, &plan, &intake, &report);
  if (status >= 0)
    return status;

  if (!(catalogue = consult_catalogue_load (&error)))
    {
      fprintf (stderr, "%s\n", error->message);
      return CONSULT_CLI_EXIT_INVALID;
    }

  fill_clinic (&options);
  clinic.name = options.clinic_name;
  clinic.address = options.clinic_address;
  clinic.phone = options.clinic_phone;
  clinic.logo_path = options.clinic_logo;
  consult_report_set_clinic (report, &clinic);
  consult_report_set_catalogue (report, catalogue);

  if (!consult_report_paginate (report, width, height, &error) ||
      !consult_report_export_pdf (report, options.output, &error))
    {
      fprintf (stderr, "medspa-consult-cli: %s\n", error->message);
      return CONSULT_CLI_EXIT_INVALID;
    }

  return CONSULT_CLI_EXIT_OK;
}
