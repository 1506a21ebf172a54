/* consult-planner.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-planner"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "consult-date.h"
#include "consult-intake-private.h"
#include "consult-planner-private.h"

struct _ConsultPlanner
{
  GObject           parent_instance;

  ConsultCatalogue *catalogue;
};

G_DEFINE_FINAL_TYPE (ConsultPlanner, consult_planner, G_TYPE_OBJECT)

static void
consult_planner_finalize (GObject *object)
{
  ConsultPlanner *self = CONSULT_PLANNER (object);

  g_clear_object (&self->catalogue);

  G_OBJECT_CLASS (consult_planner_parent_class)->finalize (object);
}

static void
consult_planner_class_init (ConsultPlannerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = consult_planner_finalize;
}

static void
consult_planner_init (ConsultPlanner *self)
{
}

ConsultPlanner *
consult_planner_new (ConsultCatalogue *catalogue)
{
  ConsultPlanner *self;

  g_return_val_if_fail (CONSULT_IS_CATALOGUE (catalogue), NULL);

  self = g_object_new (CONSULT_TYPE_PLANNER, NULL);
  self->catalogue = g_object_ref (catalogue);

  return self;
}

ConsultCatalogue *
consult_planner_get_catalogue (ConsultPlanner *self)
{
  g_return_val_if_fail (CONSULT_IS_PLANNER (self), NULL);

  return self->catalogue;
}

const ConsultTreatment *
_consult_plan_state_treatment (ConsultPlanState *state,
                               guint             index)
{
  return g_ptr_array_index (state->catalogue->treatments, index);
}

static guint64
enum_bit (const ConsultIntakeField *field,
          const char               *text)
{
  for (guint i = 0; field->values[i] != NULL; i++)
    if (g_str_equal (field->values[i], text))
      return G_GUINT64_CONSTANT (1) << i;

  return 0;
}

/* Reads every field the catalogue's rules test, once. */
static void
read_value (ConsultCatalogue  *catalogue,
            ConsultIntake     *intake,
            guint              index,
            ConsultFieldValue *value)
{
  const ConsultIntakeField *field = g_ptr_array_index (catalogue->fields, index);
  /* The descriptor itself, not its path: no lookup, no reference. */
  GVariant *variant = _consult_intake_peek_value (intake, field);
  GVariantIter iter;
  const char *text;

  if (variant == NULL)
    {
      /* An unanswered yes/no question means no (interchange format). */
      if (field->kind == CONSULT_INTAKE_FIELD_BOOLEAN)
        {
          value->mask = G_GUINT64_CONSTANT (1);
          value->set = TRUE;
        }
      return;
    }

  switch (field->kind)
    {
    case CONSULT_INTAKE_FIELD_BOOLEAN:
      value->boolean = g_variant_get_boolean (variant);
      value->mask = G_GUINT64_CONSTANT (1) << (value->boolean ? 1 : 0);
      value->set = TRUE;
      break;

    case CONSULT_INTAKE_FIELD_INTEGER:
      value->integer = g_variant_get_int32 (variant);
      value->set = TRUE;
      break;

    case CONSULT_INTAKE_FIELD_DATE:
      value->set = consult_date_parse (g_variant_get_string (variant, NULL), &value->date);
      break;

    case CONSULT_INTAKE_FIELD_ENUM:
      value->mask = enum_bit (field, g_variant_get_string (variant, NULL));
      value->set = TRUE;
      break;

    case CONSULT_INTAKE_FIELD_ENUM_LIST:
      g_variant_iter_init (&iter, variant);
      while (g_variant_iter_next (&iter, "&s", &text))
        value->mask |= enum_bit (field, text);
      value->set = TRUE;
      break;

    case CONSULT_INTAKE_FIELD_TREATMENT_LIST:
      g_variant_iter_init (&iter, variant);
      while (g_variant_iter_next (&iter, "&s", &text))
        {
          const ConsultTreatment *treatment = consult_catalogue_lookup_treatment (catalogue, text);

          if (treatment != NULL)
            value->mask |= CONSULT_TREATMENT_BIT (treatment->index);
        }
      value->set = TRUE;
      break;

    case CONSULT_INTAKE_FIELD_STRING:
    default:
      value->set = TRUE;
      break;
    }
}

