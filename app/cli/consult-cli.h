/* consult-cli.h
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Exit statuses of medspa-consult-cli; scripts depend on them. */
typedef enum
{
  CONSULT_CLI_EXIT_OK = 0,
  CONSULT_CLI_EXIT_INVALID = 1,
  CONSULT_CLI_EXIT_USAGE = 2,
} ConsultCliExit;

/* One subcommand: argv[0] is the subcommand's own name. */
typedef int (*ConsultCliRunFunc) (int    argc,
                                  char **argv);

typedef struct
{
  const char        *name;
  const char        *parameters;
  const char        *summary;
  ConsultCliRunFunc  run;
} ConsultCliCommand;

int consult_cli_main          (int    argc,
                              char **argv);

/* Parses a subcommand's options (@entries, then @more_entries, either
 * NULL) and checks it has @min_args to @max_args arguments. Returns -1
 * to go on, or the exit status after printing the problem or the help
 * (--help exits inside). */
int consult_cli_parse_options (int                 *argc,
                               char              ***argv,
                               const char          *parameters,
                               const char          *summary,
                               const GOptionEntry  *entries,
                               const GOptionEntry  *more_entries,
                               int                  min_args,
                               int                  max_args);

/* The application's preferences, or NULL when its schema is not installed
 * (an uninstalled build): then only the options count. */
GSettings *consult_cli_settings_new (void);

G_END_DECLS
