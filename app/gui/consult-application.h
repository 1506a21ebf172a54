/* consult-application.h
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "consult-context.h"

G_BEGIN_DECLS

#define CONSULT_TYPE_APPLICATION (consult_application_get_type ())

G_DECLARE_FINAL_TYPE (ConsultApplication, consult_application, CONSULT, APPLICATION, AdwApplication)

ConsultApplication *consult_application_new         (void);
ConsultContext     *consult_application_get_context (ConsultApplication *self);

G_END_DECLS
