/* consult-report-content.c
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

#define SECTION_SPACE     24.0
#define BLOCK_SPACE       14.0
#define LINE_SPACE         5.0
#define DETAIL_LABEL      (STEP_LABEL - REPORT_PANEL_PADDING)
#define STEP_LABEL        126.0
#define SCHEDULE_LABEL    168.0
#define BULLET_INDENT      14.0

/* Builds the document one block after another, @width points wide. */
typedef struct
{
  ConsultReport *report;
  GPtrArray     *blocks;
  double         width;
} Builder;

static const char *tr (Builder    *b,
                       const char *msgid) G_GNUC_FORMAT (2);

static const char *
tr (Builder    *b,
    const char *msgid)
{
  return _consult_report_tr (b->report, msgid);
}

static ReportItem *
text_item (Builder     *b,
           ReportStyle  style,
           const char  *text,
           double       width,
           double       space_before)
{
  return _consult_report_item_new (REPORT_ITEM_TEXT, NULL, 0,
                                   _consult_report_layout_new (b->report, style, text, width),
                                   space_before);
}

/* A caption in a left column beside its text. */
static ReportItem *
labelled_item (Builder     *b,
               const char  *label,
               ReportStyle  label_style,
               double       label_width,
               ReportStyle  style,
               const char  *text,
               double       width,
               double       space_before)
{
  PangoLayout *caption = NULL;

  if (label != NULL)
    caption = _consult_report_layout_new (b->report, label_style, label, label_width - 12);

  return _consult_report_item_new (REPORT_ITEM_TEXT, caption, label_width,
                                   _consult_report_layout_new (b->report, style, text, width - label_width),
                                   space_before);
}

static ReportItem *
bullet_item (Builder    *b,
             const char *text,
             double      width,
             double      space_before)
{
  ReportItem *item = _consult_report_item_new (REPORT_ITEM_TEXT, NULL, BULLET_INDENT,
                                               _consult_report_layout_new (b->report, REPORT_STYLE_BODY,
                                                                           text, width - BULLET_INDENT),
                                               space_before);

  item->bullet = TRUE;
  return item;
}

static ReportBlock *
add_block (Builder    *b,
           const char *title,
           double      space_before)
{
  ReportBlock *block = _consult_report_block_new (title, space_before);

  g_ptr_array_add (b->blocks, block);
  return block;
}

static void
add_section (Builder    *b,
             const char *title)
{
  ReportBlock *block = add_block (b, NULL, SECTION_SPACE);

  block->keep_with_next = TRUE;
  _consult_report_block_add (block,
                             _consult_report_item_new (REPORT_ITEM_SECTION, NULL, 0,
                                                       _consult_report_layout_new (b->report, REPORT_STYLE_SECTION,
                                                                                   title, b->width),
                                                       0));
}

/* Adds @text as paragraphs (one per line of @text), the first beside
 * @label: a long rationale can then be carried over to the next page
 * between paragraphs. */
static void
add_paragraphs (Builder     *b,
                ReportBlock *block,
                const char  *label,
                const char  *text,
                double       space_before)
{
  g_auto (GStrv) paragraphs = g_strsplit (text, "\n", -1);
  gboolean first = TRUE;

  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_strstrip (paragraphs[i]);
      if (*paragraphs[i] == '\0')
        continue;

      _consult_report_block_add (block,
                                 labelled_item (b, first ? label : NULL, REPORT_STYLE_LABEL, STEP_LABEL, REPORT_STYLE_BODY,
                                                paragraphs[i], b->width, first ? space_before : LINE_SPACE));
      first = FALSE;
    }
}

static char *
format_date (Builder     *b,
             const GDate *date)
{
  return _consult_report_format_date (b->report, date, FALSE);
}

static const char *
treatment_name (Builder    *b,
                const char *treatment)
{
  return _consult_report_treatment_name (b->report, treatment);
}

/* @stored (a reason the planner wrote from @rules' rationales) in the
 * report's language when it can be, as stored otherwise. */
