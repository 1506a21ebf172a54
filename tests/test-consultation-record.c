/* test-consultation-record.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include <adwaita.h>
#include <sqlite3.h>

#include "consult-application.h"
#include "consult-client-page.h"
#include "consult-client-sidebar.h"
#include "consult-plan-view.h"
#include "consult-consultation-view.h"
#include "consult-intake-wizard.h"
#include "consult-store-drafts.h"
#include "consult-store-paths.h"
#include "consult-store-plans.h"
#include "consult-test.h"
#include "consult-test-app.h"
#include "consult-test-gui.h"
#include "consult-window.h"

/* Saving, signing, amending, consent, autosaved drafts and store errors,
 * through the real window against the real records. */

static ConsultApplication *app;
static ConsultWindow *window;
static ConsultConsultationView *view;

static void
start_app (void)
{
  app = consult_test_app_new ();
  window = consult_test_app_activate (app);
  view = consult_window_get_consultation_view (window);
}

static void
stop_app (void)
{
  g_clear_pointer (&app, consult_test_app_free);
  window = NULL;
  view = NULL;
}

static void
setup (void)
{
  consult_test_remove_user_data ();
  start_app ();
}

static void
teardown (void)
{
  stop_app ();
}

static ConsultStore *
store (void)
{
  return consult_context_get_store (consult_application_get_context (app));
}

static guint
count_rows_with_subtitle (GtkWidget  *root,
                          const char *subtitle)
{
  guint n = ADW_IS_ACTION_ROW (root) &&
            g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (root)), subtitle) == 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    n += count_rows_with_subtitle (child, subtitle);

  return n;
}

static guint
count_rows_with_subtitle_prefix (GtkWidget  *root,
                                 const char *prefix)
{
  guint n = ADW_IS_ACTION_ROW (root) && gtk_widget_get_mapped (root) &&
            g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (root)) ?: "", prefix);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    n += count_rows_with_subtitle_prefix (child, prefix);

  return n;
}

