/* consult-sync-preferences-page.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-sync-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "consult-dialogs.h"
#include "consult-sync-preferences-page.h"
#include "consult-sync-settings.h"

struct _ConsultSyncPreferencesPage
{
  AdwPreferencesPage     parent_instance;

  GSettings             *settings;
  ConsultSyncController *sync;          /* NULL when the records could not be opened */
  GCancellable          *test_cancellable;

  AdwEntryRow           *base_url_row;
  AdwEntryRow           *system_row;
  AdwActionRow          *ca_row;
  GtkButton             *clear_ca_button;
  AdwPasswordEntryRow   *token_row;
  AdwActionRow          *token_state_row;
  GtkButton             *forget_token_button;
  AdwActionRow          *test_row;
  GtkSpinner            *test_spinner;
  AdwActionRow          *status_row;
};

G_DEFINE_FINAL_TYPE (ConsultSyncPreferencesPage, consult_sync_preferences_page, ADW_TYPE_PREFERENCES_PAGE)

static void
show_problem (ConsultSyncPreferencesPage *self,
              AdwEntryRow                *row,
              const char                 *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), adw_toast_new (message));
}

/* A value is saved only once it is usable: a half-typed address never
 * reaches the worker. */
static gboolean
apply_setting (ConsultSyncPreferencesPage *self,
               AdwEntryRow                *row,
               const char                 *key)
{
  g_autoptr (ConsultSyncSettings) candidate = consult_sync_settings_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  gboolean is_address = g_str_equal (key, "fhir-base-url");

  candidate->base_url = is_address ? g_strdup (text) : g_settings_get_string (self->settings, "fhir-base-url");
  candidate->identifier_system = is_address ? g_settings_get_string (self->settings, "fhir-identifier-system")
                                            : g_strdup (text);

  /* An empty address switches sending off; that needs no checking. */
  if (candidate->base_url[0] != '\0' && !consult_sync_settings_validate (candidate, &error))
    {
      show_problem (self, row, error->message);
      return FALSE;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  g_settings_set_string (self->settings, key, text);

  return TRUE;
}

static void
base_url_applied_cb (ConsultSyncPreferencesPage *self,
                     AdwEntryRow                *row)
{
  apply_setting (self, row, "fhir-base-url");
}

static void
system_applied_cb (ConsultSyncPreferencesPage *self,
                   AdwEntryRow                *row)
{
  apply_setting (self, row, "fhir-identifier-system");
}

static void
token_applied_cb (ConsultSyncPreferencesPage *self,
                  AdwPasswordEntryRow        *row)
{
  const char *token = gtk_editable_get_text (GTK_EDITABLE (row));

  if (self->sync == NULL || token[0] == '\0')
    return;

  consult_sync_controller_set_token (self->sync, token);
  /* The row never shows a token back. */
  gtk_editable_set_text (GTK_EDITABLE (row), "");
}

static void
update_ca (ConsultSyncPreferencesPage *self)
{
  g_autofree char *path = g_settings_get_string (self->settings, "fhir-ca-file");

  if (path[0] == '\0')
    {
      adw_action_row_set_subtitle (self->ca_row, _("The system's certificate authorities"));
      gtk_widget_set_visible (GTK_WIDGET (self->clear_ca_button), FALSE);
    }
  else
    {
      adw_action_row_set_subtitle (self->ca_row, path);
      gtk_widget_set_visible (GTK_WIDGET (self->clear_ca_button), TRUE);
    }
}

static void
update_token_state (ConsultSyncPreferencesPage *self)
{
  ConsultSyncTokenSource source = CONSULT_SYNC_TOKEN_NONE;

  if (self->sync != NULL)
    source = consult_sync_controller_get_token_source (self->sync);

  switch (source)
    {
    case CONSULT_SYNC_TOKEN_KEYRING:
      adw_action_row_set_subtitle (self->token_state_row, _("Saved in the keyring"));
      break;

    case CONSULT_SYNC_TOKEN_SESSION:
      adw_action_row_set_subtitle (self->token_state_row,
                                   _("Kept until MedSpa Consult quits: no keyring is available to save it"));
      break;

    case CONSULT_SYNC_TOKEN_NONE:
    default:
      adw_action_row_set_subtitle (self->token_state_row, _("None"));
      break;
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->forget_token_button), source != CONSULT_SYNC_TOKEN_NONE);
}

