/* consult-window.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-window"

#include "config.h"

#include <glib/gi18n.h>

#include "consult-client-page.h"
#include "consult-client-sidebar.h"
#include "consult-consultation-view.h"
#include "consult-dialogs.h"
#include "consult-format.h"
#include "consult-intake-draft.h"
#include "consult-store-drafts.h"
#include "consult-store-clients.h"
#include "consult-sync-indicator.h"
#include "consult-window.h"

struct _ConsultWindow
{
  AdwApplicationWindow  parent_instance;

  ConsultContext       *context;
  GSettings            *settings;

  AdwLeaflet           *leaflet;
  GtkWidget            *content;
  AdwWindowTitle       *content_title;
  GtkStack             *content_stack;
  ConsultClientSidebar *client_sidebar;
  ConsultSyncIndicator *sync_indicator;
  GtkWidget            *consultation_view;
  GtkWidget            *client_page;
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

void
consult_window_show_store_error (ConsultWindow *self,
                                 const GError  *error)
{
  GtkWidget *dialog;

  g_return_if_fail (CONSULT_IS_WINDOW (self));
  g_return_if_fail (error != NULL);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("The Records Could Not Be Opened"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s\n\n%s", error->message,
                                  _("Consultations can still be planned, but nothing can be saved until this is resolved."));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
consult_window_open_consultation (ConsultWindow *self,
                                  ConsultIntake *intake,
                                  const char    *client_id)
{
  ConsultConsultationView *view = CONSULT_CONSULTATION_VIEW (self->consultation_view);

  consult_consultation_view_set_intake (view, intake);
  consult_consultation_view_set_client_id (view, client_id);
  gtk_stack_set_visible_child (self->content_stack, self->consultation_view);
  adw_window_title_set_title (self->content_title, _("New Consultation"));
  adw_leaflet_set_visible_child (self->leaflet, self->content);
  gtk_widget_grab_focus (consult_consultation_view_get_wizard (view));
}

static ConsultIntake *
new_intake (void)
{
  g_autoptr (ConsultIntake) intake = consult_intake_new ();
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  consult_intake_set_consultation_date (intake, today);

  return g_steal_pointer (&intake);
}

static void
new_consultation_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  ConsultWindow *self = CONSULT_WINDOW (widget);
  g_autoptr (ConsultIntake) intake = new_intake ();

  consult_window_open_consultation (self, intake, NULL);
}

/* A new consultation for a client the clinic knows: their details are
 * filled in from the records, and the consultation is saved to them. */
static void
client_new_consultation_cb (ConsultWindow *self,
                            const char    *client_id)
{
  ConsultStore *store = consult_context_get_store (self->context);
  g_autoptr (ConsultStoreClient) client = NULL;
  g_autoptr (ConsultIntake) intake = new_intake ();
  g_autoptr (GError) error = NULL;

  client = consult_store_get_client (store, client_id, &error);
  if (client == NULL)
    {
      consult_window_show_store_error (self, error);
      return;
    }

  consult_intake_set_given_name (intake, client->given_name);
  consult_intake_set_family_name (intake, client->family_name);
  consult_intake_set_date_of_birth (intake, client->date_of_birth);
  consult_intake_set_sex (intake, client->sex);
  consult_intake_set_phone (intake, client->phone);
  consult_intake_set_email (intake, client->email);
  consult_intake_set_preferred_language (intake, client->preferred_language);

  consult_window_open_consultation (self, intake, client_id);
}

static void
restore_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     ConsultWindow    *self)
{
  ConsultStore *store = consult_context_get_store (self->context);
  g_autoptr (ConsultStoreDraft) draft = NULL;
  g_autoptr (ConsultIntake) intake = NULL;
  g_autoptr (GError) error = NULL;

  if (g_str_equal (response, "discard"))
    {
      if (!consult_store_discard_draft (store, g_get_host_name (), g_get_user_name (), &error))
        consult_window_show_store_error (self, error);
      return;
    }

  if (!g_str_equal (response, "restore"))
    return;

  draft = consult_store_get_draft (store, g_get_host_name (), g_get_user_name (), &error);
  if (draft != NULL)
    intake = consult_intake_new_from_draft (draft->intake_json, -1, &error);
  if (intake == NULL)
    {
      consult_window_show_store_error (self, error);
      return;
    }

  consult_window_open_consultation (self, intake, NULL);
}

/* An intake that was being typed when the app or the machine stopped is
 * offered back, never silently dropped nor silently reopened. */
