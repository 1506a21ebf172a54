/* consult-planner.h
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "consult-catalogue.h"
#include "consult-intake.h"
#include "consult-plan.h"

G_BEGIN_DECLS

#define CONSULT_TYPE_PLANNER (consult_planner_get_type ())

G_DECLARE_FINAL_TYPE (ConsultPlanner, consult_planner, CONSULT, PLANNER, GObject)

ConsultPlanner   *consult_planner_new           (ConsultCatalogue *catalogue);
ConsultCatalogue *consult_planner_get_catalogue (ConsultPlanner   *self);

/* Turns a valid intake (consult_intake_validate() found nothing) into a
 * plan. Pure and deterministic: the same catalogue, intake and start
 * date give a byte-identical plan. @start_date NULL means the intake's
 * consultation_date. Texts are in the current locale. */
ConsultPlan      *consult_planner_plan          (ConsultPlanner   *self,
                                                 ConsultIntake    *intake,
                                                 const GDate      *start_date);

G_END_DECLS