static void
update_status (ConsultSyncPreferencesPage *self)
{
  if (self->sync == NULL)
    {
      adw_action_row_set_subtitle (self->status_row, _("The records could not be opened, so nothing can be sent."));
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "sync.send-now", FALSE);
      return;
    }

  adw_action_row_set_subtitle (self->status_row, consult_sync_controller_get_summary (self->sync));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sync.send-now",
                                 consult_sync_controller_get_status (self->sync) != CONSULT_SYNC_STATUS_NOT_CONFIGURED);
}

static void
load (ConsultSyncPreferencesPage *self)
{
  g_autofree char *base_url = NULL;
  g_autofree char *system = NULL;

  base_url = g_settings_get_string (self->settings, "fhir-base-url");
  system = g_settings_get_string (self->settings, "fhir-identifier-system");
  gtk_editable_set_text (GTK_EDITABLE (self->base_url_row), base_url);
  gtk_editable_set_text (GTK_EDITABLE (self->system_row), system);

  g_signal_connect_object (self->settings, "changed::fhir-ca-file", G_CALLBACK (update_ca), self, G_CONNECT_SWAPPED);
  update_ca (self);

  if (self->sync != NULL)
    {
      g_signal_connect_object (self->sync, "notify::token-source", G_CALLBACK (update_token_state), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->sync, "notify::summary", G_CALLBACK (update_status), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->sync, "notify::status", G_CALLBACK (update_status), self, G_CONNECT_SWAPPED);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sync.test-connection", self->sync != NULL);
  update_token_state (self);
  update_status (self);
}

ConsultSyncPreferencesPage *
consult_sync_preferences_page_new (GSettings             *settings,
                                   ConsultSyncController *sync)
{
  ConsultSyncPreferencesPage *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (!sync || CONSULT_IS_SYNC_CONTROLLER (sync), NULL);

  self = g_object_new (CONSULT_TYPE_SYNC_PREFERENCES_PAGE, NULL);
  self->settings = g_object_ref (settings);
  self->sync = sync != NULL ? g_object_ref (sync) : NULL;
  load (self);

  return self;
}

static void
choose_ca_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ConsultSyncPreferencesPage *self = CONSULT_SYNC_PREFERENCES_PAGE (widget);
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Certificates (PEM)"));
  gtk_file_filter_add_pattern (filter, "*.pem");
  gtk_file_filter_add_pattern (filter, "*.crt");
  gtk_file_filter_add_mime_type (filter, "application/x-x509-ca-cert");
  consult_choose_file_for_setting (widget, _("Choose the Certificate Authority"), filter,
                                   self->settings, "fhir-ca-file");
}

static void
clear_ca_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ConsultSyncPreferencesPage *self = CONSULT_SYNC_PREFERENCES_PAGE (widget);

  g_settings_reset (self->settings, "fhir-ca-file");
}

static void
forget_token_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ConsultSyncPreferencesPage *self = CONSULT_SYNC_PREFERENCES_PAGE (widget);

  if (self->sync != NULL)
    consult_sync_controller_forget_token (self->sync);
}

static void
test_connection_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr (ConsultSyncPreferencesPage) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *description = NULL;

  description = consult_sync_controller_test_connection_finish (CONSULT_SYNC_CONTROLLER (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  gtk_spinner_stop (self->test_spinner);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sync.test-connection", TRUE);
  if (description != NULL)
    {
      adw_action_row_set_subtitle (self->test_row, description);
      gtk_widget_remove_css_class (GTK_WIDGET (self->test_row), "error");
    }
  else
    {
      adw_action_row_set_subtitle (self->test_row, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->test_row), "error");
    }
}