void
consult_window_offer_draft (ConsultWindow *self)
{
  ConsultStore *store;
  g_autoptr (ConsultStoreDraft) draft = NULL;
  g_autofree char *when_text = NULL;
  GtkWidget *dialog;

  g_return_if_fail (CONSULT_IS_WINDOW (self));

  store = consult_context_get_store (self->context);
  if (store == NULL)
    return;

  draft = consult_store_get_draft (store, g_get_host_name (), g_get_user_name (), NULL);
  if (draft == NULL)
    return;

  when_text = consult_format_time (draft->updated_at);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Restore the Unsaved Consultation?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  /* TRANSLATORS: %s is a date and time */
                                  _("An intake that was not saved was found, last changed %s."),
                                  when_text);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "discard", _("_Discard"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  g_signal_connect_object (dialog, "response", G_CALLBACK (restore_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
consultation_saved_cb (ConsultWindow           *self,
                       ConsultConsultationView *view)
{
  consult_client_sidebar_refresh (self->client_sidebar);
}

static void
client_activated_cb (ConsultWindow        *self,
                     const char           *client_id,
                     ConsultClientSidebar *sidebar)
{
  g_autoptr (GError) error = NULL;

  if (!consult_client_page_load (CONSULT_CLIENT_PAGE (self->client_page), client_id, &error))
    {
      consult_window_show_store_error (self, error);
      return;
    }

  gtk_stack_set_visible_child (self->content_stack, self->client_page);
  adw_window_title_set_title (self->content_title, _("Client"));
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
client_changed_cb (ConsultWindow     *self,
                   ConsultClientPage *page)
{
  consult_client_sidebar_refresh (self->client_sidebar);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ConsultWindow *self = CONSULT_WINDOW (widget);

  adw_leaflet_set_visible_child (self->leaflet, gtk_widget_get_parent (GTK_WIDGET (self->client_sidebar)));
  consult_client_sidebar_focus_search (self->client_sidebar);
}

static void
show_sidebar_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ConsultWindow *self = CONSULT_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
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
token_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   ConsultWindow    *self)
{
  const char *token = consult_entry_dialog_get_text (dialog);
  ConsultSyncController *sync = consult_context_get_sync (self->context);

  if (g_str_equal (response, "use") && token[0] != '\0' && sync != NULL)
    consult_sync_controller_set_token (sync, token);
}

static void
consult_window_ask_for_token (ConsultWindow *self)
{
  AdwMessageDialog *dialog;

  dialog = consult_secret_dialog_new (GTK_WIDGET (self), _("Health Record Access Token"),
                                      _("There is no keyring on this computer to keep the access token of the "
                                        "clinic’s health record, so it is asked for once per session. Until it is "
                                        "given, consultations are kept here and sent later."),
                                      _("Access Token"), _("_Not Now"), "use", _("_Use Token"));
  g_signal_connect_object (dialog, "response", G_CALLBACK (token_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
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

  g_signal_connect_object (self->consultation_view, "saved",
                           G_CALLBACK (consultation_saved_cb), self, G_CONNECT_SWAPPED);

  consult_client_sidebar_set_store (self->client_sidebar, consult_context_get_store (self->context));
  consult_sync_indicator_set_controller (self->sync_indicator, consult_context_get_sync (self->context));
  if (consult_context_get_sync (self->context) != NULL)
    g_signal_connect_object (consult_context_get_sync (self->context), "token-needed",
                             G_CALLBACK (consult_window_ask_for_token), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->client_sidebar, "client-activated",
                           G_CALLBACK (client_activated_cb), self, G_CONNECT_SWAPPED);

  self->client_page = consult_client_page_new (self->context);
  gtk_stack_add_named (self->content_stack, self->client_page, "client");
  g_signal_connect_object (self->client_page, "new-consultation",
                           G_CALLBACK (client_new_consultation_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->client_page, "changed",
                           G_CALLBACK (client_changed_cb), self, G_CONNECT_SWAPPED);
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
  gtk_widget_class_bind_template_child (widget_class, ConsultWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, ConsultWindow, content);
  gtk_widget_class_bind_template_child (widget_class, ConsultWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, ConsultWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, ConsultWindow, client_sidebar);
  gtk_widget_class_bind_template_child (widget_class, ConsultWindow, sync_indicator);

  gtk_widget_class_install_action (widget_class, "win.new-consultation", NULL, new_consultation_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.show-sidebar", NULL, show_sidebar_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-consultation", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);

  g_type_ensure (CONSULT_TYPE_CLIENT_SIDEBAR);
  g_type_ensure (CONSULT_TYPE_SYNC_INDICATOR);
}

static void
consult_window_init (ConsultWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
