/* test-report.h
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "consult-report.h"
#include "consult-test.h"

G_BEGIN_DECLS

/* Shared by the report test program's files. */
ConsultPlan   *test_report_load_plan      (const char    *fixture);
ConsultReport *test_report_new_sample     (ConsultPlan   *plan,
                                           const char    *language);
/* Exports @report to the tests' output folder as @name and returns the
 * PDF's text, its pages separated by form feeds; *@n_pages gets their
 * number. */
char          *test_report_export_text    (ConsultReport *report,
                                           const char    *name,
                                           guint         *n_pages);
/* The same for the content areas only, right of @column points from
 * their left edge (the text column beside step captions), "continued"
 * lines left out. */
char          *test_report_export_flow    (ConsultReport *report,
                                           const char    *name,
                                           double         column);
/* @text with every run of white space turned into one space. */
char          *test_report_squeeze        (const char    *text);

TCase         *test_report_layout_case    (void);
TCase         *test_report_seeds_case     (void);
TCase         *test_report_cli_case       (void);

G_END_DECLS
