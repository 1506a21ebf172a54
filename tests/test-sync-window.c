/* test-sync-window.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The health record, as the clinic's staff meet it: set up in
 * Preferences, tested, then every saved, signed or refused consultation
 * showing where it stands, against the loopback FHIR server.
 */

#include "config.h"

#include "consult-client-sidebar.h"
#include "consult-consultation-view-private.h"
#include "consult-preferences-window.h"
#include "consult-sync-indicator.h"
#include "consult-sync-preferences-page.h"
#include "consult-test.h"
#include "consult-test-app.h"
#include "consult-test-fhir-server.h"
#include "consult-test-gui.h"

static ConsultTestFhirServer *server;
static ConsultApplication *app;
static ConsultWindow *window;

static void
setup (void)
{
  g_autoptr (GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr (GError) error = NULL;

  consult_test_remove_user_data ();
  server = consult_test_fhir_server_start (&error);
  ck_assert_msg (server != NULL, "%s", error ? error->message : "");

  /* A clinic's own CA is chosen through a file chooser, which a test
   * cannot drive; the setting it writes is what matters. */
  g_settings_reset (settings, "fhir-base-url");
  g_settings_set_string (settings, "fhir-ca-file", consult_test_fhir_server_get_ca_file (server));

  app = consult_test_app_new ();
  window = consult_test_app_activate (app);
}

static void
teardown (void)
{
  g_autoptr (GSettings) settings = g_settings_new (APPLICATION_ID);

  g_clear_pointer (&app, consult_test_app_free);
  g_settings_reset (settings, "fhir-base-url");
  g_settings_reset (settings, "fhir-ca-file");
  g_clear_pointer (&server, consult_test_fhir_server_stop);
  window = NULL;
}

static GtkWidget *
open_preferences (void)
{
  GtkWidget *preferences = NULL;
  g_autoptr (GList) windows = NULL;

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  consult_test_settle ();
  windows = gtk_window_list_toplevels ();
  for (GList *l = windows; l != NULL; l = l->next)
    if (CONSULT_IS_PREFERENCES_WINDOW (l->data))
      preferences = l->data;
  ck_assert_ptr_nonnull (preferences);

  return preferences;
}

static void
apply_row (GtkWidget  *page,
           GType       type,
           const char *title,
           const char *text)
{
  GtkWidget *row = consult_test_find_widget (page, type, title);

  ck_assert_msg (row != NULL, "no row “%s”", title);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "apply");
  consult_test_settle ();
}

