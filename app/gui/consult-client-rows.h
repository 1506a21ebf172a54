/* consult-client-rows.h
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "consult-client-summary.h"

G_BEGIN_DECLS

#define CONSULT_TYPE_CLIENT_ROW (consult_client_row_get_type ())

G_DECLARE_FINAL_TYPE (ConsultClientRow, consult_client_row, CONSULT, CLIENT_ROW, GObject)

/* One row of the client list: whichever client is at its position now.
 * Notifies "client" when a new search puts another client there. */
ConsultClientSummary *consult_client_row_get_client (ConsultClientRow *self);

#define CONSULT_TYPE_CLIENT_ROWS (consult_client_rows_get_type ())

G_DECLARE_FINAL_TYPE (ConsultClientRows, consult_client_rows, CONSULT, CLIENT_ROWS, GObject)

/* A GListModel of ConsultClientRow over a list of ConsultClientSummary
 * that is replaced at every search.  GtkListView (GTK 4.8) destroys and
 * rebuilds its 200 row widgets when its model's items are replaced; here
 * the rows stay and only their clients change, so a search updates the
 * labels of the rows shown instead. */
ConsultClientRows *consult_client_rows_new         (void);

/* When @source is longer than the list shown, at most @n_first of its
 * items (or as many as were shown, if more) appear at once, and the
 * rest at consult_client_rows_show_all(): GtkListView builds a row
 * widget for each of up to 200 new items as soon as they appear, which
 * would hold back drawing the first ones. */
void               consult_client_rows_set_source  (ConsultClientRows *self,
                                                    GListModel        *source,
                                                    guint              n_first);
gboolean           consult_client_rows_is_complete (ConsultClientRows *self);
void               consult_client_rows_show_all    (ConsultClientRows *self);

G_END_DECLS
