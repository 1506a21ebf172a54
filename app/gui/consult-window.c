/* consult-window.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-window"

#include "config.h"

#include <glib/gi18n.h>

#include "consult-consultation-view.h"
#include "consult-window.h"

struct _ConsultWindow
{
  AdwApplicationWindow  parent_instance;

  ConsultContext       *context;
  GSettings            *settings;

  GtkStack             *content_stack;
  GtkWidget            *consultation_view;
};

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (ConsultWindow, consult_window, ADW_TYPE_APPLICATION_WINDOW)

ConsultWindow *
consult_window_new (ConsultApplication *application,
                    ConsultContext     *context)
{
  g_return_val_if_fail (CONSULT_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (CONSULT_IS_CONTEXT (context), NULL);

  return g_object_new (CONSULT_TYPE_WINDOW,
                       "application", application,
                       "context", context,
                       NULL);
}

ConsultConsultationView *
consult_window_get_consultation_view (ConsultWindow *self)
{
  g_return_val_if_fail (CONSULT_IS_WINDOW (self), NULL);

  return CONSULT_CONSULTATION_VIEW (self->consultation_view);
}

static void
new_consultation_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  ConsultWindow *self = CONSULT_WINDOW (widget);
  g_autoptr (ConsultIntake) intake = consult_intake_new ();
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  consult_intake_set_consultation_date (intake, today);
  consult_consultation_view_set_intake (CONSULT_CONSULTATION_VIEW (self->consultation_view), intake);
  gtk_stack_set_visible_child (self->content_stack, self->consultation_view);
  gtk_widget_grab_focus (consult_consultation_view_get_wizard (CONSULT_CONSULTATION_VIEW (self->consultation_view)));
}

static void
consult_window_save_state (ConsultWindow *self)
{
  int width;
  int height;

  g_assert (CONSULT_IS_WINDOW (self));

  /* The default size tracks the unmaximised size, which is what we want to
   * come back to. */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);

  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_apply (self->settings);
}

static void
consult_window_restore_state (ConsultWindow *self)
{
  g_assert (CONSULT_IS_WINDOW (self));

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));

  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static gboolean
consult_window_close_request (GtkWindow *window)
{
  consult_window_save_state (CONSULT_WINDOW (window));

  return GTK_WINDOW_CLASS (consult_window_parent_class)->close_request (window);
}

static void
consult_window_dispose (GObject *object)
{
  ConsultWindow *self = CONSULT_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CONSULT_TYPE_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (consult_window_parent_class)->dispose (object);
}

static void
consult_window_constructed (GObject *object)
{
  ConsultWindow *self = CONSULT_WINDOW (object);

  G_OBJECT_CLASS (consult_window_parent_class)->constructed (object);

  self->settings = g_object_ref (consult_context_get_settings (self->context));
  consult_window_restore_state (self);

  self->consultation_view = consult_consultation_view_new (self->context);
  gtk_stack_add_named (self->content_stack, self->consultation_view, "consultation");
}

static void
consult_window_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  ConsultWindow *self = CONSULT_WINDOW (object);

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
consult_window_class_init (ConsultWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = consult_window_constructed;
  object_class->dispose = consult_window_dispose;
  object_class->set_property = consult_window_set_property;
  window_class->close_request = consult_window_close_request;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         CONSULT_TYPE_CONTEXT,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/consult-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ConsultWindow, content_stack);

  gtk_widget_class_install_action (widget_class, "win.new-consultation", NULL, new_consultation_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-consultation", NULL);
}

static void
consult_window_init (ConsultWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
