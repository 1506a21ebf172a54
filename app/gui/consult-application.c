/* consult-application.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-application"

#include "config.h"

#include <glib/gi18n.h>

#include "consult-application.h"
#include "consult-preferences-window.h"
#include "consult-store-paths.h"
#include "consult-version.h"
#include "consult-window.h"

struct _ConsultApplication
{
  AdwApplication  parent_instance;

  ConsultContext *context;
  GError         *startup_error;
  GError         *store_error;
};

G_DEFINE_FINAL_TYPE (ConsultApplication, consult_application, ADW_TYPE_APPLICATION)

ConsultApplication *
consult_application_new (void)
{
  return g_object_new (CONSULT_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}

/* NULL until started, and when the catalogue could not be loaded. */
ConsultContext *
consult_application_get_context (ConsultApplication *self)
{
  g_return_val_if_fail (CONSULT_IS_APPLICATION (self), NULL);

  return self->context;
}

static int
consult_application_handle_local_options (GApplication *app,
                                          GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("medspa-consult %s\n", consult_version_string ());
      return EXIT_SUCCESS;
    }

  return -1;
}

/* Without a valid catalogue there is no safe plan to make: say which file
 * is wrong and why, instead of opening a window that cannot work. */
static void
consult_application_show_startup_error (ConsultApplication *self)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (NULL, _("MedSpa Consult Cannot Start"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s",
                                  self->startup_error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "quit", _("_Quit"));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
consult_application_activate (GApplication *app)
{
  ConsultApplication *self = CONSULT_APPLICATION (app);
  GtkWindow *window;

  if (self->startup_error != NULL)
    {
      consult_application_show_startup_error (self);
      return;
    }

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window == NULL)
    {
      window = GTK_WINDOW (consult_window_new (self, self->context));
      if (self->store_error != NULL)
        consult_window_show_store_error (CONSULT_WINDOW (window), self->store_error);
      else
        consult_window_offer_draft (CONSULT_WINDOW (window));
    }

  gtk_window_present (window);
}

static void
consult_application_about_action (GSimpleAction *action,
                                  GVariant      *parameter,
                                  gpointer       user_data)
{
  static const char *developers[] = { "The MedSpa Consult authors", NULL };
  GtkApplication *app = GTK_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (app);
  AdwAboutWindow *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-name", _("MedSpa Consult"),
                        "application-icon", APPLICATION_ID,
                        "developer-name", _("The MedSpa Consult authors"),
                        "version", consult_version_string (),
                        "comments", _("Physician-guided consultations, sequenced treatment plans and client records for medical spas."),
                        "developers", developers,
                        "copyright", "© 2026 The MedSpa Consult authors",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        /* TRANSLATORS: put your name here, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
consult_application_preferences_action (GSimpleAction *action,
                                        GVariant      *parameter,
                                        gpointer       user_data)
{
  ConsultApplication *self = CONSULT_APPLICATION (user_data);
  ConsultPreferencesWindow *preferences;

  if (self->context == NULL)
    return;

  preferences = consult_preferences_window_new (gtk_application_get_active_window (GTK_APPLICATION (self)),
                                                self->context);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
consult_application_quit_action (GSimpleAction *action,
                                 GVariant      *parameter,
                                 gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GList *windows = gtk_application_get_windows (app);

  /* Closing each window lets it save its state; quitting directly would not. */
  for (GList *l = windows; l != NULL;)
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }
}

static const GActionEntry app_actions[] = {
  { "about", consult_application_about_action },
  { "preferences", consult_application_preferences_action },
  { "quit", consult_application_quit_action },
};

static void
consult_application_load_context (ConsultApplication *self)
{
  g_autoptr (ConsultCatalogue) catalogue = NULL;
  g_autoptr (ConsultStore) store = NULL;
  g_autoptr (GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autofree char *path = consult_store_default_path ();

  catalogue = consult_catalogue_load (&self->startup_error);
  if (catalogue == NULL)
    return;

  /* The records are opened once, here. When they cannot be (locked by
   * another program, a newer version, damaged), the app still plans
   * consultations and says why nothing can be saved. */
  store = consult_store_new_for_path (path, &self->store_error);
  self->context = consult_context_new (catalogue, store, settings);
}

static void
consult_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<primary>q", NULL };
  static const char *preferences_accels[] = { "<primary>comma", NULL };

  G_APPLICATION_CLASS (consult_application_parent_class)->startup (app);

  consult_application_load_context (CONSULT_APPLICATION (app));

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences", preferences_accels);
}

static void
consult_application_dispose (GObject *object)
{
  ConsultApplication *self = CONSULT_APPLICATION (object);

  g_clear_object (&self->context);
  g_clear_error (&self->startup_error);
  g_clear_error (&self->store_error);

  G_OBJECT_CLASS (consult_application_parent_class)->dispose (object);
}

static void
consult_application_class_init (ConsultApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = consult_application_dispose;

  app_class->activate = consult_application_activate;
  app_class->startup = consult_application_startup;
  app_class->handle_local_options = consult_application_handle_local_options;
}

static void
consult_application_init (ConsultApplication *self)
{
  static const GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and exit"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
}
