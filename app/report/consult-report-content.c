/* consult-report-content.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-report"

#include "config.h"

#include <glib/gi18n.h>

#include "consult-report-private.h"

static void
add_title (ReportBuilder *b)
{
  ReportBlock *block = _consult_report_add_block (b, NULL, 0);

  _consult_report_block_add (block, _consult_report_text_item (b, REPORT_STYLE_TITLE, TR (b, N_("Your treatment plan")), b->width, 0));
  _consult_report_block_add (block,
                             _consult_report_text_item (b, REPORT_STYLE_SUBTITLE,
                                                        TR (b, N_("What we discussed at your consultation: your schedule, what each treatment involves, "
                                                                  "how to prepare for it and how to look after your skin afterwards.")),
                                                        b->width, 6));
}

static char *
status_text (ReportBuilder *b)
{
  ConsultReport *self = b->report;
  g_autofree char *signed_on = NULL;
  g_autofree char *signature = NULL;

  if (self->status == CONSULT_REPORT_STATUS_DRAFT)
    return g_strdup (TR (b, N_("Draft: not yet reviewed and signed by the supervising physician")));

  if (self->signed_at != NULL)
    {
      GDate date;
      g_autofree char *day = NULL;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, g_date_time_get_day_of_month (self->signed_at),
                      g_date_time_get_month (self->signed_at),
                      g_date_time_get_year (self->signed_at));
      day = _consult_report_builder_date (b, &date);
      /* TRANSLATORS: when a plan was signed: a date, then a time such as 14:05 */
      signed_on = g_strdup_printf (TR (b, N_("%1$s at %2$02d:%3$02d")), day,
                                   g_date_time_get_hour (self->signed_at),
                                   g_date_time_get_minute (self->signed_at));
    }

  /* TRANSLATORS: %1$s is the physician's name, %2$s when they signed */
  signature = g_strdup_printf (TR (b, N_("Signed by %1$s on %2$s")),
                               self->signed_by != NULL ? self->signed_by : "—",
                               signed_on != NULL ? signed_on : "—");

  if (self->status == CONSULT_REPORT_STATUS_SUPERSEDED)
    /* TRANSLATORS: %s says who signed the plan and when */
    return g_strdup_printf (TR (b, N_("Superseded by a newer version of this plan. %s.")), signature);

  return g_steal_pointer (&signature);
}

static void
add_details (ReportBuilder *b)
{
  ConsultReport *self = b->report;
  ReportBlock *block = _consult_report_add_block (b, NULL, 18);
  double width = b->width - 2 * REPORT_PANEL_PADDING;
  g_autofree char *birth = _consult_report_builder_date (b, &self->date_of_birth);
  g_autofree char *consulted = _consult_report_builder_date (b, &self->consultation_date);
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
      ReportItem *item = _consult_report_labelled_item (b, TR (b, rows[i].label), REPORT_STYLE_LABEL, REPORT_DETAIL_LABEL, rows[i].style,
                                                        rows[i].value != NULL ? rows[i].value : "—",
                                                        width, i > 0 ? 4 : 0);

      item->indent = REPORT_PANEL_PADDING;
      _consult_report_block_add (block, item);
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
group_not_now (ReportBuilder *b,
               GPtrArray     *groups,
               GHashTable    *index,
               const char    *treatment,
               char          *when,
               char          *reason)
{
  g_autofree char *key = g_strconcat (when != NULL ? when : "", "\n", reason != NULL ? reason : "", NULL);
  NotNow *group = g_hash_table_lookup (index, key);

  if (group != NULL)
    {
      g_string_append (group->names, ", ");
      g_string_append (group->names, _consult_report_builder_name (b, treatment));
      g_free (when);
      g_free (reason);
      return;
    }

  group = g_new0 (NotNow, 1);
  group->names = g_string_new (_consult_report_builder_name (b, treatment));
  group->when = when;
  group->reason = reason;
  g_ptr_array_add (groups, group);
  g_hash_table_insert (index, g_steal_pointer (&key), group);
}

static void
add_not_now (ReportBuilder *b,
             GPtrArray     *groups)
{
  for (guint i = 0; i < groups->len; i++)
    {
      const NotNow *group = g_ptr_array_index (groups, i);
      ReportBlock *block = _consult_report_add_block (b, group->names->str, i == 0 ? 10 : REPORT_BLOCK_SPACE);

      _consult_report_block_add (block, _consult_report_text_item (b, REPORT_STYLE_BODY_STRONG, group->names->str, b->width, 0));
      if (group->when != NULL)
        _consult_report_block_add (block, _consult_report_text_item (b, REPORT_STYLE_META, group->when, b->width, 1));
      if (group->reason != NULL)
        _consult_report_add_paragraphs (b, block, TR (b, N_("Why")), group->reason, 4);
    }
}

static char *
postponed_until (ReportBuilder             *b,
                 const ConsultPlanDeferral *deferral)
{
  g_autofree char *date = NULL;

  if (g_date_valid (&deferral->until_date))
    {
      date = _consult_report_builder_date (b, &deferral->until_date);
      /* TRANSLATORS: %s is a date */
      return g_strdup_printf (TR (b, N_("Postponed until %s")), date);
    }

  /* TRANSLATORS: %s is a condition in words, as the plan gives it: "until
   * your tan has faded" */
  return g_strdup_printf (TR (b, N_("Postponed: %s")),
                          _consult_report_known_text (b->report, deferral->until));
}

static void
add_deferred_and_excluded (ReportBuilder *b)
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
                         _consult_report_explained (b, deferral->reason, (const char * const *) deferral->rules));
        }

      _consult_report_add_section (b, TR (b, N_("Postponed for now")));
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
                         _consult_report_explained (b, exclusion->reason, (const char * const *) exclusion->rules));
        }

      _consult_report_add_section (b, TR (b, N_("Not recommended for you")));
      add_not_now (b, groups);
    }
}