static char *
explained (Builder            *b,
           const char         *stored,
           const char * const *rules)
{
  char *translated = _consult_report_explain (b->report, stored, "", rules);

  return translated != NULL ? translated : g_strdup (_consult_report_known_text (b->report, stored));
}

static void
add_title (Builder *b)
{
  ReportBlock *block = add_block (b, NULL, 0);

  _consult_report_block_add (block, text_item (b, REPORT_STYLE_TITLE, tr (b, N_("Your treatment plan")), b->width, 0));
  _consult_report_block_add (block,
                             text_item (b, REPORT_STYLE_SUBTITLE,
                                        tr (b, N_("What we discussed at your consultation: your schedule, what each treatment involves, "
                                                  "how to prepare for it and how to look after your skin afterwards.")),
                                        b->width, 6));
}

static char *
status_text (Builder *b)
{
  ConsultReport *self = b->report;
  g_autofree char *signed_on = NULL;
  g_autofree char *signature = NULL;

  if (self->status == CONSULT_REPORT_STATUS_DRAFT)
    return g_strdup (tr (b, N_("Draft: not yet reviewed and signed by the supervising physician")));

  if (self->signed_at != NULL)
    {
      GDate date;
      g_autofree char *day = NULL;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, g_date_time_get_day_of_month (self->signed_at),
                      g_date_time_get_month (self->signed_at),
                      g_date_time_get_year (self->signed_at));
      day = format_date (b, &date);
      /* TRANSLATORS: when a plan was signed: a date, then a time such as 14:05 */
      signed_on = g_strdup_printf (tr (b, N_("%1$s at %2$02d:%3$02d")), day,
                                   g_date_time_get_hour (self->signed_at),
                                   g_date_time_get_minute (self->signed_at));
    }

  /* TRANSLATORS: %1$s is the physician's name, %2$s when they signed */
  signature = g_strdup_printf (tr (b, N_("Signed by %1$s on %2$s")),
                               self->signed_by != NULL ? self->signed_by : "—",
                               signed_on != NULL ? signed_on : "—");

  if (self->status == CONSULT_REPORT_STATUS_SUPERSEDED)
    /* TRANSLATORS: %s says who signed the plan and when */
    return g_strdup_printf (tr (b, N_("Superseded by a newer version of this plan. %s.")), signature);

  return g_steal_pointer (&signature);
}

static void
add_details (Builder *b)
{
  ConsultReport *self = b->report;
  ReportBlock *block = add_block (b, NULL, 18);
  double width = b->width - 2 * REPORT_PANEL_PADDING;
  g_autofree char *birth = format_date (b, &self->date_of_birth);
  g_autofree char *consulted = format_date (b, &self->consultation_date);
  g_autofree char *status = status_text (b);
  const char *physician = self->supervising_physician;
  struct { const char *label; const char *value; ReportStyle style; } rows[] = {
    { N_("Client"), self->client_name, REPORT_STYLE_STEP },
    { N_("Date of birth"), birth, REPORT_STYLE_BODY },
    { N_("Consultation date"), consulted, REPORT_STYLE_BODY },
    { N_("Consultant"), self->consultant, REPORT_STYLE_BODY },
    { N_("Supervising physician"), physician != NULL ? physician : self->signed_by, REPORT_STYLE_BODY },
    { N_("Plan status"), status, REPORT_STYLE_BODY },
  };

  block->panel = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      ReportItem *item = labelled_item (b, tr (b, rows[i].label), REPORT_STYLE_LABEL, DETAIL_LABEL, rows[i].style,
                                        rows[i].value != NULL ? rows[i].value : "—",
                                        width, i > 0 ? 4 : 0);

      item->indent = REPORT_PANEL_PADDING;
      _consult_report_block_add (block, item);
    }
}

