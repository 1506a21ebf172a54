/* consult-plan-progress.h
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "consult-plan.h"

G_BEGIN_DECLS

/* Where a client stands on one in-clinic step of a signed plan. */
typedef struct
{
  const ConsultPlanStep *step;      /* owned by the plan */
  guint                  phase;
  guint                  done;      /* sessions given, at most the plan's */
  GDate                  next_due;  /* invalid once every session is given */
  gboolean               overdue;   /* next_due is before today */
} ConsultStepProgress;

/* The progress of every step with in-clinic sessions (daily regimens have
 * none to count), in plan order. @given lists the treatment of each
 * session given so far, one entry per session. Pure: the same plan,
 * sessions and day give the same answer. */
GArray *consult_plan_progress (ConsultPlan        *plan,
                               const char * const *given,
                               const GDate        *today);

G_END_DECLS
