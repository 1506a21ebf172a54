/* test-history-large.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "consult-client-list.h"
#include "consult-client-page.h"
#include "consult-client-sidebar.h"
#include "consult-store-clients.h"
#include "consult-store-paths.h"
#include "consult-test.h"
#include "consult-test-app.h"
#include "consult-test-generate.h"
#include "consult-test-gui.h"

/* A clinic after years of use: 100,000 clients. The list must find the
 * right client, scroll without loading everything, and open them. */

#define N_CLIENTS 100000

static ConsultApplication *app;
static ConsultWindow *window;
static ConsultClientSidebar *sidebar;

static void
generate_records (void)
{
  g_autofree char *path = consult_store_default_path ();
  g_autoptr (ConsultStore) store = NULL;
  g_autoptr (ConsultStoreClient) known = consult_store_client_new ();
  g_autoptr (GError) error = NULL;

  store = consult_store_new_for_path (path, &error);
  ck_assert_msg (store != NULL, "%s", error ? error->message : "");
  ck_assert_msg (consult_test_generate_clients (store, N_CLIENTS - 1, 2026, &error), "%s",
                 error ? error->message : "");

  known->given_name = g_strdup ("Zoraida");
  known->family_name = g_strdup ("Quintanilla");
  known->date_of_birth = g_strdup ("1979-06-02");
  known->phone = g_strdup ("+1 818 555 0177");
  ck_assert_msg (consult_store_save_client (store, known, &error), "%s", error ? error->message : "");
}

static void
search (const char *text)
{
  GtkWidget *entry = consult_test_find_widget (GTK_WIDGET (sidebar), GTK_TYPE_SEARCH_ENTRY, NULL);

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
}

static gboolean
adjustment_has_range (gpointer data)
{
  return gtk_adjustment_get_upper (data) > gtk_adjustment_get_page_size (data);
}

START_TEST (test_search_scroll_and_open)
{
  GtkScrolledWindow *scroller;
  GtkAdjustment *adjustment;
  g_autoptr (ConsultClientSummary) found = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *png = NULL;
  GtkWidget *page;

  consult_test_app_wait_for_clients (window, N_CLIENTS, 30000);

  /* Scroll to the middle: only the rows shown are read. */
  scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (consult_test_find_widget (GTK_WIDGET (sidebar),
                                                                                   GTK_TYPE_LIST_VIEW, NULL),
                                                         GTK_TYPE_SCROLLED_WINDOW));
  adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  ck_assert (consult_test_wait_until (adjustment_has_range, adjustment, 10000));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) / 2);
  consult_test_settle ();
  ck_assert (gtk_adjustment_get_value (adjustment) > 0);
  png = consult_test_save_png (GTK_WIDGET (window), "history-100k-scrolled.png", &error);
  ck_assert_msg (png != NULL, "%s", error ? error->message : "");

  /* Type-ahead: a prefix of the family name, then of both names. */
  search ("quintan");
  consult_test_app_wait_for_clients (window, 1, 30000);
  search ("zor quin");
  consult_test_app_wait_for_clients (window, 1, 30000);
  found = g_list_model_get_item (consult_client_sidebar_get_model (sidebar), 0);
  ck_assert_str_eq (consult_client_summary_get_given_name (found), "Zoraida");
  ck_assert_str_eq (consult_client_summary_get_family_name (found), "Quintanilla");

  /* The phone number finds her too, typed with or without its spaces. */
  search ("818 555 0177");
  consult_test_app_wait_for_clients (window, 1, 30000);

  g_signal_emit_by_name (consult_test_find_widget (GTK_WIDGET (sidebar), GTK_TYPE_LIST_VIEW, NULL), "activate", 0);
  page = consult_test_find_widget (GTK_WIDGET (window), CONSULT_TYPE_CLIENT_PAGE, NULL);
  ck_assert (gtk_widget_get_mapped (page));
  ck_assert_str_eq (consult_client_page_get_client_id (page != NULL ? CONSULT_CLIENT_PAGE (page) : NULL),
                    consult_client_summary_get_id (found));

  /* An emptied search shows everyone again. */
  search ("");
  consult_test_app_wait_for_clients (window, N_CLIENTS, 30000);
}
END_TEST

static void
setup (void)
{
  consult_test_remove_user_data ();
  generate_records ();
  app = consult_test_app_new ();
  window = consult_test_app_activate (app);
  sidebar = CONSULT_CLIENT_SIDEBAR (consult_test_find_widget (GTK_WIDGET (window), CONSULT_TYPE_CLIENT_SIDEBAR, NULL));
}

static void
teardown (void)
{
  g_clear_pointer (&app, consult_test_app_free);
}

static Suite *
history_large_suite (void)
{
  Suite *suite = suite_create ("history-large");
  TCase *tc = tcase_create ("100k");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 240);
  tcase_add_test (tc, test_search_scroll_and_open);
  suite_add_tcase (suite, tc);

  return suite;
}

int
main (int    argc,
      char **argv)
{
  gtk_init ();
  adw_init ();

  return consult_test_run_suite (history_large_suite ());
}