static const char *
row_subtitle (GtkWidget  *page,
              const char *title)
{
  GtkWidget *row = consult_test_find_widget (page, ADW_TYPE_ACTION_ROW, title);

  ck_assert_msg (row != NULL, "no row “%s”", title);
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

typedef struct
{
  GtkWidget  *page;
  const char *title;
  const char *unwanted;
} SubtitleChange;

static gboolean
subtitle_changed (gpointer data)
{
  SubtitleChange *change = data;
  const char *subtitle = row_subtitle (change->page, change->title);

  return subtitle != NULL && !g_str_equal (subtitle, change->unwanted);
}

static const char *
sync_tooltip (void)
{
  ConsultConsultationView *view = consult_window_get_consultation_view (window);

  if (!gtk_widget_get_visible (GTK_WIDGET (view->sync_image)))
    return NULL;

  return gtk_widget_get_tooltip_text (GTK_WIDGET (view->sync_image));
}

static gboolean
sync_tooltip_starts_with (gpointer data)
{
  const char *tooltip = sync_tooltip ();

  return tooltip != NULL && g_str_has_prefix (tooltip, data);
}

static void
wait_for_sync_state (const char *prefix)
{
  ck_assert_msg (consult_test_wait_until (sync_tooltip_starts_with, (gpointer) prefix, 60000),
                 "the consultation never said “%s…”; it says “%s”", prefix,
                 sync_tooltip () != NULL ? sync_tooltip () : "(nothing)");
}

static const char *
indicator_text (void)
{
  GtkWidget *indicator = consult_test_find_widget (GTK_WIDGET (window), CONSULT_TYPE_SYNC_INDICATOR, NULL);
  GtkWidget *label;

  ck_assert_ptr_nonnull (indicator);
  if (!gtk_widget_get_visible (indicator))
    return NULL;

  /* The button's own label, not the popover's. */
  label = consult_test_find_widget (gtk_widget_get_first_child (indicator), GTK_TYPE_LABEL, NULL);
  return gtk_label_get_label (GTK_LABEL (label));
}

static void
server_command (const char *command)
{
  g_autoptr (JsonNode) answer = NULL;
  g_autoptr (GError) error = NULL;

  answer = consult_test_fhir_server_command (server, command, &error);
  ck_assert_msg (answer != NULL, "%s", error ? error->message : "");
}

START_TEST (test_set_up_test_and_send)
{
  GtkWidget *preferences;
  GtkWidget *page;
  g_autoptr (GError) error = NULL;
  g_autofree char *png = NULL;
  SubtitleChange change;
  ConsultConsultationView *view;
  GtkWidget *row;
  GtkWidget *image;

  /* Nothing is set up: the records stay here and nothing says otherwise. */
  ck_assert_ptr_null (indicator_text ());

  preferences = open_preferences ();
  page = consult_test_find_widget (preferences, CONSULT_TYPE_SYNC_PREFERENCES_PAGE, NULL);
  ck_assert_ptr_nonnull (page);
  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (preferences), ADW_PREFERENCES_PAGE (page));

  apply_row (page, ADW_TYPE_ENTRY_ROW, "Server Address", consult_test_fhir_server_get_base_url (server));
  ck_assert (!gtk_widget_has_css_class (consult_test_find_widget (page, ADW_TYPE_ENTRY_ROW, "Server Address"), "error"));

  /* No keyring in this test's session: the token is kept for the session
   * only, and the page says so. */
  apply_row (page, ADW_TYPE_PASSWORD_ENTRY_ROW, "New Access Token", consult_test_fhir_server_get_token (server));
  ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (consult_test_find_widget (page, ADW_TYPE_PASSWORD_ENTRY_ROW,
                                                                                     "New Access Token"))), "");
  ck_assert_ptr_nonnull (strstr (row_subtitle (page, "Access Token"), "no keyring"));

  gtk_widget_activate_action (page, "sync.test-connection", NULL);
  change = (SubtitleChange) { page, "Test Connection", "Connecting…" };
  ck_assert (consult_test_wait_until (subtitle_changed, &change, 60000));
  ck_assert_msg (strstr (row_subtitle (page, "Test Connection"), "takes transactions") != NULL,
                 "%s", row_subtitle (page, "Test Connection"));

  /* Tall enough to show the whole page at once. */
  gtk_window_set_default_size (GTK_WINDOW (preferences), 640, 1000);
  consult_test_settle ();
  png = consult_test_save_png (preferences, "sync-preferences.png", &error);
  ck_assert_msg (png != NULL, "%s", error ? error->message : "");

  /* A plain-http address elsewhere than this machine is refused, and the
   * working one stays. */
  apply_row (page, ADW_TYPE_ENTRY_ROW, "Server Address", "http://ehr.example.org/fhir/R4");
  ck_assert (gtk_widget_has_css_class (consult_test_find_widget (page, ADW_TYPE_ENTRY_ROW, "Server Address"), "error"));
  {
    g_autoptr (GSettings) settings = g_settings_new (APPLICATION_ID);
    g_autofree char *saved = g_settings_get_string (settings, "fhir-base-url");

    ck_assert_str_eq (saved, consult_test_fhir_server_get_base_url (server));
  }

  gtk_window_close (GTK_WINDOW (preferences));
  consult_test_settle ();

  /* Saving sends: the consultation says so, and the server has it. */
  view = consult_test_app_open_seed (window, "seed-3-sun-damage.json");
  gtk_widget_activate_action (GTK_WIDGET (view), "consultation.save", NULL);
  wait_for_sync_state ("Sent to the health record on ");
  ck_assert_uint_eq (consult_test_fhir_server_count (server, "Patient"), 1);
  ck_assert_uint_eq (consult_test_fhir_server_count (server, "CarePlan"), 1);
  ck_assert_uint_eq (consult_test_fhir_server_count (server, "QuestionnaireResponse"), 1);
  ck_assert_str_eq (indicator_text (), "All sent to the health record");

  /* The server refuses the signed version: a person must act, and the
   * consultation says why in the server's own words. */
  /* The first request of a run reads /metadata: let it through. */
  server_command ("{\"cmd\":\"fault\",\"faults\":[{\"delayMs\":0},{\"status\":422,"
                  "\"text\":\"CarePlan.activity: the clinic requires a performer\",\"times\":1}]}");
  gtk_widget_activate_action (GTK_WIDGET (view), "consultation.sign", NULL);
  consult_test_answer_dialog (consult_test_wait_for_dialog ("Sign This Plan?"), "Dr. Ada Okafor", "sign");
  wait_for_sync_state ("The health record refused it: ");
  ck_assert_ptr_nonnull (strstr (sync_tooltip (), "the clinic requires a performer"));
  ck_assert_str_eq (indicator_text (), "Not sent: action needed");
  g_clear_pointer (&png, g_free);
  png = consult_test_save_png (GTK_WIDGET (window), "sync-refused.png", &error);
  ck_assert_msg (png != NULL, "%s", error ? error->message : "");

  /* Once the clinic has fixed the cause, Send Now delivers it: the same
   * CarePlan, now active, and no duplicate. */
  gtk_widget_activate_action (consult_test_find_widget (GTK_WIDGET (window), CONSULT_TYPE_SYNC_INDICATOR, NULL),
                              "sync-indicator.send-now", NULL);
  wait_for_sync_state ("Sent to the health record on ");
  ck_assert_uint_eq (consult_test_fhir_server_count (server, "CarePlan"), 1);
  ck_assert_uint_eq (consult_test_fhir_server_count (server, "Patient"), 1);
  ck_assert_str_eq (indicator_text (), "All sent to the health record");

  /* The client's history says the same of the consultation. */
  consult_test_app_wait_for_clients (window, 1, 10000);
  g_signal_emit_by_name (consult_test_find_widget (consult_test_find_widget (GTK_WIDGET (window),
                                                                            CONSULT_TYPE_CLIENT_SIDEBAR, NULL),
                                                   GTK_TYPE_LIST_VIEW, NULL),
                         "activate", 0);
  row = consult_test_find_widget (GTK_WIDGET (window), ADW_TYPE_ACTION_ROW, "Consultation of 2026-11-23");
  ck_assert_ptr_nonnull (row);
  image = g_object_get_data (G_OBJECT (row), "sync-image");
  ck_assert (gtk_widget_get_visible (image));
  ck_assert (g_str_has_prefix (gtk_widget_get_tooltip_text (image), "Sent to the health record on "));
}
END_TEST

