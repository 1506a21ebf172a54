/* consult-sync-state.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "consult-format.h"
#include "consult-sync-state.h"

char *
consult_sync_state_describe (const ConsultStoreOutboxEntry *entry)
{
  g_autofree char *when = NULL;

  g_return_val_if_fail (entry != NULL, NULL);

  switch (entry->state)
    {
    case CONSULT_STORE_OUTBOX_SENT:
      when = consult_format_time (entry->sent_at);
      /* TRANSLATORS: %s is a date and time */
      return g_strdup_printf (_("Sent to the health record on %s."), when);

    case CONSULT_STORE_OUTBOX_FAILED:
      return g_strdup_printf (_("The health record refused it: %s"),
                              entry->last_error != NULL ? entry->last_error : _("no reason was given."));

    case CONSULT_STORE_OUTBOX_SUPERSEDED:
      return g_strdup (_("Replaced by a newer version before it was sent."));

    case CONSULT_STORE_OUTBOX_PENDING:
    default:
      if (entry->attempts == 0 || entry->last_error == NULL)
        return g_strdup (_("Waiting to be sent to the health record."));
      when = consult_format_time (MAX (entry->next_attempt_at, g_get_real_time ()));
      /* TRANSLATORS: the first %s is why sending failed, the second a date and time */
      return g_strdup_printf (_("Not sent yet (%s). Next attempt: %s."), entry->last_error, when);
    }
}

void
consult_sync_state_show (GtkImage       *image,
                         ConsultContext *context,
                         const char     *consultation_id)
{
  ConsultSyncController *sync;
  g_autoptr (ConsultStoreOutboxEntry) entry = NULL;
  g_autofree char *description = NULL;
  const char *icon_name;

  g_return_if_fail (GTK_IS_IMAGE (image));
  g_return_if_fail (CONSULT_IS_CONTEXT (context));

  sync = consult_context_get_sync (context);
  if (sync != NULL && consultation_id != NULL &&
      consult_sync_controller_get_status (sync) != CONSULT_SYNC_STATUS_NOT_CONFIGURED)
    entry = consult_store_outbox_get_for_consultation (consult_context_get_store (context), consultation_id, NULL);

  if (entry == NULL || entry->state == CONSULT_STORE_OUTBOX_SUPERSEDED)
    {
      gtk_widget_set_visible (GTK_WIDGET (image), FALSE);
      return;
    }

  switch (entry->state)
    {
    case CONSULT_STORE_OUTBOX_SENT:
      icon_name = "emblem-ok-symbolic";
      break;

    case CONSULT_STORE_OUTBOX_FAILED:
      icon_name = "dialog-warning-symbolic";
      break;

    case CONSULT_STORE_OUTBOX_PENDING:
    case CONSULT_STORE_OUTBOX_SUPERSEDED:
    default:
      icon_name = "network-transmit-symbolic";
      break;
    }

  description = consult_sync_state_describe (entry);
  gtk_image_set_from_icon_name (image, icon_name);
  gtk_widget_set_tooltip_text (GTK_WIDGET (image), description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (image),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                  -1);
  gtk_widget_set_visible (GTK_WIDGET (image), TRUE);
}