static void
state_init (ConsultPlanState *state,
            ConsultCatalogue *catalogue,
            ConsultIntake    *intake,
            const GDate      *start_date)
{
  guint n_rules = catalogue->rules->len;
  guint64 concerns;

  memset (state, 0, sizeof *state);
  state->catalogue = catalogue;
  state->n_treatments = catalogue->treatments->len;
  state->rule_words = MAX (1, (n_rules + 63) / 64);
  state->values = g_new0 (ConsultFieldValue, catalogue->fields->len);
  state->fired = g_new0 (guint64, state->rule_words);
  state->touched = g_new0 (guint64, state->rule_words * state->n_treatments);
  state->why_excluded = g_new0 (guint64, state->rule_words * state->n_treatments);
  state->why_deferred = g_new0 (guint64, state->rule_words * state->n_treatments);
  state->spacings = g_array_new (FALSE, FALSE, sizeof (ConsultSpacing));
  state->one_of_adds = g_ptr_array_new ();
  state->rationales = g_new0 (const char *, n_rules);
  state->additions = g_array_new (FALSE, FALSE, sizeof (ConsultAddition));

  for (guint i = 0; i < catalogue->fields->len; i++)
    read_value (catalogue, intake, i, &state->values[i]);

  if (start_date != NULL)
    state->start = *start_date;
  else
    state->start = state->values[CONSULT_CORE_FIELD_CONSULTATION_DATE].date;

  state->plan = _consult_plan_new (catalogue->version, &state->start);

  for (guint i = 0; i < state->n_treatments; i++)
    {
      state->phase[i] = _consult_plan_state_treatment (state, i)->phase;
      g_date_clear (&state->defer_until[i], 1);
    }

  concerns = state->values[CONSULT_CORE_FIELD_CONCERNS].mask;
  state->requested = state->values[CONSULT_CORE_FIELD_REQUESTED].mask;
  state->forced = state->requested | catalogue->always;
  state->candidates = state->forced;
  for (guint i = 0; i < state->n_treatments; i++)
    if (_consult_plan_state_treatment (state, i)->indication_mask & concerns)
      state->candidates |= CONSULT_TREATMENT_BIT (i);

  if (state->values[CONSULT_CORE_FIELD_EVENT_DATE].set &&
      g_date_compare (&state->values[CONSULT_CORE_FIELD_EVENT_DATE].date, &state->start) >= 0)
    {
      state->has_event = TRUE;
      state->event = state->values[CONSULT_CORE_FIELD_EVENT_DATE].date;
    }
}

static void
state_clear (ConsultPlanState *state)
{
  g_free (state->values);
  g_free (state->fired);
  g_free (state->touched);
  g_free (state->why_excluded);
  g_free (state->why_deferred);
  g_array_unref (state->spacings);
  g_ptr_array_unref (state->one_of_adds);
  g_free (state->rationales);
  g_array_unref (state->additions);
}

/* The rules in @bits (those that fired), as ids and as the rationales a
 * consultant reads out, after @lead. */
static void
explain (ConsultPlanState  *state,
         const guint64     *bits,
         const char        *lead,
         const char        *tail,
         char             **text,
         char            ***rules)
{
  g_autoptr (GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GString) out = g_string_new (lead);

  for (guint i = 0; i < state->catalogue->rules->len; i++)
    {
      const ConsultRule *rule = g_ptr_array_index (state->catalogue->rules, i);

      if (!_consult_bits_test (bits, i) || !_consult_bits_test (state->fired, i))
        continue;

      if (state->rationales[i] == NULL)
        state->rationales[i] = _consult_catalogue_translate (rule->rationale);

      g_ptr_array_add (ids, g_strdup (rule->id));
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, state->rationales[i]);
    }

  if (tail != NULL)
    {
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, tail);
    }
  g_ptr_array_add (ids, NULL);

  g_free (*text);
  *text = g_string_free (g_steal_pointer (&out), FALSE);
  g_strfreev (*rules);
  *rules = (char **) g_ptr_array_free (g_steal_pointer (&ids), FALSE);
}

/* Spacing rules explain the steps they actually keep apart. */
static void
touch_binding_spacings (ConsultPlanState *state)
{
  for (guint i = 0; i < state->spacings->len; i++)
    {
      const ConsultSpacing *spacing = &g_array_index (state->spacings, ConsultSpacing, i);

      for (guint t = 0; t < state->n_treatments; t++)
        {
          ConsultTreatmentSet bit = CONSULT_TREATMENT_BIT (t);
          ConsultTreatmentSet others = state->planned & ~bit;
          gboolean binds = (state->planned & bit) &&
                           (((spacing->later & bit) && (spacing->earlier & others)) ||
                            ((spacing->earlier & bit) && (spacing->later & others)));

          if (binds)
            _consult_bits_set (state->touched + t * state->rule_words, spacing->rule);
        }
    }
}

static void
describe_steps (ConsultPlanState *state)
{
  touch_binding_spacings (state);

  for (guint i = 0; i < state->plan->phases->len; i++)
    {
      ConsultPlanPhase *phase = g_ptr_array_index (state->plan->phases, i);

      for (guint j = 0; j < phase->steps->len; j++)
        {
          ConsultPlanStep *step = g_ptr_array_index (phase->steps, j);
          const ConsultTreatment *treatment = consult_catalogue_lookup_treatment (state->catalogue,
                                                                                  step->treatment);
          g_autofree char *moved = NULL;

          if (state->event_moved[treatment->index])
            {
              g_autofree char *date = consult_date_format (&state->event);

              /* TRANSLATORS: %s is the date of the client's event */
              moved = g_strdup_printf (_("Scheduled after your event on %s so that recovery does not overlap it."),
                                       date);
            }

          explain (state, state->touched + treatment->index * state->rule_words,
                   _consult_catalogue_translate (treatment->summary), moved,
                   &step->rationale, &step->rules);
        }
    }
}

