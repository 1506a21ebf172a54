/* consult-planner-private.h
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "consult-catalogue-private.h"
#include "consult-plan-private.h"
#include "consult-planner.h"

G_BEGIN_DECLS

#define CONSULT_MAX_WEEK 520

/* "keep LATER at least WEEKS after EARLIER", measured from the last
 * session of the earlier series; either_order: whichever comes second. */
typedef struct
{
  ConsultTreatmentSet earlier;
  ConsultTreatmentSet later;
  guint               weeks;
  gboolean            either_order;
  guint               rule;
} ConsultSpacing;

/* What an "add" effect brought in, to be taken back when the plan no
 * longer has the shape that asked for it. */
typedef struct
{
  const ConsultRule   *rule;
  const ConsultEffect *effect;
  ConsultTreatmentSet  added;
} ConsultAddition;

/* Everything one plan works out, before it becomes a ConsultPlan. */
typedef struct
{
  ConsultCatalogue    *catalogue;
  ConsultPlan         *plan;
  GDate                start;
  ConsultFieldValue   *values;
  guint                n_treatments;
  guint                rule_words;     /* guint64 words per rule set */

  ConsultTreatmentSet  candidates;
  ConsultTreatmentSet  requested;
  ConsultTreatmentSet  forced;         /* requested or added by a rule */
  ConsultTreatmentSet  tentative;      /* alternatives offered by an "add one_of" */
  ConsultTreatmentSet  excluded;
  ConsultTreatmentSet  deferred;
  ConsultTreatmentSet  downtime_deferred;
  ConsultTreatmentSet  undated_deferral;
  ConsultTreatmentSet  planned;

  guint64             *fired;          /* rules that fired */
  guint64             *touched;        /* per treatment: rules behind its step */
  guint64             *why_excluded;
  guint64             *why_deferred;

  ConsultStepFlags     flags[CONSULT_CATALOGUE_MAX_TREATMENTS];
  gboolean             physician[CONSULT_CATALOGUE_MAX_TREATMENTS];
  guint                not_before[CONSULT_CATALOGUE_MAX_TREATMENTS];
  guint                phase[CONSULT_CATALOGUE_MAX_TREATMENTS];
  GDate                defer_until[CONSULT_CATALOGUE_MAX_TREATMENTS];
  const char          *defer_text[CONSULT_CATALOGUE_MAX_TREATMENTS];
  gboolean             event_moved[CONSULT_CATALOGUE_MAX_TREATMENTS];

  GArray              *spacings;       /* ConsultSpacing */
  GPtrArray           *one_of_adds;    /* const ConsultEffect * */
  GArray              *additions;      /* ConsultAddition */

  const char         **rationales;     /* translated once per plan */

  gboolean             has_event;
  GDate                event;
} ConsultPlanState;

/* Takes the lowest member out of @set and returns it: the hot loops walk
 * only the members of a set, never all treatments. */
static inline guint
_consult_set_pop (ConsultTreatmentSet *set)
{
  guint index = (guint) __builtin_ctzll (*set);

  *set &= *set - 1;
  return index;
}

static inline gboolean
_consult_bits_test (const guint64 *bits,
                    guint          index)
{
  return (bits[index / 64] >> (index % 64)) & 1;
}

static inline void
_consult_bits_set (guint64 *bits,
                   guint    index)
{
  bits[index / 64] |= G_GUINT64_CONSTANT (1) << (index % 64);
}

/* consult-planner-rules.c: candidates, rules, choices. */
void _consult_planner_apply_rules (ConsultPlanState *state);

/* consult-planner-sequence.c: phases, weeks, spacing, events. */
void _consult_planner_sequence    (ConsultPlanState *state);

/* consult-planner.c */
const ConsultTreatment *_consult_plan_state_treatment (ConsultPlanState *state,
                                                       guint             index);

G_END_DECLS
