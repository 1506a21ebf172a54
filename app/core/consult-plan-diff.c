/* consult-plan-diff.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-plan"

#include "config.h"

#include <glib/gi18n.h>

#include "consult-plan-diff.h"

void
consult_plan_change_free (ConsultPlanChange *change)
{
  if (change == NULL)
    return;

  g_free (change->treatment);
  g_free (change->details);
  g_free (change);
}

static ConsultPlanChange *
change_new (const char            *treatment,
            ConsultPlanChangeKind  kind,
            char                  *details)
{
  ConsultPlanChange *change = g_new0 (ConsultPlanChange, 1);

  change->treatment = g_strdup (treatment);
  change->kind = kind;
  change->details = details;

  return change;
}

static void
append_difference (GString    *details,
                   const char *text)
{
  if (details->len > 0)
    g_string_append (details, "; ");
  g_string_append (details, text);
}

/* "phase 2 → 3; sessions 3 → 4; …", or NULL when nothing differs. */
static char *
describe_changes (const ConsultPlanStep *before,
                  guint                  before_phase,
                  const ConsultPlanStep *after,
                  guint                  after_phase)
{
  g_autoptr (GString) details = g_string_new (NULL);

  if (before_phase != after_phase)
    {
      /* TRANSLATORS: a step moved between phases, "phase 2 → 3" */
      g_autofree char *text = g_strdup_printf (_("phase %u → %u"), before_phase, after_phase);
      append_difference (details, text);
    }
  if (before->start_week != after->start_week)
    {
      g_autofree char *text = g_strdup_printf (_("starts week %u → %u"), before->start_week, after->start_week);
      append_difference (details, text);
    }
  if (before->sessions != after->sessions)
    {
      g_autofree char *text = g_strdup_printf (_("sessions %u → %u"), before->sessions, after->sessions);
      append_difference (details, text);
    }
  if (before->interval_weeks != after->interval_weeks)
    {
      g_autofree char *text = g_strdup_printf (_("every %u → %u weeks"), before->interval_weeks, after->interval_weeks);
      append_difference (details, text);
    }
  if (before->performer != after->performer || before->requires_physician != after->requires_physician)
    append_difference (details, _("performer changed"));
  if (before->flags != after->flags)
    append_difference (details, _("precautions changed"));

  return details->len > 0 ? g_string_free (g_steal_pointer (&details), FALSE) : NULL;
}

static void
collect_steps (ConsultPlan *plan,
               GPtrArray   *steps,
               GArray      *phases)
{
  GPtrArray *plan_phases = consult_plan_get_phases (plan);

  for (guint i = 0; i < plan_phases->len; i++)
    {
      const ConsultPlanPhase *phase = g_ptr_array_index (plan_phases, i);

      for (guint j = 0; j < phase->steps->len; j++)
        {
          g_ptr_array_add (steps, g_ptr_array_index (phase->steps, j));
          g_array_append_val (phases, phase->number);
        }
    }
}

GPtrArray *
consult_plan_diff (ConsultPlan *older,
                   ConsultPlan *newer)
{
  g_autoptr (GPtrArray) old_steps = g_ptr_array_new ();
  g_autoptr (GPtrArray) new_steps = g_ptr_array_new ();
  g_autoptr (GArray) old_phases = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GArray) new_phases = g_array_new (FALSE, FALSE, sizeof (guint));
  GPtrArray *changes;

  g_return_val_if_fail (CONSULT_IS_PLAN (older), NULL);
  g_return_val_if_fail (CONSULT_IS_PLAN (newer), NULL);

  collect_steps (older, old_steps, old_phases);
  collect_steps (newer, new_steps, new_phases);
  changes = g_ptr_array_new_with_free_func ((GDestroyNotify) consult_plan_change_free);

  /* A plan holds a few dozen steps at most: pairing them by treatment
   * with a linear search is clearer than an index and as fast. */
  for (guint i = 0; i < new_steps->len; i++)
    {
      const ConsultPlanStep *after = g_ptr_array_index (new_steps, i);
      const ConsultPlanStep *before = NULL;
      guint before_phase = 0;

      for (guint j = 0; j < old_steps->len && before == NULL; j++)
        if (g_str_equal (((const ConsultPlanStep *) g_ptr_array_index (old_steps, j))->treatment, after->treatment))
          {
            before = g_ptr_array_index (old_steps, j);
            before_phase = g_array_index (old_phases, guint, j);
          }

      if (before == NULL)
        g_ptr_array_add (changes, change_new (after->treatment, CONSULT_PLAN_CHANGE_ADDED, NULL));
      else
        {
          char *details = describe_changes (before, before_phase, after, g_array_index (new_phases, guint, i));

          g_ptr_array_add (changes, change_new (after->treatment,
                                                details != NULL ? CONSULT_PLAN_CHANGE_CHANGED
                                                                : CONSULT_PLAN_CHANGE_UNCHANGED,
                                                details));
        }
    }

  for (guint j = 0; j < old_steps->len; j++)
    {
      const ConsultPlanStep *before = g_ptr_array_index (old_steps, j);

      if (consult_plan_find_step (newer, before->treatment, NULL) == NULL)
        g_ptr_array_add (changes, change_new (before->treatment, CONSULT_PLAN_CHANGE_REMOVED, NULL));
    }

  return changes;
}
