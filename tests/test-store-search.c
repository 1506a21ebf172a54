/* test-store-search.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "consult-test.h"
#include "consult-test-store.h"
#include "consult-client-list.h"

static char *dir;
static ConsultStore *store;

static void
setup (void)
{
  dir = consult_test_store_make_dir ();
  store = consult_test_store_open (dir);
}

static void
teardown (void)
{
  g_clear_object (&store);
  consult_test_store_remove_dir (dir);
  g_clear_pointer (&dir, g_free);
}

static guint
count_matches (const char               *text,
               ConsultClientSearchFlags  flags)
{
  g_autoptr (ConsultClientList) list = NULL;
  g_autoptr (GError) error = NULL;

  list = consult_client_list_new (store, text, flags, &error);
  ck_assert_msg (list != NULL, "search: %s", error ? error->message : "");
  return g_list_model_get_n_items (G_LIST_MODEL (list));
}

START_TEST (test_query_quotes_every_word)
{
  struct { const char *text; const char *query; } cases[] = {
    { "ana", "\"ana\"*" },
    { "  Ana   Díaz ", "\"Ana\"* \"Díaz\"*" },
    { "say \"hi\"", "\"say\"* \"\"\"hi\"\"\"*" },
    { "NEAR(a b) OR c*", "\"NEAR(a\"* \"b)\"* \"OR\"* \"c*\"*" },
    { "family_name:x", "\"family_name:x\"*" },
    { "- + * ^ \"\" ()", NULL },
    { "", NULL },
    { "日本", "\"日本\"*" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *query = consult_store_search_query (cases[i].text);

      ck_assert_msg (g_strcmp0 (query, cases[i].query) == 0, "case %u: got %s", i,
                     query ? query : "(null)");
    }
}
END_TEST

START_TEST (test_prefix_search_over_names_phone_email_notes)
{
  g_autofree char *a = consult_test_store_save_visit (store, "Ana", "Díaz", "melasma since pregnancy", NULL);
  g_autofree char *b = consult_test_store_save_visit (store, "Bea", "Diaz-Ruiz", NULL, NULL);
  g_autofree char *c = consult_test_store_save_visit (store, "Carla", "Gómez", NULL, NULL);

  ck_assert_uint_eq (count_matches ("dia", CONSULT_CLIENT_SEARCH_DEFAULT), 2);
  ck_assert_uint_eq (count_matches ("DÍA", CONSULT_CLIENT_SEARCH_DEFAULT), 2);
  ck_assert_uint_eq (count_matches ("ana d", CONSULT_CLIENT_SEARCH_DEFAULT), 1);
  ck_assert_uint_eq (count_matches ("gomez", CONSULT_CLIENT_SEARCH_DEFAULT), 1);
  ck_assert_uint_eq (count_matches ("1818555", CONSULT_CLIENT_SEARCH_DEFAULT), 3);
  ck_assert_uint_eq (count_matches ("818 555", CONSULT_CLIENT_SEARCH_DEFAULT), 3);
  ck_assert_uint_eq (count_matches ("client@exa", CONSULT_CLIENT_SEARCH_DEFAULT), 3);
  ck_assert_uint_eq (count_matches ("melas", CONSULT_CLIENT_SEARCH_NOTES), 1);
  ck_assert_uint_eq (count_matches ("melas", CONSULT_CLIENT_SEARCH_DEFAULT), 0);
  ck_assert_uint_eq (count_matches ("zzz", CONSULT_CLIENT_SEARCH_DEFAULT), 0);
  ck_assert_uint_eq (count_matches ("", CONSULT_CLIENT_SEARCH_DEFAULT), 3);
}
END_TEST

START_TEST (test_hostile_input_never_fails)
{
  const char *inputs[] = {
    "\"", "\"\"\"", "AND", "OR NOT", "NEAR(", "*", "^a", "a:b", "{a b}:c",
    "'; DROP TABLE clients; --", "\xff\xfe broken utf8", "🙂", "a\"b*c",
  };
  g_autofree char *a = consult_test_store_save_visit (store, "Ana", "Díaz", NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    count_matches (inputs[i], CONSULT_CLIENT_SEARCH_NOTES);

  ck_assert_uint_eq (count_matches ("", CONSULT_CLIENT_SEARCH_INCLUDE_ARCHIVED), 1);
}
END_TEST

START_TEST (test_archived_filter)
{
  g_autofree char *client_id = NULL;
  g_autofree char *a = consult_test_store_save_visit (store, "Ana", "Díaz", NULL, &client_id);
  g_autofree char *b = consult_test_store_save_visit (store, "Bea", "Díaz", NULL, NULL);

  ck_assert (consult_store_set_client_archived (store, client_id, TRUE, NULL));
  ck_assert_uint_eq (count_matches ("diaz", CONSULT_CLIENT_SEARCH_DEFAULT), 1);
  ck_assert_uint_eq (count_matches ("diaz", CONSULT_CLIENT_SEARCH_INCLUDE_ARCHIVED), 2);
  ck_assert_uint_eq (count_matches (NULL, CONSULT_CLIENT_SEARCH_DEFAULT), 1);
  ck_assert_uint_eq (count_matches (NULL, CONSULT_CLIENT_SEARCH_INCLUDE_ARCHIVED), 2);
}
END_TEST

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *calls)
{
  ck_assert_uint_eq (position, 0);
  ck_assert_uint_eq (removed, 120);
  ck_assert_uint_eq (added, 121);
  (*calls)++;
}

START_TEST (test_list_pages_lazily_in_name_order)
{
  g_autoptr (ConsultClientList) list = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *last = NULL;
  guint calls = 0;

  for (guint i = 0; i < 120; i++)
    {
      g_autofree char *family = g_strdup_printf ("Family%03u", (i * 37) % 120);
      g_autofree char *plan = consult_test_store_save_visit (store, "Given", family, NULL, NULL);
    }

  list = consult_client_list_new (store, NULL, CONSULT_CLIENT_SEARCH_DEFAULT, &error);
  ck_assert_uint_eq (g_list_model_get_n_items (G_LIST_MODEL (list)), 120);
  ck_assert (g_list_model_get_item_type (G_LIST_MODEL (list)) == CONSULT_TYPE_CLIENT_SUMMARY);

  /* Across page boundaries, in order, from the end backwards too. */
  for (guint i = 120; i-- > 0;)
    {
      g_autoptr (ConsultClientSummary) item = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_autofree char *expected = g_strdup_printf ("Family%03u", i);

      ck_assert_ptr_nonnull (item);
      ck_assert_str_eq (consult_client_summary_get_family_name (item), expected);
    }
  ck_assert_ptr_null (g_list_model_get_item (G_LIST_MODEL (list), 120));

  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &calls);
  g_free (consult_test_store_save_visit (store, "Zoe", "Zeta", NULL, NULL));
  ck_assert (consult_client_list_refresh (list, &error));
  ck_assert_uint_eq (calls, 1);
  {
    g_autoptr (ConsultClientSummary) item = g_list_model_get_item (G_LIST_MODEL (list), 120);

    ck_assert_str_eq (consult_client_summary_get_family_name (item), "Zeta");
  }
}
END_TEST

