/* consult-cli-intake.h
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "consult-intake.h"

G_BEGIN_DECLS

/* The intake in the file @argument ("-": standard input), valid for
 * planning, or NULL with the problems (field path first) on stderr.
 * Shared by `plan` and `save`. */
ConsultIntake *consult_cli_load_valid_intake (const char *argument);

G_END_DECLS
