/* consult-consultation-view.h
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "consult-context.h"
#include "consult-intake.h"
#include "consult-plan.h"

G_BEGIN_DECLS

#define CONSULT_TYPE_CONSULTATION_VIEW (consult_consultation_view_get_type ())

G_DECLARE_FINAL_TYPE (ConsultConsultationView, consult_consultation_view, CONSULT, CONSULTATION_VIEW, GtkWidget)

GtkWidget     *consult_consultation_view_new        (ConsultContext          *context);
ConsultIntake *consult_consultation_view_get_intake (ConsultConsultationView *self);
void           consult_consultation_view_set_intake (ConsultConsultationView *self,
                                                     ConsultIntake           *intake);
ConsultPlan   *consult_consultation_view_get_plan   (ConsultConsultationView *self);
GtkWidget     *consult_consultation_view_get_wizard (ConsultConsultationView *self);
const char    *consult_consultation_view_get_client_id (ConsultConsultationView *self);
const char    *consult_consultation_view_get_plan_id   (ConsultConsultationView *self);
void           consult_consultation_view_set_client_id (ConsultConsultationView *self,
                                                        const char              *client_id);

gboolean       consult_consultation_view_export_pdf (ConsultConsultationView  *self,
                                                     const char               *path,
                                                     GError                  **error);

G_END_DECLS
