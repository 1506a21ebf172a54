/* consult-test-app.h
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "consult-application.h"
#include "consult-window.h"

G_BEGIN_DECLS

/* The real application, in-process, without D-Bus uniqueness (each test
 * owns its application). It opens the records under the test's
 * $XDG_DATA_HOME: call consult_test_remove_user_data() first for none. */
ConsultApplication *consult_test_app_new      (void);

/* Activates @app and waits until its main window is on screen. */
ConsultWindow      *consult_test_app_activate (ConsultApplication *app);

/* Waits until the sidebar of @window lists @n clients: searches run in
 * a thread. Fails the test after @timeout_ms. */
void                consult_test_app_wait_for_clients (ConsultWindow *window,
                                                       guint          n,
                                                       guint          timeout_ms);

/* Starts a new consultation in @window with the intake of the fixture
 * tests/fixtures/intake/@seed. */
ConsultConsultationView *consult_test_app_open_seed (ConsultWindow *window,
                                                     const char    *seed);

/* Closes every window of @app, lets GTK finish, and drops @app. */
void                consult_test_app_free     (ConsultApplication *app);

G_END_DECLS
