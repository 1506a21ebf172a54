/* consult-consultation-view.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-consultation-view"

#include "config.h"

#include <glib/gi18n.h>

#include "consult-consultation-view-private.h"

/* A consultation in progress: the intake on the left, the plan it gives
 * on the right, recomputed as the answers change. The planner is a pure
 * function that takes microseconds, so it runs on the main loop, once per
 * burst of changes (an idle), never with a half-applied edit. */

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_PLAN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ConsultConsultationView, consult_consultation_view, GTK_TYPE_WIDGET)

GtkWidget *
consult_consultation_view_new (ConsultContext *context)
{
  g_return_val_if_fail (CONSULT_IS_CONTEXT (context), NULL);

  return g_object_new (CONSULT_TYPE_CONSULTATION_VIEW,
                       "context", context,
                       NULL);
}

static void
consult_consultation_view_replan (ConsultConsultationView *self)
{
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (ConsultPlan) plan = NULL;
  GDate start;

  g_assert (CONSULT_IS_CONSULTATION_VIEW (self));

  if (self->intake != NULL)
    {
      problems = consult_intake_validate (self->intake);
      consult_intake_wizard_show_problems (self->wizard, problems);

      /* A plan from an incomplete intake could leave out a rule that the
       * missing answer would have fired: show none rather than a wrong one. */
      if (problems->len == 0 &&
          consult_intake_get_date (self->intake, "consultation_date", &start))
        plan = consult_planner_plan (consult_context_get_planner (self->context),
                                     self->intake, &start);
    }

  if (g_set_object (&self->plan, plan))
    {
      consult_plan_view_set_plan (self->plan_view, plan);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
    }

  _consult_consultation_view_update_record (self);
}

static gboolean
replan_idle_cb (gpointer data)
{
  ConsultConsultationView *self = data;

  self->replan_source = 0;
  consult_consultation_view_replan (self);

  return G_SOURCE_REMOVE;
}

static void
intake_changed_cb (ConsultConsultationView *self,
                   const char              *path,
                   ConsultIntake           *intake)
{
  if (self->replan_source == 0)
    self->replan_source = g_idle_add (replan_idle_cb, self);

  _consult_consultation_view_schedule_draft (self);
}

ConsultIntake *
consult_consultation_view_get_intake (ConsultConsultationView *self)
{
  g_return_val_if_fail (CONSULT_IS_CONSULTATION_VIEW (self), NULL);

  return self->intake;
}

void
consult_consultation_view_set_intake (ConsultConsultationView *self,
                                      ConsultIntake           *intake)
{
  g_return_if_fail (CONSULT_IS_CONSULTATION_VIEW (self));
  g_return_if_fail (!intake || CONSULT_IS_INTAKE (intake));

  if (self->intake != NULL)
    g_signal_handlers_disconnect_by_func (self->intake, intake_changed_cb, self);

  g_set_object (&self->intake, intake);

  if (intake != NULL)
    g_signal_connect_object (intake, "changed", G_CALLBACK (intake_changed_cb), self,
                             G_CONNECT_SWAPPED);

  consult_intake_wizard_set_intake (self->wizard, intake);
  consult_intake_wizard_set_page (self->wizard, "client");
  g_clear_handle_id (&self->replan_source, g_source_remove);
  g_clear_handle_id (&self->draft_source, g_source_remove);
  _consult_consultation_view_reset_record (self);
  consult_consultation_view_replan (self);
}

ConsultPlan *
consult_consultation_view_get_plan (ConsultConsultationView *self)
{
  g_return_val_if_fail (CONSULT_IS_CONSULTATION_VIEW (self), NULL);

  /* Callers act on what is on screen: settle a pending recomputation. */
  if (self->replan_source != 0)
    {
      g_clear_handle_id (&self->replan_source, g_source_remove);
      consult_consultation_view_replan (self);
    }

  return self->plan;
}

const char *
consult_consultation_view_get_client_id (ConsultConsultationView *self)
{
  g_return_val_if_fail (CONSULT_IS_CONSULTATION_VIEW (self), NULL);

  return self->client_id;
}

/* The plan version in the records, NULL until saved. */
const char *
consult_consultation_view_get_plan_id (ConsultConsultationView *self)
{
  g_return_val_if_fail (CONSULT_IS_CONSULTATION_VIEW (self), NULL);

  return self->plan_id;
}

