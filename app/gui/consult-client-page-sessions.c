/* consult-client-page-sessions.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-client-page"

#include "config.h"

#include <glib/gi18n.h>

#include "consult-client-page-private.h"
#include "consult-dialogs.h"
#include "consult-plan-progress.h"
#include "consult-store-sessions.h"

/* Sessions given under a signed plan: recorded once, never changed, and
 * counted against the plan's schedule. */

static char *
format_date (const GDate *date)
{
  char text[64];

  if (g_date_strftime (text, sizeof text, "%-d %b %Y", date) == 0)
    return g_strdup ("");

  return g_strdup (text);
}

/* What has been given under a signed plan, what is next and what is
 * overdue, from the recorded sessions and today's date. */
gboolean
_consult_client_page_update_progress (ConsultClientPage  *self,
                                      GError            **error)
{
  g_autoptr (GPtrArray) sessions = NULL;
  g_autoptr (GPtrArray) given = g_ptr_array_new ();
  g_autoptr (GArray) progress = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  GDate today;

  for (guint i = 0; i < self->progress_rows->len; i++)
    adw_preferences_group_remove (self->progress_group, g_ptr_array_index (self->progress_rows, i));
  g_ptr_array_set_size (self->progress_rows, 0);

  /* The group sits in a clamp: hide both, margins and all. */
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->progress_group)), self->open_plan_signed);
  if (!self->open_plan_signed)
    return TRUE;

  sessions = consult_store_list_sessions (consult_context_get_store (self->context), self->open_plan_id, error);
  if (sessions == NULL)
    return FALSE;

  for (guint i = 0; i < sessions->len; i++)
    g_ptr_array_add (given, ((ConsultStoreSession *) g_ptr_array_index (sessions, i))->treatment);
  g_ptr_array_add (given, NULL);

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  progress = consult_plan_progress (self->open_plan, (const char * const *) given->pdata, &today);

  for (guint i = 0; i < progress->len; i++)
    {
      const ConsultStepProgress *item = &g_array_index (progress, ConsultStepProgress, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *subtitle = NULL;

      if (!g_date_valid (&item->next_due))
        /* TRANSLATORS: "3 of 3 sessions done" */
        subtitle = g_strdup_printf (_("%u of %u sessions done"), item->done, item->step->sessions);
      else
        {
          g_autofree char *due = format_date (&item->next_due);

          subtitle = g_strdup_printf (item->overdue
                                      /* TRANSLATORS: "1 of 3 sessions done · overdue since 18 Jan 2027" */
                                      ? _("%u of %u sessions done · overdue since %s")
                                      /* TRANSLATORS: "1 of 3 sessions done · next due 15 Feb 2027" */
                                      : _("%u of %u sessions done · next due %s"),
                                      item->done, item->step->sessions, due);
        }

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _consult_client_page_treatment_name (self, item->step->treatment));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (item->overdue)
        gtk_widget_add_css_class (row, "plan-overdue");
      else if (!g_date_valid (&item->next_due))
        gtk_widget_add_css_class (row, "plan-complete");
      adw_preferences_group_add (self->progress_group, row);
      g_ptr_array_add (self->progress_rows, row);
    }

  return TRUE;
}

typedef struct
{
  ConsultClientPage *page;
  AdwComboRow       *treatment_row;
  GtkEditable       *date_row;
  GtkEditable       *performer_row;
  GtkEditable       *product_row;
  GtkEditable       *lot_row;
  GtkEditable       *notes_row;
  GPtrArray         *treatments;    /* ids, in the combo's order */
} SessionForm;

static void
session_form_free (SessionForm *form)
{
  g_object_unref (form->page);
  g_ptr_array_unref (form->treatments);
  g_free (form);
}

static char *
form_text (GtkEditable *editable)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (editable)));
}

static void
record_session_response_cb (AdwMessageDialog *dialog,
                            const char       *response,
                            SessionForm      *form)
{
  ConsultClientPage *self = form->page;
  g_autoptr (ConsultStoreSession) session = NULL;
  g_autoptr (GError) error = NULL;
  guint selected;

  if (!g_str_equal (response, "record"))
    return;

  selected = adw_combo_row_get_selected (form->treatment_row);
  session = consult_store_session_new ();
  session->plan_id = g_strdup (self->open_plan_id);
  session->treatment = selected < form->treatments->len
                       ? g_strdup (g_ptr_array_index (form->treatments, selected)) : NULL;
  session->performed_on = form_text (form->date_row);
  session->performer = form_text (form->performer_row);
  session->product = form_text (form->product_row);
  session->lot_number = form_text (form->lot_row);
  session->notes = form_text (form->notes_row);

  if (!consult_store_record_session (consult_context_get_store (self->context), session, &error) ||
      !_consult_client_page_update_progress (self, &error))
    {
      consult_show_message (GTK_WIDGET (self), _("The Session Could Not Be Recorded"), error->message);
      return;
    }

  _consult_client_page_emit_changed (self);
}

static GtkWidget *
form_entry (GtkWidget   *list,
            const char  *title,
            const char  *text,
            GtkEditable **out)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (text != NULL)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  *out = GTK_EDITABLE (row);

  return row;
}

static void
record_session_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ConsultClientPage *self = CONSULT_CLIENT_PAGE (widget);
  SessionForm *form;
  GtkWidget *dialog;
  GtkWidget *list;
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  GPtrArray *phases;

  if (self->open_plan == NULL || !self->open_plan_signed)
    return;

  form = g_new0 (SessionForm, 1);
  form->page = g_object_ref (self);
  form->treatments = g_ptr_array_new ();

  /* Only the plan's in-clinic steps have sessions to record. */
  phases = consult_plan_get_phases (self->open_plan);
  for (guint i = 0; i < phases->len; i++)
    {
      const ConsultPlanPhase *phase = g_ptr_array_index (phases, i);

      for (guint j = 0; j < phase->steps->len; j++)
        {
          const ConsultPlanStep *step = g_ptr_array_index (phase->steps, j);

          if (step->sessions == 0)
            continue;
          g_ptr_array_add (form->treatments, step->treatment);
          gtk_string_list_append (names, _consult_client_page_treatment_name (self, step->treatment));
        }
    }

  dialog = adw_message_dialog_new (consult_widget_get_window (widget), _("Record a Session"),
                                   _("A recorded session cannot be changed or removed later."));
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  form->treatment_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (form->treatment_row), _("Treatment"));
  adw_combo_row_set_model (form->treatment_row, G_LIST_MODEL (names));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (form->treatment_row));
  form_entry (list, _("Date (YYYY-MM-DD)"), today, &form->date_row);
  form_entry (list, _("Performed by"), NULL, &form->performer_row);
  form_entry (list, _("Product"), NULL, &form->product_row);
  form_entry (list, _("Lot number"), NULL, &form->lot_row);
  form_entry (list, _("Notes"), NULL, &form->notes_row);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "record", _("_Record Session"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "record", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (record_session_response_cb), form,
                         (GClosureNotify) session_form_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_consult_client_page_install_session_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "client.record-session", NULL, record_session_action);
}
