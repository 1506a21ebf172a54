/* consult-preferences-window.h
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "consult-context.h"

G_BEGIN_DECLS

#define CONSULT_TYPE_PREFERENCES_WINDOW (consult_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (ConsultPreferencesWindow, consult_preferences_window, CONSULT, PREFERENCES_WINDOW, AdwPreferencesWindow)

ConsultPreferencesWindow *consult_preferences_window_new (GtkWindow      *parent,
                                                          ConsultContext *context);

G_END_DECLS
