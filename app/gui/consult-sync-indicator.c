/* consult-sync-indicator.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-sync-indicator"

#include "config.h"

#include <glib/gi18n.h>

#include "consult-dialogs.h"
#include "consult-sync-indicator.h"

struct _ConsultSyncIndicator
{
  GtkWidget              parent_instance;

  ConsultSyncController *sync;

  GtkWidget             *box;
  GtkMenuButton         *button;
  GtkImage              *icon;
  GtkLabel              *short_label;
  GtkLabel              *summary_label;
};

G_DEFINE_FINAL_TYPE (ConsultSyncIndicator, consult_sync_indicator, GTK_TYPE_WIDGET)

static void
update (ConsultSyncIndicator *self)
{
  ConsultSyncStatus status = consult_sync_controller_get_status (self->sync);
  const char *icon_name = "emblem-ok-symbolic";
  const char *short_text = _("All sent to the health record");

  switch (status)
    {
    case CONSULT_SYNC_STATUS_SENDING:
      icon_name = "network-transmit-symbolic";
      short_text = _("Sending…");
      break;

    case CONSULT_SYNC_STATUS_PENDING:
      icon_name = "network-transmit-symbolic";
      short_text = _("Waiting to send");
      break;

    case CONSULT_SYNC_STATUS_FAILED:
      icon_name = "dialog-warning-symbolic";
      short_text = _("Not sent: action needed");
      break;

    case CONSULT_SYNC_STATUS_SENT:
    case CONSULT_SYNC_STATUS_NOT_CONFIGURED:
    default:
      break;
    }

  gtk_image_set_from_icon_name (self->icon, icon_name);
  gtk_label_set_label (self->short_label, short_text);
  gtk_label_set_label (self->summary_label, consult_sync_controller_get_summary (self->sync));
  gtk_widget_set_visible (GTK_WIDGET (self), status != CONSULT_SYNC_STATUS_NOT_CONFIGURED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sync-indicator.send-now",
                                 status != CONSULT_SYNC_STATUS_SENDING);
}

void
consult_sync_indicator_set_controller (ConsultSyncIndicator  *self,
                                       ConsultSyncController *sync)
{
  g_return_if_fail (CONSULT_IS_SYNC_INDICATOR (self));
  g_return_if_fail (!sync || CONSULT_IS_SYNC_CONTROLLER (sync));

  if (self->sync != NULL)
    g_signal_handlers_disconnect_by_data (self->sync, self);
  g_set_object (&self->sync, sync);

  if (sync == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }

  g_signal_connect_object (sync, "notify::status", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (sync, "notify::summary", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
}

static void
send_now_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ConsultSyncIndicator *self = CONSULT_SYNC_INDICATOR (widget);
  g_autoptr (GError) error = NULL;

  gtk_menu_button_popdown (self->button);
  if (self->sync != NULL && !consult_sync_controller_send_now (self->sync, &error))
    consult_show_message (widget, _("Nothing Could Be Sent"), error->message);
}

static void
consult_sync_indicator_dispose (GObject *object)
{
  ConsultSyncIndicator *self = CONSULT_SYNC_INDICATOR (object);

  if (self->sync != NULL)
    g_signal_handlers_disconnect_by_data (self->sync, self);
  g_clear_object (&self->sync);
  gtk_widget_dispose_template (GTK_WIDGET (self), CONSULT_TYPE_SYNC_INDICATOR);

  G_OBJECT_CLASS (consult_sync_indicator_parent_class)->dispose (object);
}

static void
consult_sync_indicator_class_init (ConsultSyncIndicatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = consult_sync_indicator_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/consult-sync-indicator.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, ConsultSyncIndicator, box);
  gtk_widget_class_bind_template_child (widget_class, ConsultSyncIndicator, button);
  gtk_widget_class_bind_template_child (widget_class, ConsultSyncIndicator, icon);
  gtk_widget_class_bind_template_child (widget_class, ConsultSyncIndicator, short_label);
  gtk_widget_class_bind_template_child (widget_class, ConsultSyncIndicator, summary_label);

  gtk_widget_class_install_action (widget_class, "sync-indicator.send-now", NULL, send_now_action);
}

static void
consult_sync_indicator_init (ConsultSyncIndicator *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
