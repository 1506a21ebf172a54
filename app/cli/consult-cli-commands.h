/* consult-cli-commands.h
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "consult-cli.h"

G_BEGIN_DECLS

/* The table of subcommands, terminated by an entry whose name is NULL.
 * Each subcommand lives in its own consult-cli-<name>.c. */
extern const ConsultCliCommand consult_cli_commands[];

/* The store's subcommands; each takes --db PATH. */
int consult_cli_save      (int argc, char **argv);
int consult_cli_clients   (int argc, char **argv);
int consult_cli_history   (int argc, char **argv);
int consult_cli_show_plan (int argc, char **argv);
int consult_cli_sign      (int argc, char **argv);
int consult_cli_backup    (int argc, char **argv);
int consult_cli_restore   (int argc, char **argv);
int consult_cli_verify    (int argc, char **argv);
int consult_cli_validate  (int argc, char **argv);
int consult_cli_plan      (int argc, char **argv);
int consult_cli_catalogue (int argc, char **argv);
int consult_cli_export_pdf (int argc, char **argv);
int consult_cli_fhir_bundle (int argc, char **argv);
int consult_cli_sync        (int argc, char **argv);

G_END_DECLS
