/* consult-plan-private.h
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "consult-plan.h"

G_BEGIN_DECLS

/* Shared by consult-plan.c, consult-plan-json.c and the planner, which
 * fills a plan in place. */
struct _ConsultPlan
{
  GObject    parent_instance;

  char      *catalogue_version;
  GDate      start_date;
  GPtrArray *phases;      /* ConsultPlanPhase */
  GPtrArray *deferred;    /* ConsultPlanDeferral */
  GPtrArray *excluded;    /* ConsultPlanExclusion */
  GPtrArray *referrals;   /* ConsultPlanReferral */
  GPtrArray *warnings;    /* ConsultPlanWarning */
  gboolean   requires_physician_signoff;
};

ConsultPlan          *_consult_plan_new            (const char  *catalogue_version,
                                                    const GDate *start_date);

ConsultPlanPhase     *_consult_plan_phase_new      (guint        number,
                                                    const char  *key,
                                                    const char  *title);
ConsultPlanStep      *_consult_plan_step_new       (const char  *treatment);
ConsultPlanDeferral  *_consult_plan_deferral_new   (const char  *treatment);
ConsultPlanExclusion *_consult_plan_exclusion_new  (const char  *treatment);
ConsultPlanReferral  *_consult_plan_referral_new   (ConsultReferralTarget to);
ConsultPlanWarning   *_consult_plan_warning_new    (const char  *text);

void                  _consult_plan_phase_free     (ConsultPlanPhase     *phase);
void                  _consult_plan_step_free      (ConsultPlanStep      *step);
void                  _consult_plan_deferral_free  (ConsultPlanDeferral  *deferral);
void                  _consult_plan_exclusion_free (ConsultPlanExclusion *exclusion);
void                  _consult_plan_referral_free  (ConsultPlanReferral  *referral);
void                  _consult_plan_warning_free   (ConsultPlanWarning   *warning);

G_END_DECLS
