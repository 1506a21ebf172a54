/* consult-sync-indicator.h
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "consult-sync-controller.h"

G_BEGIN_DECLS

#define CONSULT_TYPE_SYNC_INDICATOR (consult_sync_indicator_get_type ())

G_DECLARE_FINAL_TYPE (ConsultSyncIndicator, consult_sync_indicator, CONSULT, SYNC_INDICATOR, GtkWidget)

/* The outbox at a glance, under the client list: how much waits to be
 * sent and why, with "Send Now". Hidden while no server is set up. */
void consult_sync_indicator_set_controller (ConsultSyncIndicator  *self,
                                            ConsultSyncController *sync);

G_END_DECLS
