/* consult-plan-view.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-plan-view"

#include "config.h"

#include <glib/gi18n.h>

#include "consult-plan-view.h"

/* Shows a plan the way a consultant reads it to a client: alerts nobody
 * can miss first, then the phases as a timeline, then what was put off or
 * ruled out and why. Rebuilt whole when the plan changes: a plan has a few
 * dozen rows at most, and a rebuild keeps no stale state. */
struct _ConsultPlanView
{
  GtkWidget         parent_instance;

  ConsultCatalogue *catalogue;
  ConsultPlan      *plan;
  char             *signed_by;

  GtkScrolledWindow *scroller;
  GtkBox            *alerts_box;
  GtkBox            *phases_box;
  AdwStatusPage     *empty_page;
  GtkStack          *stack;
};

enum {
  PROP_0,
  PROP_PLAN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (ConsultPlanView, consult_plan_view, GTK_TYPE_WIDGET)

static const struct {
  ConsultStepFlags  flag;
  const char       *label;
  const char       *css_class;
} flag_badges[] = {
  { CONSULT_STEP_FLAG_PHYSICIAN_REVIEW, N_("Physician review"), "badge-physician" },
  { CONSULT_STEP_FLAG_TEST_SPOT, N_("Test spot"), "badge-caution" },
  { CONSULT_STEP_FLAG_CONSERVATIVE, N_("Conservative"), "badge-caution" },
  { CONSULT_STEP_FLAG_ANTIVIRAL_PROPHYLAXIS, N_("Antiviral"), "badge-physician" },
  { CONSULT_STEP_FLAG_BRUISING_CONSENT, N_("Bruising consent"), "badge-caution" },
  { CONSULT_STEP_FLAG_REASSESS, N_("Reassess"), "badge-info" },
};

GtkWidget *
consult_plan_view_new (void)
{
  return g_object_new (CONSULT_TYPE_PLAN_VIEW, NULL);
}

static const char *
treatment_name (ConsultPlanView *self,
                const char      *treatment)
{
  const ConsultTreatment *info = NULL;

  if (self->catalogue != NULL)
    info = consult_catalogue_lookup_treatment (self->catalogue, treatment);

  return info != NULL ? consult_treatment_get_name (info) : treatment;
}

static const char *
performer_label (ConsultPerformer performer)
{
  switch (performer)
    {
    case CONSULT_PERFORMER_ESTHETICIAN:
      return _("Esthetician");
    case CONSULT_PERFORMER_NURSE:
      return _("Nurse");
    case CONSULT_PERFORMER_PHYSICIAN_SUPERVISED:
      return _("Physician-supervised");
    case CONSULT_PERFORMER_PHYSICIAN:
      return _("Physician");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* "12 Jan 2027" for @week weeks after the plan's start. */
static char *
week_date (ConsultPlanView *self,
           guint            week)
{
  const GDate *start = consult_plan_get_start_date (self->plan);
  GDate date;
  char text[64];

  if (start == NULL || !g_date_valid (start))
    return NULL;

  date = *start;
  g_date_add_days (&date, week * 7);
  if (g_date_strftime (text, sizeof text, "%-d %b %Y", &date) == 0)
    return NULL;

  return g_strdup (text);
}

static char *
rules_text (char **rules)
{
  g_autofree char *joined = NULL;

  if (rules == NULL || rules[0] == NULL)
    return NULL;

  joined = g_strjoinv (", ", rules);
  /* TRANSLATORS: %s is a list of rule ids such as "R06, R11" */
  return g_strdup_printf (_("Rules: %s"), joined);
}

static GtkWidget *
wrapped_label (const char *text,
               const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

static char *
step_schedule (ConsultPlanView       *self,
               const ConsultPlanStep *step)
{
  g_autofree char *from = week_date (self, step->start_week);
  g_autofree char *cadence = NULL;

  if (step->sessions == 0)
    cadence = g_strdup (_("daily"));
  else if (step->sessions == 1)
    cadence = g_strdup (_("1 session"));
  else
    /* TRANSLATORS: "3 sessions × 4 weeks apart" */
    cadence = g_strdup_printf (ngettext ("%u sessions × %u week apart",
                                         "%u sessions × %u weeks apart",
                                         step->interval_weeks),
                               step->sessions, step->interval_weeks);

  if (from != NULL)
    /* TRANSLATORS: performer · cadence · from week N (date) */
    return g_strdup_printf (_("%s · %s · from week %u (%s)"),
                            performer_label (step->performer), cadence,
                            step->start_week, from);

  return g_strdup_printf (_("%s · %s · from week %u"),
                          performer_label (step->performer), cadence,
                          step->start_week);
}

static GtkWidget *
step_row (ConsultPlanView       *self,
          const ConsultPlanStep *step)
{
  g_autofree char *schedule = step_schedule (self, step);
  g_autofree char *rules = rules_text (step->rules);
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *details = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *badges = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), treatment_name (self, step->treatment));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), schedule);

