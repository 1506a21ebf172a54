/* consult-window.h
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "consult-application.h"
#include "consult-consultation-view.h"
#include "consult-context.h"

G_BEGIN_DECLS

#define CONSULT_TYPE_WINDOW (consult_window_get_type ())

G_DECLARE_FINAL_TYPE (ConsultWindow, consult_window, CONSULT, WINDOW, AdwApplicationWindow)

ConsultWindow           *consult_window_new                   (ConsultApplication *application,
                                                               ConsultContext     *context);
ConsultConsultationView *consult_window_get_consultation_view (ConsultWindow      *self);
void                     consult_window_show_store_error      (ConsultWindow      *self,
                                                               const GError       *error);
void                     consult_window_offer_draft           (ConsultWindow      *self);

G_END_DECLS
