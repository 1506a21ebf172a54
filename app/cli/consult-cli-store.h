/* consult-cli-store.h
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "consult-store.h"

G_BEGIN_DECLS

/* What the store subcommands share: their option parsing (with --db),
 * opening the database, and reporting a failure. */

/* Parses @argv with @entries and --db.  Returns -1 when the command should
 * go on (then @argc/@argv hold the positional arguments after argv[0] and
 * @db_path the database), or the exit status to return at once: a usage
 * error when the count of positional arguments is outside @min..@max. */
int           consult_cli_store_parse (int            *argc,
                                       char         ***argv,
                                       const char     *parameters,
                                       const char     *summary,
                                       const GOptionEntry *entries,
                                       int             min_args,
                                       int             max_args,
                                       char          **db_path);

/* Opens the database at @db_path (the default location when NULL); prints
 * the reason and returns NULL on failure. */
ConsultStore *consult_cli_store_open  (const char     *db_path);

/* Prints @error to stderr; returns CONSULT_CLI_EXIT_INVALID. */
int           consult_cli_store_fail  (const GError   *error);

G_END_DECLS
