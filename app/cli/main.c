/* main.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "consult-cli.h"

int
main (int    argc,
      char **argv)
{
  return consult_cli_main (argc, argv);
}