  gtk_widget_set_valign (badges, GTK_ALIGN_CENTER);
  for (guint i = 0; i < G_N_ELEMENTS (flag_badges); i++)
    {
      GtkWidget *badge;

      if ((step->flags & flag_badges[i].flag) == 0 &&
          !(flag_badges[i].flag == CONSULT_STEP_FLAG_PHYSICIAN_REVIEW && step->requires_physician))
        continue;

      badge = gtk_label_new (_(flag_badges[i].label));
      gtk_widget_add_css_class (badge, "badge");
      gtk_widget_add_css_class (badge, flag_badges[i].css_class);
      gtk_box_append (GTK_BOX (badges), badge);
    }
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), badges);

  gtk_widget_set_margin_start (details, 12);
  gtk_widget_set_margin_end (details, 12);
  gtk_widget_set_margin_top (details, 10);
  gtk_widget_set_margin_bottom (details, 10);
  gtk_box_append (GTK_BOX (details), wrapped_label (step->rationale, NULL));
  if (rules != NULL)
    gtk_box_append (GTK_BOX (details), wrapped_label (rules, "dim-label"));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), details);

  return row;
}

static GtkWidget *
phase_group (ConsultPlanView        *self,
             const ConsultPlanPhase *phase)
{
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  g_autofree char *from = week_date (self, phase->start_week);
  g_autofree char *to = week_date (self, phase->end_week);

  /* TRANSLATORS: "Phase 1 · Stabilise pigment and barrier" */
  title = g_strdup_printf (_("Phase %u · %s"), phase->number, phase->title);
  if (from != NULL && to != NULL)
    /* TRANSLATORS: "Weeks 0–12 · 23 Nov 2026 to 15 Feb 2027" */
    description = g_strdup_printf (_("Weeks %u–%u · %s to %s"),
                                   phase->start_week, phase->end_week, from, to);
  else
    description = g_strdup_printf (_("Weeks %u–%u"), phase->start_week, phase->end_week);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);

  for (guint i = 0; i < phase->steps->len; i++)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               step_row (self, g_ptr_array_index (phase->steps, i)));

  return group;
}

/* "Until 20 May 2027", or the condition in words ("Until the tan has
 * faded"), as the plan states it. */
static char *
deferral_until (const ConsultPlanDeferral *deferral)
{
  char text[64];
  char first[7] = { 0 };

  if (g_date_valid (&deferral->until_date) &&
      g_date_strftime (text, sizeof text, "%-d %b %Y", &deferral->until_date) > 0)
    /* TRANSLATORS: %s is a date */
    return g_strdup_printf (_("Until %s"), text);

  if (deferral->until[0] == '\0')
    return NULL;

  g_unichar_to_utf8 (g_unichar_totitle (g_utf8_get_char (deferral->until)), first);

  return g_strconcat (first, g_utf8_next_char (deferral->until), NULL);
}