static void
test_connection_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  ConsultSyncPreferencesPage *self = CONSULT_SYNC_PREFERENCES_PAGE (widget);

  if (self->sync == NULL)
    return;

  /* What is typed counts, applied or not: people test before saving. */
  if (!apply_setting (self, self->base_url_row, "fhir-base-url") ||
      !apply_setting (self, self->system_row, "fhir-identifier-system"))
    return;

  g_cancellable_cancel (self->test_cancellable);
  g_clear_object (&self->test_cancellable);
  self->test_cancellable = g_cancellable_new ();

  adw_action_row_set_subtitle (self->test_row, _("Connecting…"));
  gtk_widget_remove_css_class (GTK_WIDGET (self->test_row), "error");
  gtk_spinner_start (self->test_spinner);
  gtk_widget_action_set_enabled (widget, "sync.test-connection", FALSE);
  consult_sync_controller_test_connection_async (self->sync, self->test_cancellable,
                                                 test_connection_cb, g_object_ref (self));
}

static void
send_now_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ConsultSyncPreferencesPage *self = CONSULT_SYNC_PREFERENCES_PAGE (widget);
  g_autoptr (GError) error = NULL;

  if (self->sync != NULL && !consult_sync_controller_send_now (self->sync, &error))
    consult_show_message (widget, _("Nothing Could Be Sent"), error->message);
}

static void
consult_sync_preferences_page_dispose (GObject *object)
{
  ConsultSyncPreferencesPage *self = CONSULT_SYNC_PREFERENCES_PAGE (object);

  g_cancellable_cancel (self->test_cancellable);
  g_clear_object (&self->test_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), CONSULT_TYPE_SYNC_PREFERENCES_PAGE);
  g_clear_object (&self->sync);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (consult_sync_preferences_page_parent_class)->dispose (object);
}

static void
consult_sync_preferences_page_class_init (ConsultSyncPreferencesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = consult_sync_preferences_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/consult-sync-preferences-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ConsultSyncPreferencesPage, base_url_row);
  gtk_widget_class_bind_template_child (widget_class, ConsultSyncPreferencesPage, system_row);
  gtk_widget_class_bind_template_child (widget_class, ConsultSyncPreferencesPage, ca_row);
  gtk_widget_class_bind_template_child (widget_class, ConsultSyncPreferencesPage, clear_ca_button);
  gtk_widget_class_bind_template_child (widget_class, ConsultSyncPreferencesPage, token_row);
  gtk_widget_class_bind_template_child (widget_class, ConsultSyncPreferencesPage, token_state_row);
  gtk_widget_class_bind_template_child (widget_class, ConsultSyncPreferencesPage, forget_token_button);
  gtk_widget_class_bind_template_child (widget_class, ConsultSyncPreferencesPage, test_row);
  gtk_widget_class_bind_template_child (widget_class, ConsultSyncPreferencesPage, test_spinner);
  gtk_widget_class_bind_template_child (widget_class, ConsultSyncPreferencesPage, status_row);
  gtk_widget_class_bind_template_callback (widget_class, base_url_applied_cb);
  gtk_widget_class_bind_template_callback (widget_class, system_applied_cb);
  gtk_widget_class_bind_template_callback (widget_class, token_applied_cb);

  gtk_widget_class_install_action (widget_class, "sync.choose-ca", NULL, choose_ca_action);
  gtk_widget_class_install_action (widget_class, "sync.clear-ca", NULL, clear_ca_action);
  gtk_widget_class_install_action (widget_class, "sync.forget-token", NULL, forget_token_action);
  gtk_widget_class_install_action (widget_class, "sync.test-connection", NULL, test_connection_action);
  gtk_widget_class_install_action (widget_class, "sync.send-now", NULL, send_now_action);
}

static void
consult_sync_preferences_page_init (ConsultSyncPreferencesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
