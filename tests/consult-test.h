/* consult-test.h
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <check.h>
#include <glib.h>

G_BEGIN_DECLS

/* Runs @suite, writing TAP to stdout for meson; returns the exit status. */
int   consult_test_run_suite  (Suite      *suite);

/* A path under the source tree's tests/ folder (fixtures). */
char *consult_test_source_path (const char *first_element,
                                ...) G_GNUC_NULL_TERMINATED;

/* A path under the build's tests/output folder, created on demand: where
 * tests leave screenshots, PDFs and other artefacts for people to look at. */
char *consult_test_output_path (const char *name);

/* Removes the application's data folder under $XDG_DATA_HOME (the test's
 * own), so that each test starts with no records and no drafts. */
void  consult_test_remove_user_data (void);

G_END_DECLS
