/* consult-preferences-window.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "consult-dialogs.h"
#include "consult-preferences-window.h"
#include "consult-sync-preferences-page.h"

struct _ConsultPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  ConsultContext       *context;
  GSettings            *settings;

  AdwEntryRow          *clinic_name_row;
  AdwEntryRow          *clinic_address_row;
  AdwEntryRow          *clinic_phone_row;
  AdwActionRow         *clinic_logo_row;
  GtkButton            *clear_logo_button;
};

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (ConsultPreferencesWindow, consult_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

ConsultPreferencesWindow *
consult_preferences_window_new (GtkWindow      *parent,
                                ConsultContext *context)
{
  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CONSULT_IS_CONTEXT (context), NULL);

  return g_object_new (CONSULT_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "context", context,
                       NULL);
}

static void
consult_preferences_window_update_logo (ConsultPreferencesWindow *self)
{
  g_autofree char *path = g_settings_get_string (self->settings, "clinic-logo");

  g_assert (CONSULT_IS_PREFERENCES_WINDOW (self));

  if (path[0] == '\0')
    {
      adw_action_row_set_subtitle (self->clinic_logo_row, _("None"));
      gtk_widget_set_visible (GTK_WIDGET (self->clear_logo_button), FALSE);
    }
  else
    {
      g_autofree char *name = g_path_get_basename (path);

      adw_action_row_set_subtitle (self->clinic_logo_row, name);
      gtk_widget_set_visible (GTK_WIDGET (self->clear_logo_button), TRUE);
    }
}

static void
choose_logo_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ConsultPreferencesWindow *self = CONSULT_PREFERENCES_WINDOW (widget);
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

  /* The summary is drawn with Cairo, which reads PNG natively. */
  gtk_file_filter_set_name (filter, _("PNG Images"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  consult_choose_file_for_setting (widget, _("Choose the Clinic Logo"), filter,
                                   self->settings, "clinic-logo");
}

static void
clear_logo_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ConsultPreferencesWindow *self = CONSULT_PREFERENCES_WINDOW (widget);

  g_settings_reset (self->settings, "clinic-logo");
}

static void
consult_preferences_window_constructed (GObject *object)
{
  ConsultPreferencesWindow *self = CONSULT_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (consult_preferences_window_parent_class)->constructed (object);

  self->settings = g_object_ref (consult_context_get_settings (self->context));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                              ADW_PREFERENCES_PAGE (consult_sync_preferences_page_new (self->settings,
                                                                                       consult_context_get_sync (self->context))));

  g_settings_bind (self->settings, "clinic-name", self->clinic_name_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "clinic-address", self->clinic_address_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "clinic-phone", self->clinic_phone_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (self->settings, "changed::clinic-logo",
                           G_CALLBACK (consult_preferences_window_update_logo), self,
                           G_CONNECT_SWAPPED);
  consult_preferences_window_update_logo (self);
}

static void
consult_preferences_window_dispose (GObject *object)
{
  ConsultPreferencesWindow *self = CONSULT_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CONSULT_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (consult_preferences_window_parent_class)->dispose (object);
}

static void
consult_preferences_window_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  ConsultPreferencesWindow *self = CONSULT_PREFERENCES_WINDOW (object);

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
consult_preferences_window_class_init (ConsultPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = consult_preferences_window_constructed;
  object_class->dispose = consult_preferences_window_dispose;
  object_class->set_property = consult_preferences_window_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         CONSULT_TYPE_CONTEXT,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/consult-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ConsultPreferencesWindow, clinic_name_row);
  gtk_widget_class_bind_template_child (widget_class, ConsultPreferencesWindow, clinic_address_row);
  gtk_widget_class_bind_template_child (widget_class, ConsultPreferencesWindow, clinic_phone_row);
  gtk_widget_class_bind_template_child (widget_class, ConsultPreferencesWindow, clinic_logo_row);
  gtk_widget_class_bind_template_child (widget_class, ConsultPreferencesWindow, clear_logo_button);

  gtk_widget_class_install_action (widget_class, "preferences.choose-logo", NULL, choose_logo_action);
  gtk_widget_class_install_action (widget_class, "preferences.clear-logo", NULL, clear_logo_action);
}

static void
consult_preferences_window_init (ConsultPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
