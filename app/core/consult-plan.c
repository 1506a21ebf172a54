/* consult-plan.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-plan"

#include "config.h"

#include "consult-plan-private.h"

G_DEFINE_QUARK (consult-plan-error-quark, consult_plan_error)

G_DEFINE_FINAL_TYPE (ConsultPlan, consult_plan, G_TYPE_OBJECT)

static const char * const performer_names[] = {
  "esthetician", "nurse", "physician_supervised", "physician",
};

static const char * const flag_names[CONSULT_STEP_N_FLAGS] = {
  "test_spot", "conservative", "physician_review",
  "antiviral_prophylaxis", "bruising_consent", "reassess",
};

static const char * const referral_names[] = {
  "dermatologist", "plastic_surgeon", "primary_care",
};

static gboolean
lookup_name (const char * const *names,
             guint               n_names,
             const char         *text,
             guint              *index)
{
  for (guint i = 0; i < n_names; i++)
    if (g_strcmp0 (names[i], text) == 0)
      {
        *index = i;
        return TRUE;
      }

  return FALSE;
}

const char *
consult_performer_to_string (ConsultPerformer performer)
{
  g_return_val_if_fail (performer <= CONSULT_PERFORMER_PHYSICIAN, NULL);

  return performer_names[performer];
}

gboolean
consult_performer_from_string (const char       *text,
                               ConsultPerformer *performer)
{
  guint index;

  g_return_val_if_fail (performer != NULL, FALSE);

  if (!lookup_name (performer_names, G_N_ELEMENTS (performer_names), text, &index))
    return FALSE;

  *performer = index;
  return TRUE;
}

const char *
consult_step_flag_to_string (ConsultStepFlags flag)
{
  for (guint i = 0; i < CONSULT_STEP_N_FLAGS; i++)
    if (flag == (1u << i))
      return flag_names[i];

  return NULL;
}

gboolean
consult_step_flag_from_string (const char       *text,
                               ConsultStepFlags *flag)
{
  guint index;

  g_return_val_if_fail (flag != NULL, FALSE);

  if (!lookup_name (flag_names, CONSULT_STEP_N_FLAGS, text, &index))
    return FALSE;

  *flag = 1u << index;
  return TRUE;
}

const char *
consult_referral_target_to_string (ConsultReferralTarget target)
{
  g_return_val_if_fail (target <= CONSULT_REFERRAL_PRIMARY_CARE, NULL);

  return referral_names[target];
}

gboolean
consult_referral_target_from_string (const char            *text,
                                     ConsultReferralTarget *target)
{
  guint index;

  g_return_val_if_fail (target != NULL, FALSE);

  if (!lookup_name (referral_names, G_N_ELEMENTS (referral_names), text, &index))
    return FALSE;

  *target = index;
  return TRUE;
}

guint
consult_plan_step_get_last_week (const ConsultPlanStep *step)
{
  g_return_val_if_fail (step != NULL, 0);

  if (step->sessions <= 1)
    return step->start_week;

  return step->start_week + (step->sessions - 1) * step->interval_weeks;
}

static char **
empty_rules (void)
{
  return g_new0 (char *, 1);
}

ConsultPlanPhase *
_consult_plan_phase_new (guint       number,
                         const char *key,
                         const char *title)
{
  ConsultPlanPhase *phase = g_new0 (ConsultPlanPhase, 1);

  phase->number = number;
  phase->key = g_strdup (key);
  phase->title = g_strdup (title);
  phase->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) _consult_plan_step_free);

  return phase;
}

ConsultPlanStep *
_consult_plan_step_new (const char *treatment)
{
  ConsultPlanStep *step = g_new0 (ConsultPlanStep, 1);

  step->treatment = g_strdup (treatment);
  step->rationale = g_strdup ("");
  step->rules = empty_rules ();

  return step;
}

ConsultPlanDeferral *
_consult_plan_deferral_new (const char *treatment)
{
  ConsultPlanDeferral *deferral = g_new0 (ConsultPlanDeferral, 1);

  deferral->treatment = g_strdup (treatment);
  deferral->until = g_strdup ("");
  g_date_clear (&deferral->until_date, 1);
  deferral->reason = g_strdup ("");
  deferral->rules = empty_rules ();

  return deferral;
}

ConsultPlanExclusion *
_consult_plan_exclusion_new (const char *treatment)
{
  ConsultPlanExclusion *exclusion = g_new0 (ConsultPlanExclusion, 1);

  exclusion->treatment = g_strdup (treatment);
  exclusion->reason = g_strdup ("");
  exclusion->rules = empty_rules ();

  return exclusion;
}

ConsultPlanReferral *
_consult_plan_referral_new (ConsultReferralTarget to)
{
  ConsultPlanReferral *referral = g_new0 (ConsultPlanReferral, 1);

  referral->to = to;
  referral->reason = g_strdup ("");
  referral->rules = empty_rules ();

  return referral;
}

ConsultPlanWarning *
_consult_plan_warning_new (const char *text)
{
  ConsultPlanWarning *warning = g_new0 (ConsultPlanWarning, 1);

  warning->text = g_strdup (text);
  warning->rules = empty_rules ();

  return warning;
}

void
_consult_plan_phase_free (ConsultPlanPhase *phase)
{
  g_free (phase->key);
  g_free (phase->title);
  g_ptr_array_unref (phase->steps);
  g_free (phase);
}

void
_consult_plan_step_free (ConsultPlanStep *step)
{
  g_free (step->treatment);
  g_free (step->rationale);
  g_strfreev (step->rules);
  g_free (step);
}

void
_consult_plan_deferral_free (ConsultPlanDeferral *deferral)
{
  g_free (deferral->treatment);
  g_free (deferral->until);
  g_free (deferral->reason);
  g_strfreev (deferral->rules);
  g_free (deferral);
}

void
_consult_plan_exclusion_free (ConsultPlanExclusion *exclusion)
{
  g_free (exclusion->treatment);
  g_free (exclusion->reason);
  g_strfreev (exclusion->rules);
  g_free (exclusion);
}

void
_consult_plan_referral_free (ConsultPlanReferral *referral)
{
  g_free (referral->reason);
  g_strfreev (referral->rules);
  g_free (referral);
}

void
_consult_plan_warning_free (ConsultPlanWarning *warning)
{
  g_free (warning->text);
  g_strfreev (warning->rules);
  g_free (warning);
}

static void
consult_plan_finalize (GObject *object)
{
  ConsultPlan *self = CONSULT_PLAN (object);

  g_clear_pointer (&self->catalogue_version, g_free);
  g_clear_pointer (&self->phases, g_ptr_array_unref);
  g_clear_pointer (&self->deferred, g_ptr_array_unref);
  g_clear_pointer (&self->excluded, g_ptr_array_unref);
  g_clear_pointer (&self->referrals, g_ptr_array_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);

  G_OBJECT_CLASS (consult_plan_parent_class)->finalize (object);
}

static void
consult_plan_class_init (ConsultPlanClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = consult_plan_finalize;
}

static void
consult_plan_init (ConsultPlan *self)
{
  g_date_clear (&self->start_date, 1);
  self->phases = g_ptr_array_new_with_free_func ((GDestroyNotify) _consult_plan_phase_free);
  self->deferred = g_ptr_array_new_with_free_func ((GDestroyNotify) _consult_plan_deferral_free);
  self->excluded = g_ptr_array_new_with_free_func ((GDestroyNotify) _consult_plan_exclusion_free);
  self->referrals = g_ptr_array_new_with_free_func ((GDestroyNotify) _consult_plan_referral_free);
  self->warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) _consult_plan_warning_free);
}

ConsultPlan *
_consult_plan_new (const char  *catalogue_version,
                   const GDate *start_date)
{
  ConsultPlan *self = g_object_new (CONSULT_TYPE_PLAN, NULL);

  self->catalogue_version = g_strdup (catalogue_version);
  if (start_date != NULL)
    self->start_date = *start_date;

  return self;
}

const char *
consult_plan_get_catalogue_version (ConsultPlan *self)
{
  g_return_val_if_fail (CONSULT_IS_PLAN (self), NULL);

  return self->catalogue_version;
}

const GDate *
consult_plan_get_start_date (ConsultPlan *self)
{
  g_return_val_if_fail (CONSULT_IS_PLAN (self), NULL);

  return &self->start_date;
}

gboolean
consult_plan_get_requires_physician_signoff (ConsultPlan *self)
{
  g_return_val_if_fail (CONSULT_IS_PLAN (self), FALSE);

  return self->requires_physician_signoff;
}

GPtrArray *
consult_plan_get_phases (ConsultPlan *self)
{
  g_return_val_if_fail (CONSULT_IS_PLAN (self), NULL);

  return self->phases;
}

GPtrArray *
consult_plan_get_deferred (ConsultPlan *self)
{
  g_return_val_if_fail (CONSULT_IS_PLAN (self), NULL);

  return self->deferred;
}

GPtrArray *
consult_plan_get_excluded (ConsultPlan *self)
{
  g_return_val_if_fail (CONSULT_IS_PLAN (self), NULL);

  return self->excluded;
}

GPtrArray *
consult_plan_get_referrals (ConsultPlan *self)
{
  g_return_val_if_fail (CONSULT_IS_PLAN (self), NULL);

  return self->referrals;
}

GPtrArray *
consult_plan_get_warnings (ConsultPlan *self)
{
  g_return_val_if_fail (CONSULT_IS_PLAN (self), NULL);

  return self->warnings;
}

const ConsultPlanStep *
consult_plan_find_step (ConsultPlan *self,
                        const char  *treatment,
                        guint       *phase_number)
{
  g_return_val_if_fail (CONSULT_IS_PLAN (self), NULL);
  g_return_val_if_fail (treatment != NULL, NULL);

  for (guint i = 0; i < self->phases->len; i++)
    {
      const ConsultPlanPhase *phase = g_ptr_array_index (self->phases, i);

      for (guint j = 0; j < phase->steps->len; j++)
        {
          const ConsultPlanStep *step = g_ptr_array_index (phase->steps, j);

          if (g_strcmp0 (step->treatment, treatment) == 0)
            {
              if (phase_number != NULL)
                *phase_number = phase->number;
              return step;
            }
        }
    }

  return NULL;
}

const ConsultPlanDeferral *
consult_plan_find_deferral (ConsultPlan *self,
                            const char  *treatment)
{
  g_return_val_if_fail (CONSULT_IS_PLAN (self), NULL);

  for (guint i = 0; i < self->deferred->len; i++)
    {
      const ConsultPlanDeferral *deferral = g_ptr_array_index (self->deferred, i);

      if (g_strcmp0 (deferral->treatment, treatment) == 0)
        return deferral;
    }

  return NULL;
}

const ConsultPlanExclusion *
consult_plan_find_exclusion (ConsultPlan *self,
                             const char  *treatment)
{
  g_return_val_if_fail (CONSULT_IS_PLAN (self), NULL);

  for (guint i = 0; i < self->excluded->len; i++)
    {
      const ConsultPlanExclusion *exclusion = g_ptr_array_index (self->excluded, i);

      if (g_strcmp0 (exclusion->treatment, treatment) == 0)
        return exclusion;
    }

  return NULL;
}
