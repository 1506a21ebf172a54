/* consult-row-label.h
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CONSULT_TYPE_ROW_LABEL (consult_row_label_get_type ())

G_DECLARE_FINAL_TYPE (ConsultRowLabel, consult_row_label, CONSULT, ROW_LABEL, GtkWidget)

/* One line of text in a list row, ellipsized at the end to the width the
 * row gives it.  Styled as a GtkLabel ("label" CSS node), but its size
 * depends only on its font, not on its text: setting another text
 * redraws the line and never makes the list measure its rows again. */
GtkWidget *consult_row_label_new      (void);
void       consult_row_label_set_text (ConsultRowLabel *self,
                                       const char      *text);

G_END_DECLS
