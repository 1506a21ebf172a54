/* consult-date.h
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Calendar dates of the interchange format: strict ISO 8601 `YYYY-MM-DD`
 * (years 0001 to 9999), carried in a plain GDate. Every function except
 * consult_date_parse() expects valid dates. */

gboolean  consult_date_parse         (const char  *text,
                                      GDate       *date);
gboolean  consult_date_is_valid_iso  (const char  *text);
char     *consult_date_format        (const GDate *date);

void      consult_date_add_days      (GDate       *date,
                                      int          days);
void      consult_date_add_weeks     (GDate       *date,
                                      int          weeks);
void      consult_date_add_months    (GDate       *date,
                                      int          months);

int       consult_date_compare       (const GDate *a,
                                      const GDate *b);
int       consult_date_days_between  (const GDate *from,
                                      const GDate *to);
int       consult_date_weeks_between (const GDate *from,
                                      const GDate *to);

G_END_DECLS
