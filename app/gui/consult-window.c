/* consult-window.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-window"

#include "config.h"

#include <glib/gi18n.h>

#include "consult-window.h"

struct _ConsultWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (ConsultWindow, consult_window, ADW_TYPE_APPLICATION_WINDOW)

ConsultWindow *
consult_window_new (ConsultApplication *application)
{
  g_return_val_if_fail (CONSULT_IS_APPLICATION (application), NULL);

  return g_object_new (CONSULT_TYPE_WINDOW,
                       "application", application,
                       NULL);
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

  G_OBJECT_CLASS (consult_window_parent_class)->dispose (object);
}

static void
consult_window_class_init (ConsultWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = consult_window_dispose;
  window_class->close_request = consult_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/consult-window.ui");
}

static void
consult_window_init (ConsultWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);
  consult_window_restore_state (self);
}
