/* consult-dialogs.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-dialogs"

#include "config.h"

#include <glib/gi18n.h>

#include "consult-dialogs.h"

GtkWindow *
consult_widget_get_window (GtkWidget *widget)
{
  GtkRoot *root = widget != NULL ? gtk_widget_get_root (widget) : NULL;

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

void
consult_show_message (GtkWidget  *widget,
                      const char *heading,
                      const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (consult_widget_get_window (widget), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static AdwMessageDialog *
entry_dialog_new (GtkWidget  *widget,
                  const char *heading,
                  const char *body,
                  GtkWidget  *entry,
                  const char *entry_title,
                  const char *cancel_label,
                  const char *response,
                  const char *response_label)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (consult_widget_get_window (widget), heading, body));
  GtkWidget *list = gtk_list_box_new ();

  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), entry_title);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (entry), TRUE);
  gtk_list_box_append (GTK_LIST_BOX (list), entry);
  adw_message_dialog_set_extra_child (dialog, list);
  g_object_set_data (G_OBJECT (dialog), "entry", entry);

  adw_message_dialog_add_responses (dialog, "cancel", cancel_label, response, response_label, NULL);
  adw_message_dialog_set_response_appearance (dialog, response, ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, response);
  adw_message_dialog_set_close_response (dialog, "cancel");

  return dialog;
}

AdwMessageDialog *
consult_name_dialog_new (GtkWidget  *widget,
                         const char *heading,
                         const char *body,
                         const char *entry_title,
                         const char *response,
                         const char *response_label)
{
  return entry_dialog_new (widget, heading, body, adw_entry_row_new (), entry_title,
                           _("_Cancel"), response, response_label);
}

/* libadwaita 1.2's AdwPasswordEntryRow is notified of the window's focus
 * after it is gone when its window is destroyed while it holds the focus
 * (a critical warning, and a read of freed memory): let go of the focus
 * first. */
static gboolean
drop_focus (GtkWindow *window)
{
  gtk_window_set_focus (window, NULL);

  return FALSE;
}

AdwMessageDialog *
consult_secret_dialog_new (GtkWidget  *widget,
                           const char *heading,
                           const char *body,
                           const char *entry_title,
                           const char *cancel_label,
                           const char *response,
                           const char *response_label)
{
  AdwMessageDialog *dialog = entry_dialog_new (widget, heading, body, adw_password_entry_row_new (), entry_title,
                                               cancel_label, response, response_label);

  /* A message dialog closes itself after its response. */
  g_signal_connect (dialog, "response", G_CALLBACK (drop_focus), NULL);

  return dialog;
}

const char *
consult_entry_dialog_get_text (AdwMessageDialog *dialog)
{
  g_return_val_if_fail (ADW_IS_MESSAGE_DIALOG (dialog), NULL);

  return gtk_editable_get_text (g_object_get_data (G_OBJECT (dialog), "entry"));
}

typedef struct
{
  GSettings *settings;
  char      *key;
} FileSetting;

static void
file_setting_free (FileSetting *setting)
{
  g_clear_object (&setting->settings);
  g_clear_pointer (&setting->key, g_free);
  g_free (setting);
}

static void
file_chooser_response_cb (GtkNativeDialog *chooser,
                          int              response,
                          FileSetting     *setting)
{
  g_autoptr (GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  if (file != NULL && g_file_peek_path (file) != NULL)
    g_settings_set_string (setting->settings, setting->key, g_file_peek_path (file));

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

void
consult_choose_file_for_setting (GtkWidget     *widget,
                                 const char    *title,
                                 GtkFileFilter *filter,
                                 GSettings     *settings,
                                 const char    *key)
{
  GtkFileChooserNative *chooser;
  FileSetting *setting;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (GTK_IS_FILE_FILTER (filter));
  g_return_if_fail (G_IS_SETTINGS (settings));

  setting = g_new0 (FileSetting, 1);
  setting->settings = g_object_ref (settings);
  setting->key = g_strdup (key);

  /* Owned by itself until answered; modal, so never two at once. */
  chooser = gtk_file_chooser_native_new (title, consult_widget_get_window (widget),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Choose"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_data (chooser, "response", G_CALLBACK (file_chooser_response_cb), setting,
                         (GClosureNotify) (void (*) (void)) file_setting_free, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