START_TEST (test_save_sign_consent_amend)
{
  g_autoptr (ConsultStorePlanVersion) version = NULL;
  g_autoptr (GPtrArray) versions = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *first_plan_id = NULL;
  g_autofree char *png = NULL;
  GtkWidget *wizard;

  consult_test_app_open_seed (window, "seed-5-volume.json");
  wizard = consult_consultation_view_get_wizard (view);

  gtk_widget_activate_action (GTK_WIDGET (view), "consultation.save", NULL);
  ck_assert_ptr_nonnull (consult_consultation_view_get_plan_id (view));
  first_plan_id = g_strdup (consult_consultation_view_get_plan_id (view));

  version = consult_store_get_plan (store (), first_plan_id, &error);
  ck_assert_msg (version != NULL, "%s", error ? error->message : "");
  ck_assert_int_eq (version->status, CONSULT_STORE_PLAN_DRAFT);
  consult_test_app_wait_for_clients (window, 1, 10000);

  /* Saving changed answers records a new consultation and drops the
   * draft of the old one. */
  consult_intake_set_sunscreen (consult_consultation_view_get_intake (view), "rarely");
  gtk_widget_activate_action (GTK_WIDGET (view), "consultation.save", NULL);
  ck_assert_str_ne (consult_consultation_view_get_plan_id (view), first_plan_id);
  g_clear_pointer (&version, consult_store_plan_version_free);
  ck_assert_ptr_null (consult_store_get_plan (store (), first_plan_id, &error));
  ck_assert (g_error_matches (error, CONSULT_STORE_ERROR, CONSULT_STORE_ERROR_NOT_FOUND));
  g_clear_error (&error);
  g_free (first_plan_id);
  first_plan_id = g_strdup (consult_consultation_view_get_plan_id (view));

  /* The physician signs deliberately, by name. */
  gtk_widget_activate_action (GTK_WIDGET (view), "consultation.sign", NULL);
  consult_test_answer_dialog (consult_test_wait_for_dialog ("Sign This Plan?"), "Dr. Sherly Soleiman", "sign");
  g_clear_pointer (&version, consult_store_plan_version_free);
  version = consult_store_get_plan (store (), first_plan_id, &error);
  ck_assert_int_eq (version->status, CONSULT_STORE_PLAN_SIGNED);
  ck_assert_str_eq (version->physician, "Dr. Sherly Soleiman");
  ck_assert (!gtk_widget_get_sensitive (wizard));
  ck_assert (!gtk_widget_get_visible (consult_test_find_widget (GTK_WIDGET (view), GTK_TYPE_BUTTON,
                                                                  "_Save Draft")));
  ck_assert_ptr_nonnull (consult_test_find_widget (GTK_WIDGET (view), GTK_TYPE_LABEL,
                                                   "Signed by Dr. Sherly Soleiman. A signed plan cannot be "
                                                   "changed; amending it makes a new version."));

  png = consult_test_save_png (GTK_WIDGET (window), "plan-signed.png", &error);
  ck_assert_msg (png != NULL, "%s", error ? error->message : "");

  /* The client confirms by typing their own name; a wrong name is refused. */
  gtk_widget_activate_action (GTK_WIDGET (view), "consultation.consent", NULL);
  consult_test_answer_dialog (consult_test_wait_for_dialog ("Record the Client’s Consent"), "Somebody Else", "consent");
  consult_test_answer_dialog (consult_test_wait_for_dialog ("Consent Was Not Recorded"), NULL, "close");
  gtk_widget_activate_action (GTK_WIDGET (view), "consultation.consent", NULL);
  {
    ConsultIntake *intake = consult_consultation_view_get_intake (view);
    g_autofree char *name = g_strdup_printf ("%s %s", consult_intake_get_given_name (intake),
                                             consult_intake_get_family_name (intake));

    consult_test_answer_dialog (consult_test_wait_for_dialog ("Record the Client’s Consent"), name, "consent");
  }

  /* Amending makes a new version; the signed one stays in force until the
   * amendment is signed, and is superseded then. */
  gtk_widget_activate_action (GTK_WIDGET (view), "consultation.amend", NULL);
  ck_assert (gtk_widget_get_sensitive (wizard));
  gtk_widget_activate_action (GTK_WIDGET (view), "consultation.save", NULL);
  ck_assert_str_ne (consult_consultation_view_get_plan_id (view), first_plan_id);
  g_clear_pointer (&version, consult_store_plan_version_free);
  version = consult_store_get_plan (store (), consult_consultation_view_get_plan_id (view), &error);
  ck_assert_int_eq (version->status, CONSULT_STORE_PLAN_DRAFT);
  ck_assert_uint_eq (version->version, 2);
  g_clear_pointer (&version, consult_store_plan_version_free);
  version = consult_store_get_plan (store (), first_plan_id, &error);
  ck_assert_int_eq (version->status, CONSULT_STORE_PLAN_SIGNED);

  gtk_widget_activate_action (GTK_WIDGET (view), "consultation.sign", NULL);
  consult_test_answer_dialog (consult_test_wait_for_dialog ("Sign This Plan?"), "Dr. Sherly Soleiman", "sign");
  g_clear_pointer (&version, consult_store_plan_version_free);
  version = consult_store_get_plan (store (), first_plan_id, &error);
  ck_assert_int_eq (version->status, CONSULT_STORE_PLAN_SUPERSEDED);

  /* The two versions side by side, from the client's history. */
  {
    GtkWidget *sidebar = consult_test_find_widget (GTK_WIDGET (window), CONSULT_TYPE_CLIENT_SIDEBAR, NULL);
    GtkWidget *page;
    g_autoptr (ConsultPlan) signed_plan = NULL;
    guint n_steps = 0;

    consult_test_app_wait_for_clients (window, 1, 10000);
    g_signal_emit_by_name (consult_test_find_widget (sidebar, GTK_TYPE_LIST_VIEW, NULL), "activate", 0);
    page = consult_test_find_widget (GTK_WIDGET (window), CONSULT_TYPE_CLIENT_PAGE, NULL);
    ck_assert (consult_client_page_open_plan (CONSULT_CLIENT_PAGE (page),
                                              consult_consultation_view_get_plan_id (view), &error));
    ck_assert (consult_client_page_compare_with_previous (CONSULT_CLIENT_PAGE (page), &error));
    ck_assert_ptr_nonnull (consult_test_find_widget (page, GTK_TYPE_LABEL, "Version 2 compared with version 1"));

    /* The amendment re-planned the same answers: every step is there,
     * unchanged. */
    signed_plan = consult_plan_new_from_json (version->plan_json, -1, NULL);
    for (guint i = 0; i < consult_plan_get_phases (signed_plan)->len; i++)
      n_steps += ((ConsultPlanPhase *) g_ptr_array_index (consult_plan_get_phases (signed_plan), i))->steps->len;
    ck_assert_uint_gt (n_steps, 0);
    ck_assert_uint_eq (count_rows_with_subtitle (gtk_stack_get_visible_child (GTK_STACK (consult_test_find_widget (page, GTK_TYPE_STACK, NULL))),
                                                 "Unchanged"), n_steps);
  }
}
END_TEST

static gboolean
draft_saved (gpointer data)
{
  g_autoptr (ConsultStoreDraft) draft = consult_store_get_draft (store (), g_get_host_name (),
                                                                 g_get_user_name (), NULL);

  return draft != NULL && strstr (draft->intake_json, (const char *) data) != NULL;
}

