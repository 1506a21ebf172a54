/* consult-planner-sequence.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-planner"

#include "config.h"

#include "consult-date.h"
#include "consult-planner-private.h"

/* Sequencing: stabilise (1) -> remodel (2) -> refine (3). Phase 1 starts
 * at week 0; phase 2 once phase 1 has had its minimum weeks and any
 * "start after phase 1" waits; phase 3 once the remodelling series have
 * settled. Within a phase a step starts at the first week that respects
 * the rules' spacings, never shares a week with another device's
 * session (one device per session) and keeps recovery clear of the
 * client's event. */

typedef struct
{
  guint index;
  guint start;
  guint sessions;
  guint interval;
  guint downtime_days;
} Slot;

static guint
slot_last (const Slot *slot)
{
  return slot->sessions <= 1 ? slot->start : slot->start + (slot->sessions - 1) * slot->interval;
}

/* Weeks until a series has settled: the next session would be due, or
 * its downtime is over. */
static guint
slot_end (const Slot *slot)
{
  guint settle = MAX (slot->interval, (slot->downtime_days + 6) / 7);

  return slot_last (slot) + MAX (settle, 1);
}

static gboolean
sessions_collide (const Slot *a,
                  const Slot *b)
{
  for (guint i = 0; i < MAX (a->sessions, 1); i++)
    for (guint j = 0; j < MAX (b->sessions, 1); j++)
      if (a->start + i * a->interval == b->start + j * b->interval)
        return TRUE;

  return FALSE;
}

/* The first week after the event when @slot's recovery would overlap the
 * event or the buffer before it; 0 when it does not. */
static guint
event_conflict (ConsultPlanState *state,
                const Slot       *slot,
                int               event_day)
{
  int buffer_days = (int) state->catalogue->event_buffer_weeks * 7;

  if (!state->has_event || slot->downtime_days == 0)
    return 0;

  for (guint i = 0; i < MAX (slot->sessions, 1); i++)
    {
      int day = (int) (slot->start + i * slot->interval) * 7;

      if (day <= event_day && day + (int) slot->downtime_days + buffer_days > event_day)
        return (guint) (event_day / 7 + 1);
    }

  return 0;
}

static gboolean
must_wait_for (ConsultPlanState *state,
               guint             later,
               guint             earlier)
{
  for (guint i = 0; i < state->spacings->len; i++)
    {
      const ConsultSpacing *spacing = &g_array_index (state->spacings, ConsultSpacing, i);

      if (!spacing->either_order &&
          (spacing->later & CONSULT_TREATMENT_BIT (later)) &&
          (spacing->earlier & CONSULT_TREATMENT_BIT (earlier)))
        return TRUE;
    }

  return FALSE;
}

static guint
earliest_after_spacings (ConsultPlanState *state,
                         guint             index,
                         GArray           *scheduled,
                         guint             earliest)
{
  ConsultTreatmentSet bit = CONSULT_TREATMENT_BIT (index);

  for (guint i = 0; i < state->spacings->len; i++)
    {
      const ConsultSpacing *spacing = &g_array_index (state->spacings, ConsultSpacing, i);

      for (guint j = 0; j < scheduled->len; j++)
        {
          const Slot *other = &g_array_index (scheduled, Slot, j);
          ConsultTreatmentSet other_bit = CONSULT_TREATMENT_BIT (other->index);
          gboolean applies = (spacing->later & bit) && (spacing->earlier & other_bit);

          if (spacing->either_order)
            applies = applies || ((spacing->earlier & bit) && (spacing->later & other_bit));

          if (applies && other->index != index)
            earliest = MAX (earliest, slot_last (other) + spacing->weeks);
        }
    }

  return earliest;
}

static void
place (ConsultPlanState *state,
       Slot             *slot,
       GArray           *scheduled,
       guint             earliest,
       int               event_day)
{
  gboolean is_device = (state->catalogue->devices & CONSULT_TREATMENT_BIT (slot->index)) != 0;

  slot->start = earliest_after_spacings (state, slot->index, scheduled, earliest);

  while (slot->start < CONSULT_MAX_WEEK)
    {
      guint after_event = event_conflict (state, slot, event_day);
      gboolean collides = FALSE;

      if (after_event != 0)
        {
          slot->start = earliest_after_spacings (state, slot->index, scheduled, after_event);
          state->event_moved[slot->index] = TRUE;
          continue;
        }

      for (guint i = 0; i < scheduled->len && is_device && !collides; i++)
        {
          const Slot *other = &g_array_index (scheduled, Slot, i);

          collides = (state->catalogue->devices & CONSULT_TREATMENT_BIT (other->index)) &&
                     sessions_collide (slot, other);
        }
      if (!collides)
        return;
      slot->start++;
    }
}

/* Fixed spacings put their later treatment in a phase no earlier than the
 * earlier one's, where the catalogue allows it. */
static void
settle_phases (ConsultPlanState *state)
{
  gboolean changed = TRUE;

  while (changed)
    {
      changed = FALSE;
      for (ConsultTreatmentSet laters = state->planned; laters != 0;)
        for (ConsultTreatmentSet earliers = state->planned, later = _consult_set_pop (&laters); earliers != 0;)
          {
            guint earlier = _consult_set_pop (&earliers);
            guint phase;

            if (later == earlier || state->phase[later] >= state->phase[earlier] ||
                !must_wait_for (state, later, earlier))
              continue;

            phase = state->phase[earlier];
            if (_consult_plan_state_treatment (state, later)->allowed_phases & (1u << phase))
              {
                state->phase[later] = phase;
                changed = TRUE;
              }
          }
    }
}

