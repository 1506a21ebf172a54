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

G_END_DECLS
