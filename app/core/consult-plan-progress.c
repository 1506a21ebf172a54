/* consult-plan-progress.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-plan"

#include "config.h"

#include "consult-plan-progress.h"

static guint
count_given (const char * const *given,
             const char         *treatment)
{
  guint n = 0;

  for (guint i = 0; given != NULL && given[i] != NULL; i++)
    if (g_str_equal (given[i], treatment))
      n++;

  return n;
}

GArray *
consult_plan_progress (ConsultPlan        *plan,
                       const char * const *given,
                       const GDate        *today)
{
  GArray *progress;
  GPtrArray *phases;
  const GDate *start;

  g_return_val_if_fail (CONSULT_IS_PLAN (plan), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  progress = g_array_new (FALSE, TRUE, sizeof (ConsultStepProgress));
  phases = consult_plan_get_phases (plan);
  start = consult_plan_get_start_date (plan);

  for (guint i = 0; i < phases->len; i++)
    {
      const ConsultPlanPhase *phase = g_ptr_array_index (phases, i);

      for (guint j = 0; j < phase->steps->len; j++)
        {
          const ConsultPlanStep *step = g_ptr_array_index (phase->steps, j);
          ConsultStepProgress item = { step, phase->number, 0, { 0, }, FALSE };

          if (step->sessions == 0)
            continue;

          item.done = MIN (count_given (given, step->treatment), step->sessions);
          g_date_clear (&item.next_due, 1);
          if (item.done < step->sessions && start != NULL && g_date_valid (start))
            {
              /* The schedule the plan gave: session k in week
               * start_week + k × interval. */
              item.next_due = *start;
              g_date_add_days (&item.next_due, 7 * (step->start_week + item.done * step->interval_weeks));
              item.overdue = g_date_compare (&item.next_due, today) < 0;
            }

          g_array_append_val (progress, item);
        }
    }

  return progress;
}
