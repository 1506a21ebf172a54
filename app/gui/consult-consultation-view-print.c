/* consult-consultation-view-print.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-consultation-view"

#include "config.h"

#include <glib/gi18n.h>

#include "consult-consultation-view-private.h"
#include "consult-dialogs.h"
#include "consult-report.h"

/* The patient summary, printed or exported as PDF from the one layout of
 * app/report, in the client's preferred language. */

static ConsultReport *
build_report (ConsultConsultationView *self)
{
  GSettings *settings = consult_context_get_settings (self->context);
  g_autofree char *name = g_settings_get_string (settings, "clinic-name");
  g_autofree char *address = g_settings_get_string (settings, "clinic-address");
  g_autofree char *phone = g_settings_get_string (settings, "clinic-phone");
  g_autofree char *logo = g_settings_get_string (settings, "clinic-logo");
  ConsultReportClinic clinic = { name, address, phone, logo };
  const char *language = consult_intake_get_preferred_language (self->intake);
  ConsultReport *report = consult_report_new (self->plan, language);
  const char *consultant = g_get_real_name ();

  consult_report_set_catalogue (report, consult_context_get_catalogue (self->context));
  consult_report_set_clinic (report, &clinic);
  consult_report_set_intake (report, self->intake);
  consult_report_set_staff (report, g_strcmp0 (consultant, "Unknown") != 0 ? consultant : g_get_user_name (),
                            self->signed_by);
  consult_report_set_status (report,
                             self->state == CONSULT_RECORD_SIGNED ? CONSULT_REPORT_STATUS_SIGNED
                                                                  : CONSULT_REPORT_STATUS_DRAFT,
                             self->signed_by, NULL);

  return report;
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                ConsultReport     *report)
{
  g_autoptr (GError) error = NULL;

  /* The report sets its own margins on the whole sheet, in points. */
  if (!consult_report_paginate (report,
                                gtk_print_context_get_width (context),
                                gtk_print_context_get_height (context),
                                &error))
    {
      g_warning ("Could not lay out the plan summary: %s", error->message);
      gtk_print_operation_cancel (operation);
      return;
    }

  gtk_print_operation_set_n_pages (operation, (int) consult_report_get_n_pages (report));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              ConsultReport     *report)
{
  consult_report_draw_page (report, gtk_print_context_get_cairo_context (context), (guint) page_nr);
}

/* Runs the print dialog (with its preview); @export_path, when set,
 * writes that PDF without a dialog, as tests and "Export" do. */
static gboolean
run_print (ConsultConsultationView  *self,
           const char               *export_path,
           GError                  **error)
{
  g_autoptr (GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr (ConsultReport) report = build_report (self);
  GtkPrintOperationResult result;

  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_job_name (operation, _("Treatment Plan Summary"));
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), report);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), report);

  if (export_path != NULL)
    gtk_print_operation_set_export_filename (operation, export_path);

  result = gtk_print_operation_run (operation,
                                    export_path != NULL ? GTK_PRINT_OPERATION_ACTION_EXPORT
                                                        : GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    consult_widget_get_window (GTK_WIDGET (self)),
                                    error);

  return result != GTK_PRINT_OPERATION_RESULT_ERROR;
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ConsultConsultationView *self = CONSULT_CONSULTATION_VIEW (widget);
  g_autoptr (GError) error = NULL;

  if (consult_consultation_view_get_plan (self) == NULL)
    return;

  if (!run_print (self, NULL, &error))
    consult_show_message (GTK_WIDGET (self), _("The Plan Summary Could Not Be Printed"), error->message);
}

static void
export_response_cb (GtkNativeDialog         *chooser,
                    int                      response,
                    ConsultConsultationView *self)
{
  g_autoptr (GFile) file = NULL;
  g_autoptr (ConsultReport) report = NULL;
  g_autoptr (GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);

  if (file == NULL || g_file_peek_path (file) == NULL)
    return;

  report = build_report (self);
  if (!consult_report_export_pdf (report, g_file_peek_path (file), &error))
    consult_show_message (GTK_WIDGET (self), _("The Plan Summary Could Not Be Printed"), error->message);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ConsultConsultationView *self = CONSULT_CONSULTATION_VIEW (widget);
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  if (consult_consultation_view_get_plan (self) == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Export the Plan Summary"),
                                         consult_widget_get_window (widget),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  /* TRANSLATORS: the suggested file name; keep .pdf */
  name = g_strdup_printf (_("Plan %s %s.pdf"),
                          consult_intake_get_family_name (self->intake) ? consult_intake_get_family_name (self->intake) : "",
                          consult_intake_get_consultation_date (self->intake));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Writes the summary as a PDF through the print operation, exactly the
 * path of the Print button; for tests and scripted exports. */
gboolean
consult_consultation_view_export_pdf (ConsultConsultationView  *self,
                                      const char               *path,
                                      GError                  **error)
{
  g_return_val_if_fail (CONSULT_IS_CONSULTATION_VIEW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (consult_consultation_view_get_plan (self) == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("There is no plan to print: the intake is not complete."));
      return FALSE;
    }

  return run_print (self, path, error);
}

void
_consult_consultation_view_install_print_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "consultation.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "consultation.export-pdf", NULL, export_action);
}