void
consult_consultation_view_set_client_id (ConsultConsultationView *self,
                                         const char              *client_id)
{
  g_return_if_fail (CONSULT_IS_CONSULTATION_VIEW (self));

  if (g_strcmp0 (self->client_id, client_id) != 0)
    {
      g_free (self->client_id);
      self->client_id = g_strdup (client_id);
    }
}

GtkWidget *
consult_consultation_view_get_wizard (ConsultConsultationView *self)
{
  g_return_val_if_fail (CONSULT_IS_CONSULTATION_VIEW (self), NULL);

  return GTK_WIDGET (self->wizard);
}

static void
consult_consultation_view_constructed (GObject *object)
{
  ConsultConsultationView *self = CONSULT_CONSULTATION_VIEW (object);

  G_OBJECT_CLASS (consult_consultation_view_parent_class)->constructed (object);

  consult_intake_wizard_set_catalogue (self->wizard, consult_context_get_catalogue (self->context));
  consult_plan_view_set_catalogue (self->plan_view, consult_context_get_catalogue (self->context));
  if (consult_context_get_sync (self->context) != NULL)
    g_signal_connect_object (consult_context_get_sync (self->context), "finished",
                             G_CALLBACK (_consult_consultation_view_update_sync_state), self,
                             G_CONNECT_SWAPPED);
  _consult_consultation_view_update_record (self);
}

static void
consult_consultation_view_dispose (GObject *object)
{
  ConsultConsultationView *self = CONSULT_CONSULTATION_VIEW (object);

  g_clear_handle_id (&self->replan_source, g_source_remove);
  g_clear_handle_id (&self->draft_source, g_source_remove);
  if (self->intake != NULL)
    g_signal_handlers_disconnect_by_func (self->intake, intake_changed_cb, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CONSULT_TYPE_CONSULTATION_VIEW);
  g_clear_object (&self->intake);
  g_clear_object (&self->plan);
  g_clear_object (&self->context);
  g_clear_pointer (&self->client_id, g_free);
  g_clear_pointer (&self->consultation_id, g_free);
  g_clear_pointer (&self->plan_id, g_free);
  g_clear_pointer (&self->saved_intake_json, g_free);
  g_clear_pointer (&self->signed_by, g_free);

  G_OBJECT_CLASS (consult_consultation_view_parent_class)->dispose (object);
}

static void
consult_consultation_view_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  ConsultConsultationView *self = CONSULT_CONSULTATION_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
consult_consultation_view_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  ConsultConsultationView *self = CONSULT_CONSULTATION_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
consult_consultation_view_class_init (ConsultConsultationViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = consult_consultation_view_constructed;
  object_class->dispose = consult_consultation_view_dispose;
  object_class->get_property = consult_consultation_view_get_property;
  object_class->set_property = consult_consultation_view_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         CONSULT_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL,
                         CONSULT_TYPE_PLAN,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ConsultConsultationView::saved:
   *
   * Emitted after the consultation was written to the records.
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/consult-consultation-view.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  /* Bound so that gtk_widget_dispose_template() unparents it. */
  gtk_widget_class_bind_template_child (widget_class, ConsultConsultationView, paned);
  gtk_widget_class_bind_template_child (widget_class, ConsultConsultationView, wizard);
  gtk_widget_class_bind_template_child (widget_class, ConsultConsultationView, plan_view);
  gtk_widget_class_bind_template_child (widget_class, ConsultConsultationView, record_label);
  gtk_widget_class_bind_template_child (widget_class, ConsultConsultationView, sync_image);
  gtk_widget_class_bind_template_child (widget_class, ConsultConsultationView, save_button);
  gtk_widget_class_bind_template_child (widget_class, ConsultConsultationView, sign_button);
  gtk_widget_class_bind_template_child (widget_class, ConsultConsultationView, consent_button);
  gtk_widget_class_bind_template_child (widget_class, ConsultConsultationView, amend_button);

  _consult_consultation_view_install_record_actions (widget_class);
  _consult_consultation_view_install_print_actions (widget_class);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "consultation.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "consultation.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "consultation.sign", NULL);

  g_type_ensure (CONSULT_TYPE_INTAKE_WIZARD);
  g_type_ensure (CONSULT_TYPE_PLAN_VIEW);
}

static void
consult_consultation_view_init (ConsultConsultationView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
