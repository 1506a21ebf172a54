/* test-client-rows.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "consult-client-rows.h"
#include "consult-test.h"

/* The client list's rows over each search's results: a longer list
 * shows its first rows at once and the rest when asked. */

static GListStore *
make_clients (guint       n,
              const char *family_name)
{
  GListStore *store = g_list_store_new (CONSULT_TYPE_CLIENT_SUMMARY);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("%s-%u", family_name, i);
      g_autoptr (ConsultClientSummary) client = NULL;

      client = consult_client_summary_new (id, "Ana", family_name, "1980-01-01", NULL, NULL, FALSE);
      g_list_store_append (store, client);
    }

  return store;
}

static const char *
family_name_at (ConsultClientRows *rows,
                guint              position)
{
  g_autoptr (ConsultClientRow) row = g_list_model_get_item (G_LIST_MODEL (rows), position);

  return consult_client_summary_get_family_name (consult_client_row_get_client (row));
}

typedef struct
{
  guint position;
  guint removed;
  guint added;
  guint n_changes;
} Change;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Change     *change)
{
  change->position = position;
  change->removed = removed;
  change->added = added;
  change->n_changes++;
}

START_TEST (test_longer_list_shows_first_rows)
{
  g_autoptr (ConsultClientRows) rows = consult_client_rows_new ();
  g_autoptr (GListStore) few = make_clients (3, "Moreno");
  g_autoptr (GListStore) many = make_clients (500, "Garcia");
  Change change = { 0 };

  g_signal_connect (rows, "items-changed", G_CALLBACK (items_changed_cb), &change);

  consult_client_rows_set_source (rows, G_LIST_MODEL (few), 60);
  ck_assert_uint_eq (g_list_model_get_n_items (G_LIST_MODEL (rows)), 3);
  ck_assert (consult_client_rows_is_complete (rows));

  consult_client_rows_set_source (rows, G_LIST_MODEL (many), 60);
  ck_assert_uint_eq (g_list_model_get_n_items (G_LIST_MODEL (rows)), 60);
  ck_assert_uint_eq (change.position, 3);
  ck_assert_uint_eq (change.added, 57);
  ck_assert (!consult_client_rows_is_complete (rows));
  ck_assert_str_eq (family_name_at (rows, 0), "Garcia");

  consult_client_rows_show_all (rows);
  ck_assert_uint_eq (g_list_model_get_n_items (G_LIST_MODEL (rows)), 500);
  ck_assert_uint_eq (change.position, 60);
  ck_assert_uint_eq (change.removed, 0);
  ck_assert_uint_eq (change.added, 440);
  ck_assert (consult_client_rows_is_complete (rows));
  ck_assert_str_eq (family_name_at (rows, 499), "Garcia");
}
END_TEST

START_TEST (test_rows_shown_are_never_held_back)
{
  g_autoptr (ConsultClientRows) rows = consult_client_rows_new ();
  g_autoptr (GListStore) first = make_clients (300, "Moreno");
  g_autoptr (GListStore) second = make_clients (400, "Lopez");
  g_autoptr (GListStore) shorter = make_clients (100, "Santos");

  consult_client_rows_set_source (rows, G_LIST_MODEL (first), G_MAXUINT);
  ck_assert_uint_eq (g_list_model_get_n_items (G_LIST_MODEL (rows)), 300);

  /* As many as were shown stay shown; only the rest waits. */
  consult_client_rows_set_source (rows, G_LIST_MODEL (second), 60);
  ck_assert_uint_eq (g_list_model_get_n_items (G_LIST_MODEL (rows)), 300);
  ck_assert_str_eq (family_name_at (rows, 299), "Lopez");

  consult_client_rows_set_source (rows, G_LIST_MODEL (shorter), 60);
  ck_assert_uint_eq (g_list_model_get_n_items (G_LIST_MODEL (rows)), 100);
  ck_assert (consult_client_rows_is_complete (rows));
}
END_TEST

START_TEST (test_growth_while_held_back_waits)
{
  g_autoptr (ConsultClientRows) rows = consult_client_rows_new ();
  g_autoptr (GListStore) clients = make_clients (100, "Torres");
  g_autoptr (GListStore) more = make_clients (50, "Zamora");
  Change change = { 0 };

  consult_client_rows_set_source (rows, G_LIST_MODEL (clients), 60);
  g_signal_connect (rows, "items-changed", G_CALLBACK (items_changed_cb), &change);

  /* A list counted after it was shown grows at its end. */
  for (guint i = 0; i < 50; i++)
    {
      g_autoptr (ConsultClientSummary) client = g_list_model_get_item (G_LIST_MODEL (more), i);

      g_list_store_append (clients, client);
    }
  ck_assert_uint_eq (change.n_changes, 0);
  ck_assert_uint_eq (g_list_model_get_n_items (G_LIST_MODEL (rows)), 60);

  consult_client_rows_show_all (rows);
  ck_assert_uint_eq (change.n_changes, 1);
  ck_assert_uint_eq (g_list_model_get_n_items (G_LIST_MODEL (rows)), 150);
  ck_assert_str_eq (family_name_at (rows, 149), "Zamora");
}
END_TEST

static Suite *
client_rows_suite (void)
{
  Suite *suite = suite_create ("client-rows");
  TCase *tc = tcase_create ("rows");

  tcase_add_test (tc, test_longer_list_shows_first_rows);
  tcase_add_test (tc, test_rows_shown_are_never_held_back);
  tcase_add_test (tc, test_growth_while_held_back_waits);
  suite_add_tcase (suite, tc);

  return suite;
}

int
main (int    argc,
      char **argv)
{
  return consult_test_run_suite (client_rows_suite ());
}
