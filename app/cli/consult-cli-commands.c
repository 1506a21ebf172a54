/* consult-cli-commands.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "consult-cli-commands.h"

const ConsultCliCommand consult_cli_commands[] = {
  { "save", N_("INTAKE.json [--consultant NAME]"),
    N_("Store an intake, its client and its plan (a draft)"), consult_cli_save },
  { "clients", N_("[QUERY] [--include-archived] [--notes]"),
    N_("List clients, or those matching QUERY"), consult_cli_clients },
  { "history", N_("CLIENT_ID"),
    N_("Show a client’s history, newest first"), consult_cli_history },
  { "show-plan", N_("PLAN_ID"),
    N_("Print a stored plan version’s JSON"), consult_cli_show_plan },
  { "sign", N_("PLAN_ID --physician NAME"),
    N_("Sign a draft plan version"), consult_cli_sign },
  { "backup", N_("FILE"),
    N_("Back the database up to FILE"), consult_cli_backup },
  { "restore", N_("FILE"),
    N_("Check the backup FILE and restore it"), consult_cli_restore },
  { "verify", NULL,
    N_("Check the database and its audit chain"), consult_cli_verify },
  { "validate", N_("INTAKE.json"),
    N_("Check an intake file (“-” for standard input)"), consult_cli_validate },
  { "plan", N_("INTAKE.json [--start-date YYYY-MM-DD]"),
    N_("Plan the treatments for an intake and print the plan’s JSON"), consult_cli_plan },
  { "catalogue", N_("[--markdown | --gettext-strings] [--file FILE]"),
    N_("Show the protocol catalogue’s treatments and rules"), consult_cli_catalogue },
  { "export-pdf", N_("PLAN_ID|PLAN.json -o FILE [--lang LL] [--intake INTAKE.json]"),
    N_("Write a plan’s patient summary as a PDF"), consult_cli_export_pdf },
  { "fhir-bundle", N_("PLAN_ID [--system URI]"),
    N_("Print a stored plan version as a FHIR R4 transaction Bundle"), consult_cli_fhir_bundle },
  { "sync", N_("[--base-url URL] [--system URI] [--ca-file FILE]"),
    N_("Send the outbox to the clinic’s FHIR server once and report"), consult_cli_sync },
  { NULL, NULL, NULL, NULL },
};