static GtkWidget *
reason_row (ConsultPlanView *self,
            const char      *treatment,
            const char      *when,
            const char      *reason,
            char           **rules)
{
  g_autofree char *rules_label = rules_text (rules);
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *details = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), treatment_name (self, treatment));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (when != NULL)
    adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), when);

  gtk_widget_set_margin_start (details, 12);
  gtk_widget_set_margin_end (details, 12);
  gtk_widget_set_margin_top (details, 10);
  gtk_widget_set_margin_bottom (details, 10);
  gtk_box_append (GTK_BOX (details), wrapped_label (reason, NULL));
  if (rules_label != NULL)
    gtk_box_append (GTK_BOX (details), wrapped_label (rules_label, "dim-label"));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), details);
  /* The reason is the point of these rows: show it without a click. */
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);

  return row;
}

static GtkWidget *
alert (const char *icon_name,
       const char *css_class,
       const char *title,
       const char *text)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);
  GtkWidget *heading = wrapped_label (title, "heading");

  gtk_widget_add_css_class (box, "plan-alert");
  gtk_widget_add_css_class (box, css_class);
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (texts), heading);
  gtk_box_append (GTK_BOX (texts), wrapped_label (text, NULL));
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (box), texts);

  return box;
}

static const char *
referral_title (ConsultReferralTarget to)
{
  switch (to)
    {
    case CONSULT_REFERRAL_DERMATOLOGIST:
      return _("Refer to a dermatologist");
    case CONSULT_REFERRAL_PLASTIC_SURGEON:
      return _("Refer to a plastic surgeon");
    case CONSULT_REFERRAL_PRIMARY_CARE:
      return _("Refer to primary care");
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static void
consult_plan_view_rebuild (ConsultPlanView *self)
{
  GPtrArray *items;

  g_assert (CONSULT_IS_PLAN_VIEW (self));

  clear_box (self->alerts_box);
  clear_box (self->phases_box);

  if (self->plan == NULL)
    {
      gtk_stack_set_visible_child (self->stack, GTK_WIDGET (self->empty_page));
      return;
    }

  items = consult_plan_get_referrals (self->plan);
  for (guint i = 0; i < items->len; i++)
    {
      const ConsultPlanReferral *referral = g_ptr_array_index (items, i);

      gtk_box_append (self->alerts_box,
                      alert ("dialog-warning-symbolic", "error",
                             referral_title (referral->to), referral->reason));
    }

  items = consult_plan_get_warnings (self->plan);
  for (guint i = 0; i < items->len; i++)
    {
      const ConsultPlanWarning *warning = g_ptr_array_index (items, i);

      gtk_box_append (self->alerts_box,
                      alert ("dialog-information-symbolic", "warning",
                             _("Warning"), warning->text));
    }

  if (self->signed_by != NULL)
    {
      /* TRANSLATORS: %s is the signing physician's name */
      g_autofree char *text = g_strdup_printf (_("Signed by %s. A signed plan cannot be changed; "
                                                 "amending it makes a new version."),
                                               self->signed_by);

      gtk_box_append (self->alerts_box,
                      alert ("emblem-ok-symbolic", "success", _("Signed"), text));
    }
  else if (consult_plan_get_requires_physician_signoff (self->plan))
    gtk_box_append (self->alerts_box,
                    alert ("emblem-important-symbolic", "accent",
                           _("Physician sign-off required"),
                           _("The supervising physician must review and sign this plan before treatment starts.")));

  items = consult_plan_get_phases (self->plan);
  for (guint i = 0; i < items->len; i++)
    gtk_box_append (self->phases_box, phase_group (self, g_ptr_array_index (items, i)));

  items = consult_plan_get_deferred (self->plan);
  if (items->len > 0)
    {
      GtkWidget *group = adw_preferences_group_new ();

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Deferred"));
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                             _("Possible later, once the condition is met"));
      for (guint i = 0; i < items->len; i++)
        {
          const ConsultPlanDeferral *deferral = g_ptr_array_index (items, i);
          g_autofree char *until = deferral_until (deferral);

          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                     reason_row (self, deferral->treatment, until,
                                                 deferral->reason, deferral->rules));
        }
      gtk_box_append (self->phases_box, group);
    }

  items = consult_plan_get_excluded (self->plan);
  if (items->len > 0)
    {
      GtkWidget *group = adw_preferences_group_new ();

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Not Recommended"));
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                             _("Ruled out for this client, with the reason"));
      for (guint i = 0; i < items->len; i++)
        {
          const ConsultPlanExclusion *exclusion = g_ptr_array_index (items, i);

          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                     reason_row (self, exclusion->treatment, NULL,
                                                 exclusion->reason, exclusion->rules));
        }
      gtk_box_append (self->phases_box, group);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->alerts_box),
                          gtk_widget_get_first_child (GTK_WIDGET (self->alerts_box)) != NULL);
  gtk_stack_set_visible_child (self->stack, GTK_WIDGET (self->scroller));
}

