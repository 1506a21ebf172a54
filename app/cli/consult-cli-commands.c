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
  { NULL, NULL, NULL, NULL },
};
