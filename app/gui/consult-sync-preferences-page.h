/* consult-sync-preferences-page.h
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "consult-sync-controller.h"

G_BEGIN_DECLS

#define CONSULT_TYPE_SYNC_PREFERENCES_PAGE (consult_sync_preferences_page_get_type ())

G_DECLARE_FINAL_TYPE (ConsultSyncPreferencesPage, consult_sync_preferences_page, CONSULT, SYNC_PREFERENCES_PAGE, AdwPreferencesPage)

/* The health record settings: server, token, "Test Connection" and the
 * outbox's state with "Send Now". @sync is NULL when the records could
 * not be opened. */
ConsultSyncPreferencesPage *consult_sync_preferences_page_new (GSettings             *settings,
                                                               ConsultSyncController *sync);

G_END_DECLS