void
consult_plan_view_set_catalogue (ConsultPlanView  *self,
                                 ConsultCatalogue *catalogue)
{
  g_return_if_fail (CONSULT_IS_PLAN_VIEW (self));

  if (g_set_object (&self->catalogue, catalogue))
    consult_plan_view_rebuild (self);
}

/* The signing physician, or NULL for a plan not signed (yet). */
void
consult_plan_view_set_signed_by (ConsultPlanView *self,
                                 const char      *physician)
{
  g_return_if_fail (CONSULT_IS_PLAN_VIEW (self));

  if (g_strcmp0 (self->signed_by, physician) == 0)
    return;

  g_free (self->signed_by);
  self->signed_by = g_strdup (physician);
  consult_plan_view_rebuild (self);
}

ConsultPlan *
consult_plan_view_get_plan (ConsultPlanView *self)
{
  g_return_val_if_fail (CONSULT_IS_PLAN_VIEW (self), NULL);

  return self->plan;
}

void
consult_plan_view_set_plan (ConsultPlanView *self,
                            ConsultPlan     *plan)
{
  g_return_if_fail (CONSULT_IS_PLAN_VIEW (self));
  g_return_if_fail (!plan || CONSULT_IS_PLAN (plan));

  if (g_set_object (&self->plan, plan))
    {
      consult_plan_view_rebuild (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
    }
}

static void
consult_plan_view_dispose (GObject *object)
{
  ConsultPlanView *self = CONSULT_PLAN_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CONSULT_TYPE_PLAN_VIEW);
  g_clear_object (&self->plan);
  g_clear_object (&self->catalogue);
  g_clear_pointer (&self->signed_by, g_free);

  G_OBJECT_CLASS (consult_plan_view_parent_class)->dispose (object);
}

static void
consult_plan_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ConsultPlanView *self = CONSULT_PLAN_VIEW (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
consult_plan_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  ConsultPlanView *self = CONSULT_PLAN_VIEW (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      consult_plan_view_set_plan (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
consult_plan_view_class_init (ConsultPlanViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = consult_plan_view_dispose;
  object_class->get_property = consult_plan_view_get_property;
  object_class->set_property = consult_plan_view_set_property;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL,
                         CONSULT_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/consult-plan-view.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "planview");
  gtk_widget_class_bind_template_child (widget_class, ConsultPlanView, stack);
  gtk_widget_class_bind_template_child (widget_class, ConsultPlanView, scroller);
  gtk_widget_class_bind_template_child (widget_class, ConsultPlanView, alerts_box);
  gtk_widget_class_bind_template_child (widget_class, ConsultPlanView, phases_box);
  gtk_widget_class_bind_template_child (widget_class, ConsultPlanView, empty_page);
}

static void
consult_plan_view_init (ConsultPlanView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
