/* consult-report-error.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "consult-report-error.h"

G_DEFINE_QUARK (consult-report-error-quark, consult_report_error)
