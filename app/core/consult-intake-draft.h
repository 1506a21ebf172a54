/* consult-intake-draft.h
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "consult-intake.h"

G_BEGIN_DECLS

/* An intake in progress, as autosaved while the consultant types: it may
 * lack required answers, so the strict reader would refuse it. Every field
 * that holds a valid value is kept, anything else is left unanswered.
 * Fails only when @data is not a JSON object. */
ConsultIntake *consult_intake_new_from_draft (const char  *data,
                                              gssize       length,
                                              GError     **error);

G_END_DECLS