/* Enough hits that a page walks the name index instead of sorting. */
START_TEST (test_broad_search_pages_in_name_order)
{
  g_autoptr (ConsultClientList) list = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *archived_id = NULL;
  const guint n = 450;

  ck_assert (consult_store_begin (store, &error));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *family = g_strdup_printf ("Walker%03u", (i * 7) % n);
      g_autofree char *plan = consult_test_store_save_visit (store, "Given", family, NULL,
                                                             i == 0 ? &archived_id : NULL);
    }
  g_free (consult_test_store_save_visit (store, "Other", "Person", NULL, NULL));
  ck_assert (consult_store_commit (store, &error));
  ck_assert (consult_store_set_client_archived (store, archived_id, TRUE, &error));

  ck_assert_uint_eq (count_matches ("walk", CONSULT_CLIENT_SEARCH_INCLUDE_ARCHIVED), n);
  list = consult_client_list_new (store, "walk", CONSULT_CLIENT_SEARCH_DEFAULT, &error);
  ck_assert_uint_eq (g_list_model_get_n_items (G_LIST_MODEL (list)), n - 1);

  /* Walker000 is the archived one. */
  for (guint i = 0; i < n - 1; i++)
    {
      g_autoptr (ConsultClientSummary) item = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_autofree char *expected = g_strdup_printf ("Walker%03u", i + 1);

      ck_assert_ptr_nonnull (item);
      ck_assert_str_eq (consult_client_summary_get_family_name (item), expected);
    }
}
END_TEST

static Suite *
store_search_suite (void)
{
  Suite *suite = suite_create ("store-search");
  TCase *tc = tcase_create ("search");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_query_quotes_every_word);
  tcase_add_test (tc, test_prefix_search_over_names_phone_email_notes);
  tcase_add_test (tc, test_hostile_input_never_fails);
  tcase_add_test (tc, test_archived_filter);
  tcase_add_test (tc, test_list_pages_lazily_in_name_order);
  tcase_add_test (tc, test_broad_search_pages_in_name_order);
  suite_add_tcase (suite, tc);

  return suite;
}

int
main (void)
{
  return consult_test_run_suite (store_search_suite ());
}