static void
add_sun_protection (ReportBuilder *b)
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

  _consult_report_add_section (b, TR (b, N_("Protecting your skin from the sun")));
  block = _consult_report_add_block (b, TR (b, N_("Protecting your skin from the sun")), 10);
  block->panel = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (advice); i++)
    {
      ReportItem *item = _consult_report_bullet_item (b, TR (b, advice[i]), width, i > 0 ? 4 : 0);

      item->indent = REPORT_PANEL_PADDING;
      _consult_report_block_add (block, item);
    }
}

static const char *
referral_text (ReportBuilder         *b,
               ConsultReferralTarget  target)
{
  switch (target)
    {
    case CONSULT_REFERRAL_DERMATOLOGIST:
      return TR (b, N_("Dermatologist"));
    case CONSULT_REFERRAL_PLASTIC_SURGEON:
      return TR (b, N_("Plastic surgeon"));
    case CONSULT_REFERRAL_PRIMARY_CARE:
    default:
      return TR (b, N_("Your family doctor"));
    }
}

static void
add_referrals_and_warnings (ReportBuilder *b)
{
  GPtrArray *referrals = consult_plan_get_referrals (b->report->plan);
  GPtrArray *warnings = consult_plan_get_warnings (b->report->plan);

  if (referrals->len > 0)
    {
      _consult_report_add_section (b, TR (b, N_("We recommend that you also see")));
      for (guint i = 0; i < referrals->len; i++)
        {
          const ConsultPlanReferral *referral = g_ptr_array_index (referrals, i);
          const char *to = referral_text (b, referral->to);
          ReportBlock *block = _consult_report_add_block (b, to, i > 0 ? REPORT_BLOCK_SPACE : 10);

          g_autofree char *reason = _consult_report_explained (b, referral->reason, (const char * const *) referral->rules);

          _consult_report_block_add (block, _consult_report_text_item (b, REPORT_STYLE_BODY_STRONG, to, b->width, 0));
          if (reason != NULL)
            _consult_report_add_paragraphs (b, block, TR (b, N_("Why")), reason, 4);
        }
    }

  if (warnings->len > 0)
    {
      _consult_report_add_section (b, TR (b, N_("Important")));
      for (guint i = 0; i < warnings->len; i++)
        {
          const ConsultPlanWarning *warning = g_ptr_array_index (warnings, i);
          ReportBlock *block = _consult_report_add_block (b, NULL, i > 0 ? 6 : 10);

          _consult_report_block_add (block,
                                     _consult_report_bullet_item (b, _consult_report_known_text (b->report, warning->text),
                                                                  b->width, 0));
        }
    }
}

static PangoLayout *
signature_caption (ReportBuilder *b,
                   const char    *name,
                   const char    *role,
                   double         width)
{
  g_autofree char *text = NULL;

  text = name != NULL ? g_strdup_printf ("%s\n%s", name, role) : g_strdup (role);

  return _consult_report_layout_new (b->report, REPORT_STYLE_META, text, width);
}

static void
add_signatures (ReportBuilder *b)
{
  ConsultReport *self = b->report;
  ReportBlock *block = _consult_report_add_block (b, NULL, REPORT_SECTION_SPACE);
  double column = (b->width - 36) / 2;
  const char *physician = self->signed_by != NULL ? self->signed_by : self->supervising_physician;

  _consult_report_block_add (block,
                             _consult_report_item_new (REPORT_ITEM_SECTION, NULL, 0,
                                                       _consult_report_layout_new (self, REPORT_STYLE_SECTION,
                                                                                   TR (b, N_("Signatures")), b->width),
                                                       0));
  _consult_report_block_add (block,
                             _consult_report_text_item (b, REPORT_STYLE_BODY,
                                                        TR (b, N_("I have read this plan and had my questions answered. I understand that it is a "
                                                                  "proposal and that the supervising physician confirms each treatment before it is "
                                                                  "performed.")),
                                                        b->width, 10));
  _consult_report_block_add (block,
                             _consult_report_item_new (REPORT_ITEM_SIGNATURES,
                                                       signature_caption (b, self->client_name,
                                                                          TR (b, N_("Client’s signature and date")),
                                                                          column),
                                                       0,
                                                       signature_caption (b, physician,
                                                                          TR (b, N_("Physician’s signature and date")),
                                                                          column),
                                                       4));
}

GPtrArray *
_consult_report_build_blocks (ConsultReport *self,
                              double         width)
{
  ReportBuilder b = { self, NULL, width };

  g_assert (CONSULT_IS_REPORT (self));

  b.blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) _consult_report_block_free);

  add_title (&b);
  add_details (&b);
  _consult_report_add_schedule (&b);
  _consult_report_add_steps (&b);
  add_deferred_and_excluded (&b);
  add_sun_protection (&b);
  add_referrals_and_warnings (&b);
  add_signatures (&b);

  return b.blocks;
}
