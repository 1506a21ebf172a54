/* consult-dialogs.h
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The window holding @widget, to parent its dialogs on; NULL if none. */
GtkWindow        *consult_widget_get_window     (GtkWidget  *widget);

/* A message with a Close button, over the window holding @widget. */
void              consult_show_message          (GtkWidget  *widget,
                                                 const char *heading,
                                                 const char *body);

/* A question confirmed by typing a name (the signing physician, the
 * consenting client): Cancel, or @response with its label as the
 * suggested default. Connect to "response" and present it. */
AdwMessageDialog *consult_name_dialog_new       (GtkWidget  *widget,
                                                 const char *heading,
                                                 const char *body,
                                                 const char *entry_title,
                                                 const char *response,
                                                 const char *response_label);

/* The same for a secret, typed unseen; "cancel" answers @cancel_label. */
AdwMessageDialog *consult_secret_dialog_new     (GtkWidget  *widget,
                                                 const char *heading,
                                                 const char *body,
                                                 const char *entry_title,
                                                 const char *cancel_label,
                                                 const char *response,
                                                 const char *response_label);

/* What was typed into a name or secret dialog. */
const char       *consult_entry_dialog_get_text (AdwMessageDialog *dialog);

/* Asks for one file, over the window holding @widget, and writes its path
 * to the string @key of @settings when one is chosen. */
void              consult_choose_file_for_setting (GtkWidget     *widget,
                                                   const char    *title,
                                                   GtkFileFilter *filter,
                                                   GSettings     *settings,
                                                   const char    *key);

G_END_DECLS
