/* test-window.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include <adwaita.h>

#include "consult-application.h"
#include "consult-preferences-window.h"
#include "consult-window.h"
#include "consult-test.h"
#include "consult-test-app.h"
#include "consult-test-gui.h"

static ConsultApplication *app;

static void
setup (void)
{
  consult_test_remove_user_data ();
  app = consult_test_app_new ();
}

static void
teardown (void)
{
  g_clear_pointer (&app, consult_test_app_free);
}

START_TEST (test_activate_shows_main_window)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *png = NULL;
  GtkWindow *window;

  window = GTK_WINDOW (consult_test_app_activate (app));
  ck_assert (CONSULT_IS_WINDOW (window));
  ck_assert_str_eq (gtk_window_get_title (window), "MedSpa Consult");

  png = consult_test_save_png (GTK_WIDGET (window), "main-window.png", &error);
  ck_assert_msg (png != NULL, "%s", error ? error->message : "");
  ck_assert (g_file_test (png, G_FILE_TEST_EXISTS));
}
END_TEST

START_TEST (test_window_size_is_restored)
{
  g_autoptr (GSettings) settings = g_settings_new (APPLICATION_ID);
  GtkWindow *window;
  int width;
  int height;

  g_settings_set_int (settings, "window-width", 1300);
  g_settings_set_int (settings, "window-height", 820);
  g_settings_set_boolean (settings, "window-maximized", FALSE);

  window = GTK_WINDOW (consult_test_app_activate (app));

  gtk_window_get_default_size (window, &width, &height);
  ck_assert_int_eq (width, 1300);
  ck_assert_int_eq (height, 820);

  /* Closing stores the size it has now. */
  gtk_window_set_default_size (window, 1320, 840);
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  consult_test_settle ();
  ck_assert_int_eq (g_settings_get_int (settings, "window-width"), 1320);
  ck_assert_int_eq (g_settings_get_int (settings, "window-height"), 840);
}
END_TEST

START_TEST (test_about_and_shortcuts_open)
{
  GtkWindow *window;
  GListModel *toplevels;
  guint before;

  window = GTK_WINDOW (consult_test_app_activate (app));

  toplevels = gtk_window_get_toplevels ();
  before = g_list_model_get_n_items (toplevels);

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  consult_test_settle ();
  ck_assert_uint_eq (g_list_model_get_n_items (toplevels), before + 1);

  ck_assert_ptr_nonnull (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
  consult_test_settle ();
  ck_assert (gtk_widget_get_visible (GTK_WIDGET (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)))));
}
END_TEST

static gboolean
preferences_window_shown (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWidget) toplevel = g_list_model_get_item (toplevels, i);

      if (CONSULT_IS_PREFERENCES_WINDOW (toplevel) && gtk_widget_get_mapped (toplevel))
        {
          *(GtkWidget **) data = toplevel;
          return TRUE;
        }
    }

  return FALSE;
}

START_TEST (test_preferences_edit_clinic_settings)
{
  g_autoptr (GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr (GError) error = NULL;
  g_autofree char *png = NULL;
  g_autofree char *stored = NULL;
  GtkWidget *preferences = NULL;
  GtkWidget *name_row;

  g_settings_set_string (settings, "clinic-name", "Valley Skin Clinic");

  consult_test_app_activate (app);
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  ck_assert (consult_test_wait_until (preferences_window_shown, &preferences, 10000));

  /* The rows show the stored values and write what the user types back. */
  name_row = consult_test_find_widget (preferences, ADW_TYPE_ENTRY_ROW, "Clinic Name");
  ck_assert_ptr_nonnull (name_row);
  ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (name_row)), "Valley Skin Clinic");

  gtk_editable_set_text (GTK_EDITABLE (name_row), "Sherman Oaks Aesthetics");
  stored = g_settings_get_string (settings, "clinic-name");
  ck_assert_str_eq (stored, "Sherman Oaks Aesthetics");

  png = consult_test_save_png (preferences, "preferences.png", &error);
  ck_assert_msg (png != NULL, "%s", error ? error->message : "");
}
END_TEST

static Suite *
window_suite (void)
{
  Suite *suite = suite_create ("window");
  TCase *tc = tcase_create ("main-window");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_activate_shows_main_window);
  tcase_add_test (tc, test_window_size_is_restored);
  tcase_add_test (tc, test_about_and_shortcuts_open);
  tcase_add_test (tc, test_preferences_edit_clinic_settings);
  suite_add_tcase (suite, tc);

  return suite;
}

int
main (int    argc,
      char **argv)
{
  gtk_init ();
  adw_init ();

  return consult_test_run_suite (window_suite ());
}
