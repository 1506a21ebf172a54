/* consult-planner-rules.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-planner"

#include "config.h"

#include "consult-planner-private.h"

/* From the intake to the fate of each treatment: candidates come from the
 * concerns, the client's requests and the always-planned basics; rules
 * then add, exclude, defer, flag and constrain them; choices keep one
 * option where the catalogue offers alternatives; the client's downtime
 * tolerance defers what needs more recovery than they can allow. */

static ConsultConditionContext
context_for (ConsultPlanState *state)
{
  return (ConsultConditionContext) {
    .values = state->values,
    .start = &state->start,
    .candidates = state->candidates,
  };
}

static gboolean
effect_applies (ConsultPlanState    *state,
                const ConsultEffect *effect)
{
  ConsultConditionContext context = context_for (state);

  return effect->when == NULL || _consult_condition_eval (effect->when, &context);
}

static void
touch (ConsultPlanState    *state,
       ConsultTreatmentSet  set,
       guint64             *per_treatment,
       guint                rule)
{
  for (ConsultTreatmentSet rest = set; rest != 0;)
    {
      guint i = _consult_set_pop (&rest);

      _consult_bits_set (per_treatment + i * state->rule_words, rule);
    }
}

static void
add_candidates (ConsultPlanState  *state,
                const ConsultRule *rule)
{
  for (guint i = 0; i < rule->effects->len; i++)
    {
      const ConsultEffect *effect = g_ptr_array_index (rule->effects, i);

      if (effect->kind != CONSULT_EFFECT_ADD || !effect_applies (state, effect))
        continue;

      if (effect->one_of)
        {
          state->tentative |= effect->targets & ~state->candidates;
          g_ptr_array_add (state->one_of_adds, (gpointer) effect);
        }
      else
        {
          ConsultAddition addition = { rule, effect, effect->targets & ~state->candidates };

          state->forced |= effect->targets;
          g_array_append_val (state->additions, addition);
        }

      state->candidates |= effect->targets;
      touch (state, effect->targets, state->touched, rule->index);
      for (guint j = 0; j < effect->n_order && effect->phase != 0; j++)
        state->phase[effect->order[j]] = effect->phase;
    }
}

static void
defer_until (ConsultPlanState    *state,
             const ConsultEffect *effect,
             ConsultTreatmentSet  set)
{
  GDate until;

  if (!effect->until_is_date)
    {
      for (guint i = 0; i < state->n_treatments; i++)
        if ((set & CONSULT_TREATMENT_BIT (i)) && state->defer_text[i] == NULL)
          state->defer_text[i] = effect->text;
      return;
    }

  if (effect->until_field == CONSULT_FIELD_START)
    until = state->start;
  else if (state->values[effect->until_field].set)
    until = state->values[effect->until_field].date;
  else
    {
      /* Validation requires the date; should it be missing, the deferral
       * stands without one rather than vanishing. */
      state->undated_deferral |= set;
      return;
    }
  _consult_offset_apply (&effect->until_offset, &until, +1);

  for (guint i = 0; i < state->n_treatments; i++)
    if ((set & CONSULT_TREATMENT_BIT (i)) &&
        (!g_date_valid (&state->defer_until[i]) || g_date_compare (&until, &state->defer_until[i]) > 0))
      state->defer_until[i] = until;
}

static void
add_warning (ConsultPlanState *state,
             const char       *text,
             const char       *rule_id)
{
  GPtrArray *warnings = state->plan->warnings;
  ConsultPlanWarning *warning = NULL;
  guint n;

  for (guint i = 0; i < warnings->len && warning == NULL; i++)
    if (g_str_equal (((ConsultPlanWarning *) g_ptr_array_index (warnings, i))->text, text))
      warning = g_ptr_array_index (warnings, i);

  if (warning == NULL)
    {
      warning = _consult_plan_warning_new (text);
      g_ptr_array_add (warnings, warning);
    }

  n = g_strv_length (warning->rules);
  if (rule_id == NULL || (n > 0 && g_str_equal (warning->rules[n - 1], rule_id)))
    return;
  warning->rules = g_renew (char *, warning->rules, n + 2);
  warning->rules[n] = g_strdup (rule_id);
  warning->rules[n + 1] = NULL;
}

static void
add_referral (ConsultPlanState  *state,
              const ConsultRule *rule,
              ConsultReferralTarget to)
{
  ConsultPlanReferral *referral = _consult_plan_referral_new (to);

  g_free (referral->reason);
  referral->reason = g_strdup (_consult_catalogue_translate (rule->rationale));
  g_strfreev (referral->rules);
  referral->rules = g_new0 (char *, 2);
  referral->rules[0] = g_strdup (rule->id);
  g_ptr_array_add (state->plan->referrals, referral);
}