START_TEST (test_server_down_waits_and_catches_up)
{
  g_autoptr (GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr (GError) error = NULL;
  g_autofree char *png = NULL;
  ConsultConsultationView *view;
  GtkWidget *dialog;
  GtkWidget *indicator;
  GtkWidget *button;
  GtkWidget *popover;

  /* Set up before the app starts, on a computer without a keyring: the
   * token is asked for once, for this session. */
  g_settings_set_string (settings, "fhir-base-url", consult_test_fhir_server_get_base_url (server));
  consult_test_app_free (app);
  app = consult_test_app_new ();
  window = consult_test_app_activate (app);
  dialog = consult_test_wait_for_dialog ("Health Record Access Token");
  png = consult_test_save_png (dialog, "sync-token-dialog.png", &error);
  ck_assert_msg (png != NULL, "%s", error ? error->message : "");
  consult_test_answer_dialog (dialog, consult_test_fhir_server_get_token (server), "use");

  server_command ("{\"cmd\":\"down\"}");
  view = consult_test_app_open_seed (window, "seed-5-volume.json");
  gtk_widget_activate_action (GTK_WIDGET (view), "consultation.save", NULL);
  wait_for_sync_state ("Not sent yet (");
  ck_assert_str_eq (indicator_text (), "Waiting to send");

  /* The summary's popover gives the count and the next attempt. */
  indicator = consult_test_find_widget (GTK_WIDGET (window), CONSULT_TYPE_SYNC_INDICATOR, NULL);
  button = consult_test_find_widget (indicator, GTK_TYPE_MENU_BUTTON, NULL);
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  consult_test_settle ();
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  ck_assert_ptr_nonnull (consult_test_find_widget (popover, GTK_TYPE_LABEL, NULL));
  ck_assert (g_str_has_prefix (gtk_label_get_label (GTK_LABEL (consult_test_find_widget (popover, GTK_TYPE_LABEL, NULL))),
                               "1 consultation is waiting to be sent."));
  g_clear_pointer (&png, g_free);
  png = consult_test_save_png (popover, "sync-waiting-popover.png", &error);
  ck_assert_msg (png != NULL, "%s", error ? error->message : "");
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));

  /* Nothing is lost while the server is away; Send Now after it is back
   * delivers without waiting for the next attempt. */
  server_command ("{\"cmd\":\"up\"}");
  gtk_widget_activate_action (indicator, "sync-indicator.send-now", NULL);
  wait_for_sync_state ("Sent to the health record on ");
  ck_assert_uint_eq (consult_test_fhir_server_count (server, "CarePlan"), 1);
}
END_TEST

static Suite *
sync_window_suite (void)
{
  Suite *suite = suite_create ("sync-window");
  TCase *window_case = tcase_create ("window");

  tcase_add_checked_fixture (window_case, setup, teardown);
  tcase_set_timeout (window_case, 240);
  tcase_add_test (window_case, test_set_up_test_and_send);
  tcase_add_test (window_case, test_server_down_waits_and_catches_up);
  suite_add_tcase (suite, window_case);

  return suite;
}

int
main (void)
{
  /* Never the keyring of whoever runs the tests. */
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/medspa-consult-test-bus", TRUE);
  gtk_init ();
  adw_init ();

  return consult_test_run_suite (sync_window_suite ());
}
