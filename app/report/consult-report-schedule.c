/* consult-report-schedule.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-report"

#include "config.h"

#include <glib/gi18n.h>

#include "consult-date.h"
#include "consult-report-private.h"

static const char *
phase_title (ReportBuilder          *b,
             const ConsultPlanPhase *phase)
{
  if (g_strcmp0 (phase->key, "stabilise") == 0)
    return _consult_report_trc (b->report, "phase", NC_("phase", "Stabilise pigment and barrier"));
  if (g_strcmp0 (phase->key, "remodel") == 0)
    return _consult_report_trc (b->report, "phase", NC_("phase", "Remodel collagen"));
  if (g_strcmp0 (phase->key, "refine") == 0)
    return _consult_report_trc (b->report, "phase", NC_("phase", "Refine"));

  return phase->title;
}

static void
week_date (ReportBuilder *b,
           guint          week,
           GDate         *date)
{
  *date = *consult_plan_get_start_date (b->report->plan);
  consult_date_add_weeks (date, week);
}

/* "Daily, from 23 Nov 2026" or "3 sessions, every 4 weeks: 4 Jan 2027,
 * 1 Feb 2027, 1 Mar 2027": every session's date, counted from the plan's
 * start date. */
char *
_consult_report_session_text (ReportBuilder         *b,
                              const ConsultPlanStep *step)
{
  g_autoptr (GString) dates = g_string_new (NULL);
  GDate first;
  g_autofree char *first_text = NULL;

  week_date (b, step->start_week, &first);
  first_text = _consult_report_format_date (b->report, &first, TRUE);

  if (step->sessions == 0)
    return g_strdup_printf (TR (b, N_("Daily, from %s")), first_text);
  if (step->sessions == 1)
    return g_strdup_printf (TR (b, N_("One session, on %s")), first_text);
  if (step->interval_weeks == 0)
    return g_strdup_printf (TR (b, N_("%1$u sessions, from %2$s")), step->sessions, first_text);

  for (guint i = 0; i < step->sessions; i++)
    {
      GDate date;
      g_autofree char *text = NULL;

      week_date (b, step->start_week + i * step->interval_weeks, &date);
      text = _consult_report_format_date (b->report, &date, TRUE);
      if (i > 0)
        g_string_append (dates, ", ");
      g_string_append (dates, text);
    }

  if (step->interval_weeks == 1)
    /* TRANSLATORS: %1$u (2 or more) sessions, %2$s their dates */
    return g_strdup_printf (TR (b, N_("%1$u sessions, weekly: %2$s")), step->sessions, dates->str);

  /* TRANSLATORS: %1$u (2 or more) sessions, every %2$u (2 or more) weeks,
   * %3$s their dates */
  return g_strdup_printf (TR (b, N_("%1$u sessions, every %2$u weeks: %3$s")),
                          step->sessions, step->interval_weeks, dates->str);
}

char *
_consult_report_phase_heading (ReportBuilder          *b,
                               const ConsultPlanPhase *phase)
{
  /* TRANSLATORS: %1$u is the phase's number, %2$s its title */
  return g_strdup_printf (TR (b, N_("Phase %1$u: %2$s")), phase->number, phase_title (b, phase));
}

void
_consult_report_add_schedule (ReportBuilder *b)
{
  GPtrArray *phases = consult_plan_get_phases (b->report->plan);

  _consult_report_add_section (b, TR (b, N_("Your schedule")));

  for (guint i = 0; i < phases->len; i++)
    {
      const ConsultPlanPhase *phase = g_ptr_array_index (phases, i);
      g_autofree char *heading = _consult_report_phase_heading (b, phase);
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;
      g_autofree char *weeks = NULL;
      ReportBlock *block = _consult_report_add_block (b, heading, i > 0 ? REPORT_BLOCK_SPACE : 10);
      GDate date;

      week_date (b, phase->start_week, &date);
      from = _consult_report_builder_date (b, &date);
      week_date (b, phase->end_week, &date);
      to = _consult_report_builder_date (b, &date);
      /* TRANSLATORS: a phase's span: its first and last week (counted
       * from the plan's start, week 0) and their dates */
      weeks = g_strdup_printf (TR (b, N_("Weeks %1$u to %2$u, from %3$s to %4$s")),
                               phase->start_week, phase->end_week, from, to);

      _consult_report_block_add (block, _consult_report_text_item (b, REPORT_STYLE_PHASE, heading, b->width, 0));
      _consult_report_block_add (block, _consult_report_text_item (b, REPORT_STYLE_META, weeks, b->width, 1));

      for (guint j = 0; j < phase->steps->len; j++)
        {
          const ConsultPlanStep *step = g_ptr_array_index (phase->steps, j);
          g_autofree char *sessions = _consult_report_session_text (b, step);

          _consult_report_block_add (block,
                                     _consult_report_labelled_item (b, _consult_report_builder_name (b, step->treatment),
                                                                    REPORT_STYLE_BODY_STRONG, REPORT_SCHEDULE_LABEL,
                                                                    REPORT_STYLE_BODY, sessions, b->width,
                                                                    j > 0 ? 4 : 7));
        }
    }
}

static const char *
performer_text (ReportBuilder    *b,
                ConsultPerformer  performer)
{
  switch (performer)
    {
    case CONSULT_PERFORMER_ESTHETICIAN:
      return TR (b, N_("Performed by an aesthetician"));
    case CONSULT_PERFORMER_NURSE:
      return TR (b, N_("Performed by a nurse, physician assistant or nurse practitioner"));
    case CONSULT_PERFORMER_PHYSICIAN_SUPERVISED:
      return TR (b, N_("Performed under the supervision of a physician"));
    case CONSULT_PERFORMER_PHYSICIAN:
    default:
      return TR (b, N_("Performed by a physician"));
    }
}

