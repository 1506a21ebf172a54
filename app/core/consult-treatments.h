/* consult-treatments.h
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The fixed vocabularies of spec/interchange-v1.md: treatment ids and
 * concern values. Both lists are NULL-terminated, in the spec's order,
 * and never change within version 1 of the interchange format. */

const char * const *consult_treatment_ids         (void);
gboolean            consult_treatment_id_is_known (const char *id);

const char * const *consult_concern_ids           (void);
gboolean            consult_concern_is_known      (const char *concern);

G_END_DECLS
