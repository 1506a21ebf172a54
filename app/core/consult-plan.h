/* consult-plan.h
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CONSULT_PLAN_ERROR (consult_plan_error_quark ())

typedef enum
{
  CONSULT_PLAN_ERROR_INVALID,
} ConsultPlanError;

GQuark consult_plan_error_quark (void);

typedef enum
{
  CONSULT_PERFORMER_ESTHETICIAN,
  CONSULT_PERFORMER_NURSE,
  CONSULT_PERFORMER_PHYSICIAN_SUPERVISED,
  CONSULT_PERFORMER_PHYSICIAN,
} ConsultPerformer;

const char *consult_performer_to_string   (ConsultPerformer  performer);
gboolean    consult_performer_from_string (const char       *text,
                                           ConsultPerformer *performer);

/* Step flags of the interchange format, in their serialisation order. */
typedef enum
{
  CONSULT_STEP_FLAG_NONE                  = 0,
  CONSULT_STEP_FLAG_TEST_SPOT             = 1 << 0,
  CONSULT_STEP_FLAG_CONSERVATIVE          = 1 << 1,
  CONSULT_STEP_FLAG_PHYSICIAN_REVIEW      = 1 << 2,
  CONSULT_STEP_FLAG_ANTIVIRAL_PROPHYLAXIS = 1 << 3,
  CONSULT_STEP_FLAG_BRUISING_CONSENT      = 1 << 4,
  CONSULT_STEP_FLAG_REASSESS              = 1 << 5,
} ConsultStepFlags;

#define CONSULT_STEP_N_FLAGS 6

/* @flag is a single flag; returns NULL for anything else. */
const char *consult_step_flag_to_string   (ConsultStepFlags  flag);
gboolean    consult_step_flag_from_string (const char       *text,
                                           ConsultStepFlags *flag);

typedef enum
{
  CONSULT_REFERRAL_DERMATOLOGIST,
  CONSULT_REFERRAL_PLASTIC_SURGEON,
  CONSULT_REFERRAL_PRIMARY_CARE,
} ConsultReferralTarget;

const char *consult_referral_target_to_string   (ConsultReferralTarget  target);
gboolean    consult_referral_target_from_string (const char            *text,
                                                 ConsultReferralTarget *target);

/* The items of a plan are plain records owned by their ConsultPlan:
 * read their fields, never change or free them. `rules` is a
 * NULL-terminated array of rule ids ("R07"), possibly empty. */
typedef struct
{
  char              *treatment;
  guint              start_week;
  guint              sessions;        /* 0 = daily or continuous regimen */
  guint              interval_weeks;
  ConsultPerformer   performer;
  gboolean           requires_physician;
  ConsultStepFlags   flags;
  char              *rationale;
  char             **rules;
} ConsultPlanStep;

typedef struct
{
  guint      number;                  /* 1, 2 or 3 */
  char      *key;                     /* stabilise, remodel, refine */
  char      *title;
  guint      start_week;
  guint      end_week;
  GPtrArray *steps;                   /* of ConsultPlanStep */
} ConsultPlanPhase;

typedef struct
{
  char   *treatment;
  char   *until;                      /* an ISO date or a condition in words */
  GDate   until_date;                 /* valid only when @until is a date */
  char   *reason;
  char  **rules;
} ConsultPlanDeferral;

typedef struct
{
  char   *treatment;
  char   *reason;
  char  **rules;
} ConsultPlanExclusion;

typedef struct
{
  ConsultReferralTarget   to;
  char                   *reason;
  char                  **rules;
} ConsultPlanReferral;

typedef struct
{
  char   *text;
  char  **rules;
} ConsultPlanWarning;

/* The last week of a step's in-clinic series (its start week when it has
 * at most one session): what cross-treatment spacing is measured from. */
guint consult_plan_step_get_last_week (const ConsultPlanStep *step);

#define CONSULT_TYPE_PLAN (consult_plan_get_type ())

G_DECLARE_FINAL_TYPE (ConsultPlan, consult_plan, CONSULT, PLAN, GObject)

ConsultPlan      *consult_plan_new_from_json             (const char           *data,
                                                          gssize                length,
                                                          GError              **error);
char             *consult_plan_to_json                   (ConsultPlan          *self);

const char       *consult_plan_get_catalogue_version     (ConsultPlan          *self);
const GDate      *consult_plan_get_start_date            (ConsultPlan          *self);
gboolean          consult_plan_get_requires_physician_signoff (ConsultPlan     *self);

/* Arrays of the records above, in plan order; transfer none. */
GPtrArray        *consult_plan_get_phases                (ConsultPlan          *self);
GPtrArray        *consult_plan_get_deferred              (ConsultPlan          *self);
GPtrArray        *consult_plan_get_excluded              (ConsultPlan          *self);
GPtrArray        *consult_plan_get_referrals             (ConsultPlan          *self);
GPtrArray        *consult_plan_get_warnings              (ConsultPlan          *self);

/* Where @treatment is in the plan: a step (and its phase number), a
 * deferral or an exclusion; NULL when the plan does not mention it. */
const ConsultPlanStep      *consult_plan_find_step      (ConsultPlan *self,
                                                         const char  *treatment,
                                                         guint       *phase_number);
const ConsultPlanDeferral  *consult_plan_find_deferral  (ConsultPlan *self,
                                                         const char  *treatment);
const ConsultPlanExclusion *consult_plan_find_exclusion (ConsultPlan *self,
                                                         const char  *treatment);

G_END_DECLS