static const char *
flag_text (ReportBuilder    *b,
           ConsultStepFlags  flag)
{
  switch (flag)
    {
    case CONSULT_STEP_FLAG_TEST_SPOT:
      return TR (b, N_("a test spot first"));
    case CONSULT_STEP_FLAG_CONSERVATIVE:
      return TR (b, N_("conservative settings"));
    case CONSULT_STEP_FLAG_PHYSICIAN_REVIEW:
      return TR (b, N_("a physician’s review beforehand"));
    case CONSULT_STEP_FLAG_ANTIVIRAL_PROPHYLAXIS:
      return TR (b, N_("antiviral medicine beforehand, prescribed by your physician"));
    case CONSULT_STEP_FLAG_BRUISING_CONSENT:
      return TR (b, N_("your consent to the risk of bruising"));
    case CONSULT_STEP_FLAG_REASSESS:
      return TR (b, N_("a reassessment before the next step"));
    case CONSULT_STEP_FLAG_NONE:
    default:
      return NULL;
    }
}

/* "Performed by a nurse. A physician approves it first. With: a test
 * spot first, conservative settings." */
static char *
step_conditions (ReportBuilder         *b,
                 const ConsultPlanStep *step)
{
  g_autoptr (GString) text = g_string_new (performer_text (b, step->performer));
  g_autoptr (GString) flags = g_string_new (NULL);

  g_string_append (text, ". ");
  if (step->requires_physician)
    {
      g_string_append (text, TR (b, N_("A physician approves it before it starts.")));
      g_string_append_c (text, ' ');
    }

  for (guint i = 0; i < CONSULT_STEP_N_FLAGS; i++)
    {
      const char *flag = flag_text (b, step->flags & (1u << i));

      if (flag == NULL)
        continue;
      if (flags->len > 0)
        g_string_append (flags, ", ");
      g_string_append (flags, flag);
    }

  if (flags->len > 0)
    /* TRANSLATORS: %s lists precautions: "a test spot first, conservative settings" */
    g_string_append_printf (text, TR (b, N_("With %s.")), flags->str);

  g_strchomp (text->str);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* What it is, why, what to expect, before and after: the catalogue's
 * texts around the plan's rationale.  A rationale the planner composed
 * from the catalogue (the treatment's summary, then its rules') is
 * printed in the report's language without repeating the summary. */
static void
add_step_texts (ReportBuilder         *b,
                ReportBlock           *block,
                const ConsultPlanStep *step)
{
  ConsultReport *self = b->report;
  g_autofree char *why = NULL;
  const char *summary_msgid = _consult_report_treatment_msgid (self, step->treatment, "summary");
  const char *summary = _consult_report_treatment_text (self, step->treatment, "summary");
  struct { const char *label; const char *text; } rows[] = {
    { N_("What it is"), summary },
    { N_("Why"), NULL },
    { N_("What to expect"), _consult_report_treatment_text (self, step->treatment, "what to expect") },
    { N_("Before"), _consult_report_treatment_text (self, step->treatment, "preparation") },
    { N_("Afterwards"), _consult_report_treatment_text (self, step->treatment, "aftercare") },
  };
  double space = 7;

  why = _consult_report_explain (self, step->rationale, summary_msgid != NULL ? summary_msgid : "",
                                 (const char * const *) step->rules);
  if (why == NULL && step->rationale != NULL)
    why = g_strdup (step->rationale);
  rows[1].text = why;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      if (rows[i].text == NULL || *rows[i].text == '\0')
        continue;
      _consult_report_add_paragraphs (b, block, TR (b, rows[i].label), rows[i].text, space);
      space = 5;
    }
}

static void
add_step (ReportBuilder          *b,
          const ConsultPlanPhase *phase,
          const ConsultPlanStep  *step,
          gboolean                first)
{
  const char *name = _consult_report_builder_name (b, step->treatment);
  ReportBlock *block = _consult_report_add_block (b, name, first ? 10 : REPORT_BLOCK_SPACE + 4);
  g_autofree char *heading = _consult_report_phase_heading (b, phase);
  g_autofree char *sessions = _consult_report_session_text (b, step);
  g_autofree char *conditions = step_conditions (b, step);
  g_autofree char *meta = g_strdup_printf ("%s  ·  %s", heading, sessions);

  block->separator = !first;
  _consult_report_block_add (block, _consult_report_text_item (b, REPORT_STYLE_STEP, name, b->width, 0));
  _consult_report_block_add (block, _consult_report_text_item (b, REPORT_STYLE_META, meta, b->width, 2));
  _consult_report_block_add (block, _consult_report_text_item (b, REPORT_STYLE_META, conditions, b->width, 1));

  add_step_texts (b, block, step);
}

void
_consult_report_add_steps (ReportBuilder *b)
{
  GPtrArray *phases = consult_plan_get_phases (b->report->plan);
  gboolean first = TRUE;

  _consult_report_add_section (b, TR (b, N_("Your treatments")));

  for (guint i = 0; i < phases->len; i++)
    {
      const ConsultPlanPhase *phase = g_ptr_array_index (phases, i);

      for (guint j = 0; j < phase->steps->len; j++)
        {
          add_step (b, phase, g_ptr_array_index (phase->steps, j), first);
          first = FALSE;
        }
    }
}