static void
list_fates (ConsultPlanState *state)
{
  ConsultTreatmentSet reported = state->candidates & ~state->planned;

  for (guint i = 0; i < state->n_treatments; i++)
    {
      const ConsultTreatment *treatment = _consult_plan_state_treatment (state, i);
      const guint64 *why;

      if (!(reported & CONSULT_TREATMENT_BIT (i)))
        continue;

      if (state->excluded & CONSULT_TREATMENT_BIT (i))
        {
          ConsultPlanExclusion *exclusion = _consult_plan_exclusion_new (treatment->id);

          why = state->why_excluded + i * state->rule_words;
          explain (state, why, "", NULL, &exclusion->reason, &exclusion->rules);
          g_ptr_array_add (state->plan->excluded, exclusion);
        }
      else
        {
          ConsultPlanDeferral *deferral = _consult_plan_deferral_new (treatment->id);
          g_autofree char *recovery = NULL;

          g_free (deferral->until);
          if (state->defer_text[i] != NULL)
            deferral->until = g_strdup (_consult_catalogue_translate (state->defer_text[i]));
          else if (g_date_valid (&state->defer_until[i]) && !(state->undated_deferral & CONSULT_TREATMENT_BIT (i)))
            {
              deferral->until = consult_date_format (&state->defer_until[i]);
              deferral->until_date = state->defer_until[i];
            }
          else if (state->downtime_deferred & CONSULT_TREATMENT_BIT (i))
            deferral->until = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "until you can allow about %u day of recovery",
                                                            "until you can allow about %u days of recovery",
                                                            treatment->downtime_days),
                                               treatment->downtime_days);
          else
            deferral->until = g_strdup (_("until the physician confirms it is safe"));

          if (state->downtime_deferred & CONSULT_TREATMENT_BIT (i))
            recovery = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "Recovery takes up to %u day, more downtime than you can allow at the moment.",
                                                     "Recovery takes up to %u days, more downtime than you can allow at the moment.",
                                                     treatment->downtime_days),
                                        treatment->downtime_days);

          why = state->why_deferred + i * state->rule_words;
          explain (state, why, "", recovery, &deferral->reason, &deferral->rules);
          g_ptr_array_add (state->plan->deferred, deferral);
        }
    }
}

static void
warn_about_event (ConsultPlanState *state)
{
  int days;

  if (!state->has_event)
    return;

  days = consult_date_days_between (&state->start, &state->event);
  if (days < (int) state->catalogue->event_buffer_weeks * 7)
    {
      g_autofree char *date = consult_date_format (&state->event);
      g_autofree char *text = NULL;

      /* TRANSLATORS: %s is the date of the client's event, %u a number of weeks */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Your event on %s is less than %u week away: nothing with downtime is scheduled before it.",
                                           "Your event on %s is less than %u weeks away: nothing with downtime is scheduled before it.",
                                           state->catalogue->event_buffer_weeks),
                              date, state->catalogue->event_buffer_weeks);
      g_ptr_array_add (state->plan->warnings, _consult_plan_warning_new (text));
    }
}

static gboolean
needs_signoff (ConsultPlan *plan)
{
  if (plan->excluded->len > 0 || plan->referrals->len > 0)
    return TRUE;

  for (guint i = 0; i < plan->phases->len; i++)
    {
      const ConsultPlanPhase *phase = g_ptr_array_index (plan->phases, i);

      for (guint j = 0; j < phase->steps->len; j++)
        {
          const ConsultPlanStep *step = g_ptr_array_index (phase->steps, j);

          if (step->requires_physician || step->performer != CONSULT_PERFORMER_ESTHETICIAN)
            return TRUE;
        }
    }

  return FALSE;
}

ConsultPlan *
consult_planner_plan (ConsultPlanner *self,
                      ConsultIntake  *intake,
                      const GDate    *start_date)
{
  ConsultPlanState state;
  ConsultPlan *plan;

  g_return_val_if_fail (CONSULT_IS_PLANNER (self), NULL);
  g_return_val_if_fail (CONSULT_IS_INTAKE (intake), NULL);
  g_return_val_if_fail (start_date == NULL || g_date_valid (start_date), NULL);

  state_init (&state, self->catalogue, intake, start_date);
  if (!g_date_valid (&state.start))
    {
      g_critical ("%s: the intake has no valid consultation date and no start date was given",
                  G_STRFUNC);
      g_object_unref (state.plan);
      state_clear (&state);
      return NULL;
    }

  _consult_planner_apply_rules (&state);
  _consult_planner_sequence (&state);
  describe_steps (&state);
  list_fates (&state);
  warn_about_event (&state);
  state.plan->requires_physician_signoff = needs_signoff (state.plan);

  plan = g_steal_pointer (&state.plan);
  state_clear (&state);

  return plan;
}