START_TEST (test_draft_restored_after_crash)
{
  ConsultIntakeWizard *wizard;
  ConsultIntake *restored;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-consultation", NULL);
  wizard = CONSULT_INTAKE_WIZARD (consult_consultation_view_get_wizard (view));
  gtk_editable_set_text (GTK_EDITABLE (consult_intake_wizard_get_field_widget (wizard, "client.given_name")), "Marisol");
  gtk_editable_set_text (GTK_EDITABLE (consult_intake_wizard_get_field_widget (wizard, "client.phone")), "+1 818 555 0199");
  ck_assert (consult_test_wait_until (draft_saved, (gpointer) "+1 818 555 0199", 10000));

  /* The app stops without saving, as in a crash; the next start offers
   * the intake back. */
  stop_app ();
  start_app ();
  consult_test_answer_dialog (consult_test_wait_for_dialog ("Restore the Unsaved Consultation?"), NULL, "restore");
  restored = consult_consultation_view_get_intake (view);
  ck_assert_ptr_nonnull (restored);
  ck_assert_str_eq (consult_intake_get_given_name (restored), "Marisol");
  ck_assert_str_eq (consult_intake_get_phone (restored), "+1 818 555 0199");
  wizard = CONSULT_INTAKE_WIZARD (consult_consultation_view_get_wizard (view));
  ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (consult_intake_wizard_get_field_widget (wizard, "client.given_name"))),
                    "Marisol");
}
END_TEST

/* Another program holds the database; saving fails with a clear dialog,
 * nothing typed is lost, and "Try Again" succeeds once the lock is gone. */
START_TEST (test_locked_database_keeps_data_and_retries)
{
  g_autofree char *path = consult_store_default_path ();
  sqlite3 *other = NULL;
  GtkWidget *dialog;
  g_autofree char *body = NULL;
  ConsultIntake *intake;

  consult_test_app_open_seed (window, "seed-2-expression-lines.json");
  intake = consult_consultation_view_get_intake (view);
  consult_store_set_busy_timeout (store (), 200);

  ck_assert_int_eq (sqlite3_open (path, &other), SQLITE_OK);
  ck_assert_int_eq (sqlite3_exec (other, "BEGIN EXCLUSIVE", NULL, NULL, NULL), SQLITE_OK);

  gtk_widget_activate_action (GTK_WIDGET (view), "consultation.save", NULL);
  dialog = consult_test_wait_for_dialog ("The Plan Could Not Be Saved");
  g_object_get (dialog, "body", &body, NULL);
  ck_assert_ptr_nonnull (strstr (body, "Everything you entered is still here."));
  ck_assert_ptr_null (consult_consultation_view_get_plan_id (view));
  ck_assert_ptr_nonnull (consult_intake_get_given_name (intake));
  ck_assert (consult_consultation_view_get_intake (view) == intake);

  ck_assert_int_eq (sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL), SQLITE_OK);
  sqlite3_close (other);

  consult_test_answer_dialog (dialog, NULL, "retry");
  ck_assert_ptr_nonnull (consult_consultation_view_get_plan_id (view));
}
END_TEST

/* Print runs the report's layout through GtkPrintOperation; exporting
 * takes the same path without the dialog. */
START_TEST (test_print_export_has_plan)
{
  g_autofree char *pdf = consult_test_output_path ("plan-summary-print.pdf");
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  char *argv[] = { (char *) "pdftotext", pdf, (char *) "-", NULL };
  int status;

  consult_test_app_open_seed (window, "seed-3-sun-damage.json");
  ck_assert_msg (consult_consultation_view_export_pdf (view, pdf, &error), "%s", error ? error->message : "");
  ck_assert (g_spawn_sync (NULL, argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                           NULL, NULL, &text, NULL, &status, &error));
  ck_assert_ptr_nonnull (strstr (text, consult_intake_get_family_name (consult_consultation_view_get_intake (view))));
  /* The client asked for Spanish: the summary is in Spanish. */
  ck_assert_ptr_nonnull (strstr (text, "Página 1 de"));
}
END_TEST

static gboolean
client_page_shows_plan (gpointer data)
{
  GtkStack *stack = GTK_STACK (consult_test_find_widget (data, GTK_TYPE_STACK, NULL));

  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), "plan") == 0 &&
         !gtk_stack_get_transition_running (stack);
}

/* History: the client's page lists what happened, newest first, and a
 * signed plan opens exactly as signed; archiving hides the client. */