static void
apply_effect (ConsultPlanState    *state,
              const ConsultRule   *rule,
              const ConsultEffect *effect)
{
  ConsultTreatmentSet set = effect->targets & state->candidates;
  ConsultSpacing spacing;

  switch (effect->kind)
    {
    case CONSULT_EFFECT_EXCLUDE:
      state->excluded |= set;
      touch (state, set, state->why_excluded, rule->index);
      break;

    case CONSULT_EFFECT_DEFER:
      state->deferred |= set;
      touch (state, set, state->why_deferred, rule->index);
      defer_until (state, effect, set);
      break;

    case CONSULT_EFFECT_REQUIRE_PHYSICIAN:
      for (ConsultTreatmentSet rest = set; rest != 0;)
        {
          guint i = _consult_set_pop (&rest);

          state->physician[i] = TRUE;
        }
      touch (state, set, state->touched, rule->index);
      break;

    case CONSULT_EFFECT_FLAG:
      for (ConsultTreatmentSet rest = set; rest != 0;)
        {
          guint i = _consult_set_pop (&rest);

          state->flags[i] |= effect->flags;
        }
      touch (state, set, state->touched, rule->index);
      break;

    case CONSULT_EFFECT_NOTE:
      touch (state, set, state->touched, rule->index);
      break;

    case CONSULT_EFFECT_START_AFTER_PHASE1:
      for (ConsultTreatmentSet rest = set; rest != 0;)
        {
          guint i = _consult_set_pop (&rest);

          state->not_before[i] = MAX (state->not_before[i], effect->weeks);
        }
      touch (state, set, state->touched, rule->index);
      break;

    case CONSULT_EFFECT_MOVE:
      for (ConsultTreatmentSet rest = set; rest != 0;)
        {
          guint i = _consult_set_pop (&rest);

          state->phase[i] = effect->phase;
        }
      touch (state, set, state->touched, rule->index);
      break;

    case CONSULT_EFFECT_SPACE:
      /* Its rule joins the steps it actually separates (sequencing). */
      spacing = (ConsultSpacing) { effect->earlier, effect->later, effect->weeks, effect->either_order, rule->index };
      g_array_append_val (state->spacings, spacing);
      break;

    case CONSULT_EFFECT_REFER:
      add_referral (state, rule, effect->refer);
      break;

    case CONSULT_EFFECT_WARN:     /* once the plan's shape is known: warn_for_plan() */
    case CONSULT_EFFECT_ADD:
    default:
      break;
    }
}

static ConsultTreatmentSet
viable (ConsultPlanState *state)
{
  return state->candidates & ~state->excluded & ~state->deferred;
}

/* "add one_of": the first alternative that no rule ruled out. When none
 * is left, the alternatives stay in the plan's excluded and deferred
 * lists, so the consultant sees why there is no such step. */
static void
resolve_one_of_adds (ConsultPlanState *state)
{
  ConsultTreatmentSet dropped = 0;

  for (guint i = 0; i < state->one_of_adds->len; i++)
    {
      const ConsultEffect *effect = g_ptr_array_index (state->one_of_adds, i);
      ConsultTreatmentSet pick = 0;

      /* What the client asked for wins; else the catalogue's order. */
      for (guint j = 0; j < effect->n_order && pick == 0; j++)
        if (viable (state) & (state->forced | state->requested) & CONSULT_TREATMENT_BIT (effect->order[j]))
          pick = CONSULT_TREATMENT_BIT (effect->order[j]);
      for (guint j = 0; j < effect->n_order && pick == 0; j++)
        if (viable (state) & CONSULT_TREATMENT_BIT (effect->order[j]))
          pick = CONSULT_TREATMENT_BIT (effect->order[j]);

      if (pick != 0)
        {
          state->forced |= pick;
          dropped |= effect->targets & state->tentative & ~pick;
        }
      state->tentative &= ~effect->targets;
    }

  state->candidates &= ~(dropped & ~state->forced);
}

static void
apply_downtime (ConsultPlanState *state)
{
  const ConsultFieldValue *value = &state->values[CONSULT_CORE_FIELD_DOWNTIME];
  ConsultCatalogue *catalogue = state->catalogue;
  ConsultDowntime tolerance = catalogue->default_downtime;
  ConsultTreatmentSet set = viable (state) & ~catalogue->always;

  /* The schema lists none, short, extended in that order. */
  if (value->set)
    tolerance = (ConsultDowntime) g_bit_nth_lsf (value->mask, -1);

  /* What the client asked for is deferred with the reason; an option
   * they did not ask for is simply not offered. */
  for (guint i = 0; i < state->n_treatments; i++)
    if ((set & CONSULT_TREATMENT_BIT (i)) &&
        _consult_plan_state_treatment (state, i)->downtime > tolerance)
      {
        if (state->forced & CONSULT_TREATMENT_BIT (i))
          {
            state->deferred |= CONSULT_TREATMENT_BIT (i);
            state->downtime_deferred |= CONSULT_TREATMENT_BIT (i);
          }
        else
          state->candidates &= ~CONSULT_TREATMENT_BIT (i);
      }
}