static const char *
phase_title (Builder                *b,
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
week_date (Builder *b,
           guint    week,
           GDate   *date)
{
  *date = *consult_plan_get_start_date (b->report->plan);
  consult_date_add_weeks (date, week);
}

/* "Daily, from 23 Nov 2026" or "3 sessions, every 4 weeks: 4 Jan 2027,
 * 1 Feb 2027, 1 Mar 2027": every session's date, counted from the plan's
 * start date. */
static char *
session_text (Builder               *b,
              const ConsultPlanStep *step)
{
  g_autoptr (GString) dates = g_string_new (NULL);
  GDate first;
  g_autofree char *first_text = NULL;

  week_date (b, step->start_week, &first);
  first_text = _consult_report_format_date (b->report, &first, TRUE);

  if (step->sessions == 0)
    return g_strdup_printf (tr (b, N_("Daily, from %s")), first_text);
  if (step->sessions == 1)
    return g_strdup_printf (tr (b, N_("One session, on %s")), first_text);
  if (step->interval_weeks == 0)
    return g_strdup_printf (tr (b, N_("%1$u sessions, from %2$s")), step->sessions, first_text);

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
    return g_strdup_printf (tr (b, N_("%1$u sessions, weekly: %2$s")), step->sessions, dates->str);

  /* TRANSLATORS: %1$u (2 or more) sessions, every %2$u (2 or more) weeks,
   * %3$s their dates */
  return g_strdup_printf (tr (b, N_("%1$u sessions, every %2$u weeks: %3$s")),
                          step->sessions, step->interval_weeks, dates->str);
}

static char *
phase_heading (Builder                *b,
               const ConsultPlanPhase *phase)
{
  /* TRANSLATORS: %1$u is the phase's number, %2$s its title */
  return g_strdup_printf (tr (b, N_("Phase %1$u: %2$s")), phase->number, phase_title (b, phase));
}

static void
add_schedule (Builder *b)
{
  GPtrArray *phases = consult_plan_get_phases (b->report->plan);

  add_section (b, tr (b, N_("Your schedule")));

  for (guint i = 0; i < phases->len; i++)
    {
      const ConsultPlanPhase *phase = g_ptr_array_index (phases, i);
      g_autofree char *heading = phase_heading (b, phase);
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;
      g_autofree char *weeks = NULL;
      ReportBlock *block = add_block (b, heading, i > 0 ? BLOCK_SPACE : 10);
      GDate date;

      week_date (b, phase->start_week, &date);
      from = format_date (b, &date);
      week_date (b, phase->end_week, &date);
      to = format_date (b, &date);
      /* TRANSLATORS: a phase's span: its first and last week (counted
       * from the plan's start, week 0) and their dates */
      weeks = g_strdup_printf (tr (b, N_("Weeks %1$u to %2$u, from %3$s to %4$s")),
                               phase->start_week, phase->end_week, from, to);

      _consult_report_block_add (block, text_item (b, REPORT_STYLE_PHASE, heading, b->width, 0));
      _consult_report_block_add (block, text_item (b, REPORT_STYLE_META, weeks, b->width, 1));

      for (guint j = 0; j < phase->steps->len; j++)
        {
          const ConsultPlanStep *step = g_ptr_array_index (phase->steps, j);
          g_autofree char *sessions = session_text (b, step);

          _consult_report_block_add (block,
                                     labelled_item (b, treatment_name (b, step->treatment),
                                                    REPORT_STYLE_BODY_STRONG, SCHEDULE_LABEL,
                                                    REPORT_STYLE_BODY, sessions, b->width,
                                                    j > 0 ? 4 : 7));
        }
    }
}

static const char *
performer_text (Builder          *b,
                ConsultPerformer  performer)
{
  switch (performer)
    {
    case CONSULT_PERFORMER_ESTHETICIAN:
      return tr (b, N_("Performed by an aesthetician"));
    case CONSULT_PERFORMER_NURSE:
      return tr (b, N_("Performed by a nurse, physician assistant or nurse practitioner"));
    case CONSULT_PERFORMER_PHYSICIAN_SUPERVISED:
      return tr (b, N_("Performed under the supervision of a physician"));
    case CONSULT_PERFORMER_PHYSICIAN:
    default:
      return tr (b, N_("Performed by a physician"));
    }
}

static const char *
flag_text (Builder          *b,
           ConsultStepFlags  flag)
{
  switch (flag)
    {
    case CONSULT_STEP_FLAG_TEST_SPOT:
      return tr (b, N_("a test spot first"));
    case CONSULT_STEP_FLAG_CONSERVATIVE:
      return tr (b, N_("conservative settings"));
    case CONSULT_STEP_FLAG_PHYSICIAN_REVIEW:
      return tr (b, N_("a physician’s review beforehand"));
    case CONSULT_STEP_FLAG_ANTIVIRAL_PROPHYLAXIS:
      return tr (b, N_("antiviral medicine beforehand, prescribed by your physician"));
    case CONSULT_STEP_FLAG_BRUISING_CONSENT:
      return tr (b, N_("your consent to the risk of bruising"));
    case CONSULT_STEP_FLAG_REASSESS:
      return tr (b, N_("a reassessment before the next step"));
    case CONSULT_STEP_FLAG_NONE:
    default:
      return NULL;
    }
}

/* "Performed by a nurse. A physician approves it first. With: a test
 * spot first, conservative settings." */
static char *
step_conditions (Builder               *b,
                 const ConsultPlanStep *step)
{
  g_autoptr (GString) text = g_string_new (performer_text (b, step->performer));
  g_autoptr (GString) flags = g_string_new (NULL);

  g_string_append (text, ". ");
  if (step->requires_physician)
    {
      g_string_append (text, tr (b, N_("A physician approves it before it starts.")));
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
    g_string_append_printf (text, tr (b, N_("With %s.")), flags->str);

  g_strchomp (text->str);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* What it is, why, what to expect, before and after: the catalogue's
 * texts around the plan's rationale.  A rationale the planner composed
 * from the catalogue (the treatment's summary, then its rules') is
 * printed in the report's language without repeating the summary. */
static void
add_step_texts (Builder               *b,
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
      add_paragraphs (b, block, tr (b, rows[i].label), rows[i].text, space);
      space = 5;
    }
}

static void
add_step (Builder               *b,
          const ConsultPlanPhase *phase,
          const ConsultPlanStep  *step,
          gboolean                first)
{
  const char *name = treatment_name (b, step->treatment);
  ReportBlock *block = add_block (b, name, first ? 10 : BLOCK_SPACE + 4);
  g_autofree char *heading = phase_heading (b, phase);
  g_autofree char *sessions = session_text (b, step);
  g_autofree char *conditions = step_conditions (b, step);
  g_autofree char *meta = g_strdup_printf ("%s  ·  %s", heading, sessions);

  block->separator = !first;
  _consult_report_block_add (block, text_item (b, REPORT_STYLE_STEP, name, b->width, 0));
  _consult_report_block_add (block, text_item (b, REPORT_STYLE_META, meta, b->width, 2));
  _consult_report_block_add (block, text_item (b, REPORT_STYLE_META, conditions, b->width, 1));

  add_step_texts (b, block, step);
}

static void
add_steps (Builder *b)
{
  GPtrArray *phases = consult_plan_get_phases (b->report->plan);
  gboolean first = TRUE;

  add_section (b, tr (b, N_("Your treatments")));

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

/* Treatments postponed or excluded for the same reason (and, postponed,
 * until the same time) share one block: a rule that rules out five
 * devices is explained once, under their five names. */
typedef struct
{
  GString *names;
  char    *when;
  char    *reason;
} NotNow;

static void
not_now_free (NotNow *group)
{
  g_string_free (group->names, TRUE);
  g_free (group->when);
  g_free (group->reason);
  g_free (group);
}

static void
group_not_now (Builder    *b,
               GPtrArray  *groups,
               GHashTable *index,
               const char *treatment,
               char       *when,
               char       *reason)
{
  g_autofree char *key = g_strconcat (when != NULL ? when : "", "\n", reason != NULL ? reason : "", NULL);
  NotNow *group = g_hash_table_lookup (index, key);

  if (group != NULL)
    {
      g_string_append (group->names, ", ");
      g_string_append (group->names, treatment_name (b, treatment));
      g_free (when);
      g_free (reason);
      return;
    }

  group = g_new0 (NotNow, 1);
  group->names = g_string_new (treatment_name (b, treatment));
  group->when = when;
  group->reason = reason;
  g_ptr_array_add (groups, group);
  g_hash_table_insert (index, g_steal_pointer (&key), group);
}

static void
add_not_now (Builder   *b,
             GPtrArray *groups)
{
  for (guint i = 0; i < groups->len; i++)
    {
      const NotNow *group = g_ptr_array_index (groups, i);
      ReportBlock *block = add_block (b, group->names->str, i == 0 ? 10 : BLOCK_SPACE);

      _consult_report_block_add (block, text_item (b, REPORT_STYLE_BODY_STRONG, group->names->str, b->width, 0));
      if (group->when != NULL)
        _consult_report_block_add (block, text_item (b, REPORT_STYLE_META, group->when, b->width, 1));
      if (group->reason != NULL)
        add_paragraphs (b, block, tr (b, N_("Why")), group->reason, 4);
    }
}

static char *
postponed_until (Builder                   *b,
                 const ConsultPlanDeferral *deferral)
{
  g_autofree char *date = NULL;

  if (g_date_valid (&deferral->until_date))
    {
      date = format_date (b, &deferral->until_date);
      /* TRANSLATORS: %s is a date */
      return g_strdup_printf (tr (b, N_("Postponed until %s")), date);
    }

  /* TRANSLATORS: %s is a condition in words, as the plan gives it: "until
   * your tan has faded" */
  return g_strdup_printf (tr (b, N_("Postponed: %s")),
                          _consult_report_known_text (b->report, deferral->until));
}

static void
add_deferred_and_excluded (Builder *b)
{
  GPtrArray *deferred = consult_plan_get_deferred (b->report->plan);
  GPtrArray *excluded = consult_plan_get_excluded (b->report->plan);

  if (deferred->len > 0)
    {
      g_autoptr (GPtrArray) groups = g_ptr_array_new_with_free_func ((GDestroyNotify) not_now_free);
      g_autoptr (GHashTable) index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      for (guint i = 0; i < deferred->len; i++)
        {
          const ConsultPlanDeferral *deferral = g_ptr_array_index (deferred, i);

          group_not_now (b, groups, index, deferral->treatment, postponed_until (b, deferral),
                         explained (b, deferral->reason, (const char * const *) deferral->rules));
        }

      add_section (b, tr (b, N_("Postponed for now")));
      add_not_now (b, groups);
    }

  if (excluded->len > 0)
    {
      g_autoptr (GPtrArray) groups = g_ptr_array_new_with_free_func ((GDestroyNotify) not_now_free);
      g_autoptr (GHashTable) index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      for (guint i = 0; i < excluded->len; i++)
        {
          const ConsultPlanExclusion *exclusion = g_ptr_array_index (excluded, i);

          group_not_now (b, groups, index, exclusion->treatment, NULL,
                         explained (b, exclusion->reason, (const char * const *) exclusion->rules));
        }

      add_section (b, tr (b, N_("Not recommended for you")));
      add_not_now (b, groups);
    }
}

static void
add_sun_protection (Builder *b)
{
  static const char * const advice[] = {
    N_("Every morning, all year round, apply a broad-spectrum sunscreen of SPF 30 or higher to your face, neck and hands, "
       "and reapply it every two hours when you are outdoors."),
    N_("If pigment or melasma is a concern, choose a tinted sunscreen with iron oxides: it also blocks the visible light "
       "that darkens pigment."),
    N_("Wear a wide-brimmed hat and seek shade around midday. Sunscreen alone is not enough on a beach or in the snow."),
    N_("Tell us before each session about any tan, sunburn or holiday in the sun: some treatments must then wait."),
    N_("After peels, laser and needling treatments your skin burns more easily for several weeks; follow the aftercare "
       "for each treatment closely."),
  };
  ReportBlock *block;
  double width = b->width - 2 * REPORT_PANEL_PADDING;

  add_section (b, tr (b, N_("Protecting your skin from the sun")));
  block = add_block (b, tr (b, N_("Protecting your skin from the sun")), 10);
  block->panel = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (advice); i++)
    {
      ReportItem *item = bullet_item (b, tr (b, advice[i]), width, i > 0 ? 4 : 0);

      item->indent = REPORT_PANEL_PADDING;
      _consult_report_block_add (block, item);
    }
}

static const char *
referral_text (Builder               *b,
               ConsultReferralTarget  target)
{
  switch (target)
    {
    case CONSULT_REFERRAL_DERMATOLOGIST:
      return tr (b, N_("Dermatologist"));
    case CONSULT_REFERRAL_PLASTIC_SURGEON:
      return tr (b, N_("Plastic surgeon"));
    case CONSULT_REFERRAL_PRIMARY_CARE:
    default:
      return tr (b, N_("Your family doctor"));
    }
}

static void
add_referrals_and_warnings (Builder *b)
{
  GPtrArray *referrals = consult_plan_get_referrals (b->report->plan);
  GPtrArray *warnings = consult_plan_get_warnings (b->report->plan);

  if (referrals->len > 0)
    {
      add_section (b, tr (b, N_("We recommend that you also see")));
      for (guint i = 0; i < referrals->len; i++)
        {
          const ConsultPlanReferral *referral = g_ptr_array_index (referrals, i);
          const char *to = referral_text (b, referral->to);
          ReportBlock *block = add_block (b, to, i > 0 ? BLOCK_SPACE : 10);

          g_autofree char *reason = explained (b, referral->reason, (const char * const *) referral->rules);

          _consult_report_block_add (block, text_item (b, REPORT_STYLE_BODY_STRONG, to, b->width, 0));
          if (reason != NULL)
            add_paragraphs (b, block, tr (b, N_("Why")), reason, 4);
        }
    }

  if (warnings->len > 0)
    {
      add_section (b, tr (b, N_("Important")));
      for (guint i = 0; i < warnings->len; i++)
        {
          const ConsultPlanWarning *warning = g_ptr_array_index (warnings, i);
          ReportBlock *block = add_block (b, NULL, i > 0 ? 6 : 10);

          _consult_report_block_add (block,
                                     bullet_item (b, _consult_report_known_text (b->report, warning->text),
                                                  b->width, 0));
        }
    }
}

static PangoLayout *
signature_caption (Builder    *b,
                   const char *name,
                   const char *role,
                   double      width)
{
  g_autofree char *text = NULL;

  text = name != NULL ? g_strdup_printf ("%s\n%s", name, role) : g_strdup (role);

  return _consult_report_layout_new (b->report, REPORT_STYLE_META, text, width);
}

static void
add_signatures (Builder *b)
{
  ConsultReport *self = b->report;
  ReportBlock *block = add_block (b, NULL, SECTION_SPACE);
  double column = (b->width - 36) / 2;
  const char *physician = self->signed_by != NULL ? self->signed_by : self->supervising_physician;

  _consult_report_block_add (block,
                             _consult_report_item_new (REPORT_ITEM_SECTION, NULL, 0,
                                                       _consult_report_layout_new (self, REPORT_STYLE_SECTION,
                                                                                   tr (b, N_("Signatures")), b->width),
                                                       0));
  _consult_report_block_add (block,
                             text_item (b, REPORT_STYLE_BODY,
                                        tr (b, N_("I have read this plan and had my questions answered. I understand that it is a "
                                                  "proposal and that the supervising physician confirms each treatment before it is "
                                                  "performed.")),
                                        b->width, 10));
  _consult_report_block_add (block,
                             _consult_report_item_new (REPORT_ITEM_SIGNATURES,
                                                       signature_caption (b, self->client_name,
                                                                          tr (b, N_("Client’s signature and date")),
                                                                          column),
                                                       0,
                                                       signature_caption (b, physician,
                                                                          tr (b, N_("Physician’s signature and date")),
                                                                          column),
                                                       4));
}

GPtrArray *
_consult_report_build_blocks (ConsultReport *self,
                              double         width)
{
  Builder b = { self, NULL, width };

  g_assert (CONSULT_IS_REPORT (self));

  b.blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) _consult_report_block_free);

  add_title (&b);
  add_details (&b);
  add_schedule (&b);
  add_steps (&b);
  add_deferred_and_excluded (&b);
  add_sun_protection (&b);
  add_referrals_and_warnings (&b);
  add_signatures (&b);

  return b.blocks;
}