/* The next step to place: the first, in catalogue order, whose fixed
 * predecessors in this phase are placed, what the client asked for
 * before what the plan offers; a cycle falls back to catalogue order. */
static guint
next_ready (ConsultPlanState *state,
            GArray           *pending)
{
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < pending->len; i++)
      {
        guint candidate = g_array_index (pending, guint, i);
        gboolean requested = (state->forced & CONSULT_TREATMENT_BIT (candidate)) != 0;
        gboolean ready = TRUE;

        if (pass == 0 && !requested)
          continue;

        for (guint j = 0; j < pending->len && ready; j++)
          if (j != i && must_wait_for (state, candidate, g_array_index (pending, guint, j)))
            ready = FALSE;
        if (ready)
          return i;
      }

  return 0;
}

static guint
schedule_phase (ConsultPlanState *state,
                guint             phase,
                guint             phase_start,
                GArray           *scheduled,
                GArray           *slots,
                int               event_day)
{
  g_autoptr (GArray) pending = g_array_new (FALSE, FALSE, sizeof (guint));
  guint end = phase_start + 1;

  for (guint i = 0; i < state->n_treatments; i++)
    if ((state->planned & CONSULT_TREATMENT_BIT (i)) && state->phase[i] == phase)
      g_array_append_val (pending, i);

  while (pending->len > 0)
    {
      const ConsultTreatment *treatment;
      guint pick;
      Slot slot;

      pick = next_ready (state, pending);

      treatment = _consult_plan_state_treatment (state, g_array_index (pending, guint, pick));
      slot = (Slot) {
        .index = treatment->index,
        .sessions = treatment->sessions,
        .interval = treatment->interval_weeks,
        .downtime_days = treatment->downtime != CONSULT_DOWNTIME_NONE ? treatment->downtime_days : 0,
      };
      g_array_remove_index (pending, pick);

      place (state, &slot, scheduled, MAX (phase_start, state->not_before[slot.index]), event_day);
      g_array_append_val (scheduled, slot);
      g_array_append_val (slots, slot);
      end = MAX (end, slot_end (&slot));
    }

  return end;
}

static int
compare_slots (gconstpointer a,
               gconstpointer b)
{
  const Slot *slot_a = a;
  const Slot *slot_b = b;

  if (slot_a->start != slot_b->start)
    return slot_a->start < slot_b->start ? -1 : 1;

  return slot_a->index < slot_b->index ? -1 : (slot_a->index > slot_b->index);
}

static void
build_steps (ConsultPlanState *state,
             ConsultPlanPhase *phase,
             GArray           *slots);

void
_consult_planner_sequence (ConsultPlanState *state)
{
  g_autoptr (GArray) scheduled = g_array_new (FALSE, FALSE, sizeof (Slot));
  guint gate = state->catalogue->phase1_min_weeks;
  guint phase_start = 0;
  int event_day = 0;

  if (state->has_event)
    event_day = consult_date_days_between (&state->start, &state->event);

  settle_phases (state);

  /* Phase 1 lasts long enough for every later step's wait after it. */
  for (guint i = 0; i < state->n_treatments; i++)
    if ((state->planned & CONSULT_TREATMENT_BIT (i)) && state->phase[i] > 1)
      gate = MAX (gate, state->not_before[i]);

  for (guint number = 1; number <= 3; number++)
    {
      g_autoptr (GArray) slots = g_array_new (FALSE, FALSE, sizeof (Slot));
      ConsultPlanPhase *phase;
      guint end;

      end = schedule_phase (state, number, phase_start, scheduled, slots, event_day);
      if (slots->len == 0)
        continue;

      g_array_sort (slots, compare_slots);
      phase = _consult_plan_phase_new (number, number == 1 ? "stabilise" : number == 2 ? "remodel" : "refine",
                                       consult_catalogue_get_phase_title (state->catalogue, number));
      phase->start_week = phase_start;
      phase->end_week = number == 1 ? MAX (end, gate) : end;
      build_steps (state, phase, slots);
      g_ptr_array_add (state->plan->phases, phase);

      phase_start = number == 1 ? gate : end;
    }
}

static void
build_steps (ConsultPlanState *state,
             ConsultPlanPhase *phase,
             GArray           *slots)
{
  for (guint i = 0; i < slots->len; i++)
    {
      const Slot *slot = &g_array_index (slots, Slot, i);
      const ConsultTreatment *treatment = _consult_plan_state_treatment (state, slot->index);
      ConsultPlanStep *step = _consult_plan_step_new (treatment->id);

      step->start_week = slot->start;
      step->sessions = slot->sessions;
      step->interval_weeks = slot->interval;
      step->performer = treatment->performer;
      step->requires_physician = state->physician[slot->index] ||
                                 treatment->performer == CONSULT_PERFORMER_PHYSICIAN;
      step->flags = state->flags[slot->index];
      g_ptr_array_add (phase->steps, step);
    }
}