/* An addition conditioned on the plan's shape ("hydroquinone when the
 * plan has fractional laser") is taken back when that shape is gone. */
static void
recheck_additions (ConsultPlanState *state)
{
  ConsultConditionContext context = context_for (state);

  context.candidates = viable (state);
  for (guint i = 0; i < state->additions->len; i++)
    {
      const ConsultAddition *addition = &g_array_index (state->additions, ConsultAddition, i);

      if (_consult_condition_eval (addition->rule->when, &context) &&
          (addition->effect->when == NULL || _consult_condition_eval (addition->effect->when, &context)))
        continue;

      state->candidates &= ~(addition->added & ~state->requested);
      state->forced &= ~(addition->added & ~state->requested);
    }
}

static void
apply_choices (ConsultPlanState *state)
{
  GPtrArray *choices = state->catalogue->choices;
  ConsultTreatmentSet chosen = state->forced | state->requested;
  ConsultTreatmentSet offered = 0;

  for (guint i = 0; i < choices->len; i++)
    {
      const ConsultChoice *choice = g_ptr_array_index (choices, i);
      guint n = 0;

      if (choice->concerns != 0 && !(choice->concerns & state->values[CONSULT_CORE_FIELD_CONCERNS].mask))
        continue;

      for (guint j = 0; j < choice->n_order; j++)
        {
          ConsultTreatmentSet bit = CONSULT_TREATMENT_BIT (choice->order[j]);

          offered |= bit;
          if ((chosen & bit) && (viable (state) & bit))
            n++;
        }

      for (guint j = 0; j < choice->n_order && n < choice->pick; j++)
        {
          ConsultTreatmentSet bit = CONSULT_TREATMENT_BIT (choice->order[j]);

          if ((viable (state) & bit) && !(chosen & bit))
            {
              chosen |= bit;
              n++;
            }
        }
    }

  /* Alternatives not chosen are simply not offered; they were never asked
   * for and nothing is wrong with them. */
  state->candidates &= ~(viable (state) & offered & ~chosen);
}

/* Warnings speak about the plan as it turned out: a rule that fired
 * because a device was a candidate says nothing once no device is left. */
static void
warn_for_plan (ConsultPlanState *state)
{
  GPtrArray *rules = state->catalogue->rules;
  ConsultConditionContext context = context_for (state);

  context.candidates = state->planned;
  for (guint i = 0; i < rules->len; i++)
    {
      const ConsultRule *rule = g_ptr_array_index (rules, i);

      if (!_consult_bits_test (state->fired, i) || !_consult_condition_eval (rule->when, &context))
        continue;

      for (guint j = 0; j < rule->effects->len; j++)
        {
          const ConsultEffect *effect = g_ptr_array_index (rule->effects, j);

          if (effect->kind == CONSULT_EFFECT_WARN &&
              (effect->when == NULL || _consult_condition_eval (effect->when, &context)))
            add_warning (state, _consult_catalogue_translate (effect->text), rule->id);
        }
    }
}

void
_consult_planner_apply_rules (ConsultPlanState *state)
{
  GPtrArray *rules = state->catalogue->rules;
  ConsultConditionContext context;

  /* Additions first, judged on the initial candidates, so that every
   * other effect sees what the plan may contain. */
  for (guint i = 0; i < rules->len; i++)
    {
      const ConsultRule *rule = g_ptr_array_index (rules, i);

      context = context_for (state);
      if (_consult_condition_eval (rule->when, &context))
        add_candidates (state, rule);
    }

  context = context_for (state);
  for (guint i = 0; i < rules->len; i++)
    {
      const ConsultRule *rule = g_ptr_array_index (rules, i);

      if (!_consult_condition_eval (rule->when, &context))
        continue;

      _consult_bits_set (state->fired, i);
      for (guint j = 0; j < rule->effects->len; j++)
        {
          const ConsultEffect *effect = g_ptr_array_index (rule->effects, j);

          if (effect_applies (state, effect))
            apply_effect (state, rule, effect);
        }
    }

  resolve_one_of_adds (state);
  apply_downtime (state);
  apply_choices (state);
  recheck_additions (state);

  state->planned = viable (state);
  warn_for_plan (state);
}
