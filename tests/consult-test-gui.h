/* consult-test-gui.h
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Iterates the default main context until @condition returns TRUE or
 * @timeout_ms pass; returns whether the condition held. Never a fixed
 * sleep: the same test must pass under valgrind. */
gboolean consult_test_wait_until (gboolean (*condition) (gpointer data),
                                  gpointer   data,
                                  guint      timeout_ms);

/* Lets pending layout, styling and frame work run. */
void     consult_test_settle     (void);

/* Renders @widget in-process and saves it as PNG under the test output
 * folder; returns the path written. */
char    *consult_test_save_png   (GtkWidget  *widget,
                                  const char *name,
                                  GError    **error);

/* The first widget under @root (itself included), depth first, of @type
 * whose title (preferences rows), label (buttons, labels) or tooltip
 * equals @text; NULL for any text. */
GtkWidget *consult_test_find_widget (GtkWidget  *root,
                                     GType       type,
                                     const char *text);

/* Waits (10 s at most) for a visible AdwMessageDialog with @heading and
 * returns it; fails the test otherwise. */
GtkWidget *consult_test_wait_for_dialog (const char *heading);

/* Types @entry_text (if not NULL) into the dialog's entry row, chooses
 * @response and lets the app react. */
void       consult_test_answer_dialog   (GtkWidget  *dialog,
                                         const char *entry_text,
                                         const char *response);

G_END_DECLS
