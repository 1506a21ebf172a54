/* consult-plan-view.h
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "consult-catalogue.h"
#include "consult-plan.h"

G_BEGIN_DECLS

#define CONSULT_TYPE_PLAN_VIEW (consult_plan_view_get_type ())

G_DECLARE_FINAL_TYPE (ConsultPlanView, consult_plan_view, CONSULT, PLAN_VIEW, GtkWidget)

GtkWidget        *consult_plan_view_new           (void);
void              consult_plan_view_set_catalogue (ConsultPlanView  *self,
                                                   ConsultCatalogue *catalogue);
ConsultPlan      *consult_plan_view_get_plan      (ConsultPlanView  *self);
void              consult_plan_view_set_plan      (ConsultPlanView  *self,
                                                   ConsultPlan      *plan);
void              consult_plan_view_set_signed_by (ConsultPlanView  *self,
                                                   const char       *physician);

G_END_DECLS
