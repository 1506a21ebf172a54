/* consult-intake-values.h
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How a person reads a field's fixed value: "sometimes" of sun.sunscreen
 * is "Some days", Fitzpatrick "4" is "Type IV — …". The intake pages, the
 * printed summary and the FHIR Questionnaire's answer options all show
 * these, so they live here once. Returns the translated label, or NULL
 * when @path has no such value. */
const char *consult_intake_value_get_label       (const char *path,
                                                  const char *value);

/* A one-line description to show under the label; NULL when there is none. */
const char *consult_intake_value_get_description (const char *path,
                                                  const char *value);

G_END_DECLS