START_TEST (test_client_history_and_archive)
{
  g_autoptr (ConsultStorePlanVersion) version = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *png = NULL;
  g_autofree char *shown = NULL;
  ConsultClientSidebar *sidebar;
  GtkWidget *page;
  GtkWidget *plan_row;
  GtkWidget *plan_view;
  g_autofree char *plan_id = NULL;

  consult_test_app_open_seed (window, "seed-4-acne-scars.json");
  gtk_widget_activate_action (GTK_WIDGET (view), "consultation.sign", NULL);
  consult_test_answer_dialog (consult_test_wait_for_dialog ("Sign This Plan?"), "Dr. Ada Okafor", "sign");
  plan_id = g_strdup (consult_consultation_view_get_plan_id (view));

  sidebar = CONSULT_CLIENT_SIDEBAR (consult_test_find_widget (GTK_WIDGET (window), CONSULT_TYPE_CLIENT_SIDEBAR, NULL));
  consult_test_app_wait_for_clients (window, 1, 10000);
  g_signal_emit_by_name (consult_test_find_widget (GTK_WIDGET (sidebar), GTK_TYPE_LIST_VIEW, NULL), "activate", 0);

  page = consult_test_find_widget (GTK_WIDGET (window), CONSULT_TYPE_CLIENT_PAGE, NULL);
  ck_assert (gtk_widget_get_mapped (page));
  /* Newest first: the sign-off comes before the version it signed. */
  ck_assert_ptr_nonnull (consult_test_find_widget (page, ADW_TYPE_ACTION_ROW, "Plan version 1 signed"));
  plan_row = consult_test_find_widget (page, ADW_TYPE_ACTION_ROW, "Plan version 1 (signed)");
  ck_assert_ptr_nonnull (plan_row);
  png = consult_test_save_png (GTK_WIDGET (window), "client-page.png", &error);
  ck_assert_msg (png != NULL, "%s", error ? error->message : "");

  g_signal_emit_by_name (plan_row, "activated");
  ck_assert (consult_test_wait_until (client_page_shows_plan, page, 5000));
  plan_view = consult_test_find_widget (page, CONSULT_TYPE_PLAN_VIEW, NULL);
  version = consult_store_get_plan (store (), plan_id, &error);
  shown = consult_plan_to_json (consult_plan_view_get_plan (CONSULT_PLAN_VIEW (plan_view)));
  ck_assert_str_eq (shown, version->plan_json);
  {
    g_autofree char *made_with = g_strdup_printf ("Made with protocol catalogue %s", version->catalogue_version);

    ck_assert_ptr_nonnull (consult_test_find_widget (page, GTK_TYPE_LABEL, made_with));
  }
  /* A session given under the signed plan counts towards its progress. */
  {
    GtkWidget *dialog;

    gtk_widget_activate_action (page, "client.record-session", NULL);
    dialog = consult_test_wait_for_dialog ("Record a Session");
    gtk_editable_set_text (GTK_EDITABLE (consult_test_find_widget (dialog, ADW_TYPE_ENTRY_ROW, "Performed by")),
                           "Nurse Kim");
    gtk_editable_set_text (GTK_EDITABLE (consult_test_find_widget (dialog, ADW_TYPE_ENTRY_ROW, "Lot number")),
                           "LOT-2291");
    consult_test_answer_dialog (dialog, NULL, "record");
    ck_assert_uint_eq (count_rows_with_subtitle_prefix (page, "1 of "), 1);
  }

  g_clear_pointer (&png, g_free);
  png = consult_test_save_png (GTK_WIDGET (window), "client-plan-history.png", &error);
  ck_assert_msg (png != NULL, "%s", error ? error->message : "");

  gtk_widget_activate_action (page, "client.back", NULL);
  gtk_widget_activate_action (page, "client.archive", NULL);
  consult_test_answer_dialog (consult_test_wait_for_dialog ("Archive This Client?"), NULL, "archive");
  consult_test_app_wait_for_clients (window, 0, 10000);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (consult_test_find_widget (GTK_WIDGET (sidebar),
                                                                           GTK_TYPE_CHECK_BUTTON, NULL)), TRUE);
  consult_test_app_wait_for_clients (window, 1, 10000);
}
END_TEST

static Suite *
record_suite (void)
{
  Suite *suite = suite_create ("consultation-record");
  TCase *tc = tcase_create ("record");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_save_sign_consent_amend);
  tcase_add_test (tc, test_draft_restored_after_crash);
  tcase_add_test (tc, test_locked_database_keeps_data_and_retries);
  tcase_add_test (tc, test_print_export_has_plan);
  tcase_add_test (tc, test_client_history_and_archive);
  suite_add_tcase (suite, tc);

  return suite;
}

int
main (int    argc,
      char **argv)
{
  gtk_init ();
  adw_init ();

  return consult_test_run_suite (record_suite ());
}
