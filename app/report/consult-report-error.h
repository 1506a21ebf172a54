/* consult-report-error.h
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CONSULT_REPORT_ERROR (consult_report_error_quark ())

typedef enum
{
  CONSULT_REPORT_ERROR_FAILED,
  CONSULT_REPORT_ERROR_WRITE,
} ConsultReportError;

GQuark consult_report_error_quark (void);

G_END_DECLS
