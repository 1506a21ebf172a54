/* consult-cli.h
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

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

int consult_cli_main (int    argc,
                      char **argv);

G_END_DECLS
