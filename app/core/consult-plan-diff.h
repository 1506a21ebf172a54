/* consult-plan-diff.h
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "consult-plan.h"

G_BEGIN_DECLS

typedef enum
{
  CONSULT_PLAN_CHANGE_ADDED,      /* a step only the newer plan has */
  CONSULT_PLAN_CHANGE_REMOVED,    /* a step only the older plan has */
  CONSULT_PLAN_CHANGE_CHANGED,    /* a step in both, scheduled differently */
  CONSULT_PLAN_CHANGE_UNCHANGED,
} ConsultPlanChangeKind;

typedef struct
{
  char                  *treatment;
  ConsultPlanChangeKind  kind;
  char                  *details;   /* what changed, in words; NULL unless CHANGED */
} ConsultPlanChange;

void       consult_plan_change_free (ConsultPlanChange *change);

/* The steps of two versions of a plan side by side: every treatment
 * planned in either, in the newer plan's order, then the removed ones in
 * the older plan's order. */
GPtrArray *consult_plan_diff        (ConsultPlan       *older,
                                     ConsultPlan       *newer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConsultPlanChange, consult_plan_change_free)

G_END_DECLS
