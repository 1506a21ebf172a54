/* test-store-search.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What a search finds: the words typed against the clients' names,
 * phone, e-mail and notes, before and after their search rows are
 * written.  How the list of results pages and counts is in
 * test-store-client-list.c. */

#include "config.h"

#include "consult-test.h"
#include "consult-test-store.h"
#include "consult-client-list.h"
#include "consult-store-clients.h"
#include "consult-store-consultations.h"
#include "consult-store-plans.h"

static char *dir;
static ConsultStore *store;

static void
setup (void)
{
  dir = consult_test_store_make_dir ();
  /* Clients' search rows are written when the tests say. */
  store = consult_test_store_open_unindexed (dir);
}

static void
teardown (void)
{
  g_clear_object (&store);
  consult_test_store_remove_dir (dir);
  g_clear_pointer (&dir, g_free);
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

  ck_assert_uint_eq (consult_test_store_count_matches (store, "dia", CONSULT_CLIENT_SEARCH_DEFAULT), 2);
  ck_assert_uint_eq (consult_test_store_count_matches (store, "DÍA", CONSULT_CLIENT_SEARCH_DEFAULT), 2);
  ck_assert_uint_eq (consult_test_store_count_matches (store, "ana d", CONSULT_CLIENT_SEARCH_DEFAULT), 1);
  ck_assert_uint_eq (consult_test_store_count_matches (store, "gomez", CONSULT_CLIENT_SEARCH_DEFAULT), 1);
  ck_assert_uint_eq (consult_test_store_count_matches (store, "1818555", CONSULT_CLIENT_SEARCH_DEFAULT), 3);
  ck_assert_uint_eq (consult_test_store_count_matches (store, "818 555", CONSULT_CLIENT_SEARCH_DEFAULT), 3);
  ck_assert_uint_eq (consult_test_store_count_matches (store, "client@exa", CONSULT_CLIENT_SEARCH_DEFAULT), 3);
  ck_assert_uint_eq (consult_test_store_count_matches (store, "melas", CONSULT_CLIENT_SEARCH_NOTES), 1);
  ck_assert_uint_eq (consult_test_store_count_matches (store, "melas", CONSULT_CLIENT_SEARCH_DEFAULT), 0);
  ck_assert_uint_eq (consult_test_store_count_matches (store, "zzz", CONSULT_CLIENT_SEARCH_DEFAULT), 0);
  ck_assert_uint_eq (consult_test_store_count_matches (store, "", CONSULT_CLIENT_SEARCH_DEFAULT), 3);
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
    {
      consult_test_store_count_matches (store, inputs[i], CONSULT_CLIENT_SEARCH_NOTES);
      consult_test_store_count_matches (store, inputs[i], CONSULT_CLIENT_SEARCH_DEFAULT);
    }

  ck_assert_uint_eq (consult_test_store_count_matches (store, "", CONSULT_CLIENT_SEARCH_INCLUDE_ARCHIVED), 1);
}
END_TEST

/* Words are compared by their beginnings, folded, in any order, and
 * each must begin a word of the same client: the same clients before
 * their search rows are written (matched by their details) and after. */
static void
assert_every_word_search (void)
{
  ck_assert_uint_eq (consult_test_store_count_matches (store, "ana", CONSULT_CLIENT_SEARCH_DEFAULT), 2);
  ck_assert_uint_eq (consult_test_store_count_matches (store, "an", CONSULT_CLIENT_SEARCH_DEFAULT), 2);
  ck_assert_uint_eq (consult_test_store_count_matches (store, "mari", CONSULT_CLIENT_SEARCH_DEFAULT), 2);
  ck_assert_uint_eq (consult_test_store_count_matches (store, "diaz ana", CONSULT_CLIENT_SEARCH_DEFAULT), 1);
  ck_assert_uint_eq (consult_test_store_count_matches (store, "ana DÍAZ", CONSULT_CLIENT_SEARCH_DEFAULT), 1);
  ck_assert_uint_eq (consult_test_store_count_matches (store, "ana ana", CONSULT_CLIENT_SEARCH_DEFAULT), 2);
  ck_assert_uint_eq (consult_test_store_count_matches (store, "ana  m  d", CONSULT_CLIENT_SEARCH_DEFAULT), 1);
  ck_assert_uint_eq (consult_test_store_count_matches (store, "ana, jones.", CONSULT_CLIENT_SEARCH_DEFAULT), 1);
  ck_assert_uint_eq (consult_test_store_count_matches (store, "ana zzz", CONSULT_CLIENT_SEARCH_DEFAULT), 0);
  ck_assert_uint_eq (consult_test_store_count_matches (store, "iaz", CONSULT_CLIENT_SEARCH_DEFAULT), 0);
  ck_assert_uint_eq (consult_test_store_count_matches (store, "-- ,", CONSULT_CLIENT_SEARCH_DEFAULT), 3);
}

START_TEST (test_every_word_must_begin_a_word)
{
  g_autofree char *a = consult_test_store_save_visit (store, "Ana María", "Díaz", NULL, NULL);
  g_autofree char *b = consult_test_store_save_visit (store, "Ana", "Jones", NULL, NULL);
  g_autofree char *c = consult_test_store_save_visit (store, "Mariana", "Diaz", NULL, NULL);

  ck_assert_uint_eq (consult_test_store_count_noted_clients (store), 3);
  assert_every_word_search ();
  consult_test_store_index_now (store);
  assert_every_word_search ();
}
END_TEST

/* The search follows every change of a client's details, whether its
 * rows were written before the change or not. */
START_TEST (test_search_follows_changes)
{
  for (guint indexed = 0; indexed <= 1; indexed++)
    {
      g_autofree char *client_id = NULL;
      g_autofree char *a = NULL;
      g_autoptr (ConsultStoreClient) client = NULL;
      g_autoptr (GError) error = NULL;

      a = consult_test_store_save_visit (store, "Ana", indexed ? "Díaz" : "Ruiz", NULL, &client_id);
      client = consult_store_get_client (store, client_id, NULL);
      if (indexed)
        consult_test_store_index_now (store);
      ck_assert_uint_eq (consult_test_store_count_matches (store, indexed ? "diaz" : "ruiz", CONSULT_CLIENT_SEARCH_DEFAULT), 1);

      g_free (client->family_name);
      client->family_name = g_strdup (indexed ? "Olmos" : "Olmedo");
      g_free (client->email);
      client->email = g_strdup ("ana.o@clinic.example");
      ck_assert_msg (consult_store_save_client (store, client, &error), "%s", error ? error->message : "");
      ck_assert_uint_eq (consult_test_store_count_matches (store, indexed ? "diaz" : "ruiz", CONSULT_CLIENT_SEARCH_INCLUDE_ARCHIVED), 0);
      ck_assert_uint_eq (consult_test_store_count_matches (store, indexed ? "olmos" : "olmed", CONSULT_CLIENT_SEARCH_DEFAULT), 1);
      ck_assert_uint_eq (consult_test_store_count_matches (store, "clinic", CONSULT_CLIENT_SEARCH_DEFAULT), indexed + 1);
      ck_assert_uint_eq (consult_test_store_count_matches (store, indexed ? "diaz" : "ruiz", CONSULT_CLIENT_SEARCH_NOTES), 0);
      ck_assert_uint_eq (consult_test_store_count_matches (store, indexed ? "olmos" : "olmed", CONSULT_CLIENT_SEARCH_NOTES), 1);

      ck_assert (consult_store_set_client_archived (store, client_id, TRUE, NULL));
      ck_assert_uint_eq (consult_test_store_count_matches (store, "olm ana", CONSULT_CLIENT_SEARCH_DEFAULT), indexed);
      ck_assert_uint_eq (consult_test_store_count_matches (store, "olm ana", CONSULT_CLIENT_SEARCH_INCLUDE_ARCHIVED), indexed + 1);
      ck_assert (consult_store_set_client_archived (store, client_id, FALSE, NULL));
      ck_assert_uint_eq (consult_test_store_count_matches (store, "olm ana", CONSULT_CLIENT_SEARCH_DEFAULT), indexed + 1);

      consult_test_store_index_now (store);
      ck_assert_uint_eq (consult_test_store_count_matches (store, "olm ana", CONSULT_CLIENT_SEARCH_DEFAULT), indexed + 1);
      ck_assert_uint_eq (consult_test_store_count_matches (store, indexed ? "diaz" : "ruiz", CONSULT_CLIENT_SEARCH_INCLUDE_ARCHIVED), 0);
      ck_assert_uint_eq (consult_test_store_count_matches (store, indexed ? "diaz" : "ruiz", CONSULT_CLIENT_SEARCH_NOTES), 0);
      ck_assert_uint_eq (consult_test_store_count_matches (store, indexed ? "olmos" : "olmed", CONSULT_CLIENT_SEARCH_NOTES), 1);
      ck_assert (consult_store_verify (store, NULL, &error));
    }
}
END_TEST

/* The same for the notes, whose full-text entries are written after the
 * save too: a search finds what a consultation's notes say now. */
START_TEST (test_notes_search_follows_changes)
{
  for (guint indexed = 0; indexed <= 1; indexed++)
    {
      g_autofree char *client_id = NULL;
      g_autofree char *plan_id = NULL;
      g_autoptr (ConsultStorePlanVersion) plan = NULL;
      g_autoptr (GError) error = NULL;
      const char *before = indexed ? "melasma since pregnancy" : "rosacea flares";
      const char *after = indexed ? "laser follow-up booked" : "peel tolerated";

      plan_id = consult_test_store_save_visit (store, "Ana", indexed ? "Díaz" : "Ruiz", before, &client_id);
      plan = consult_store_get_plan (store, plan_id, &error);
      ck_assert_msg (plan != NULL, "%s", error ? error->message : "");
      ck_assert_uint_eq (consult_test_store_count (store, "consultation_notes_pending"), 1);
      if (indexed)
        consult_test_store_index_now (store);
      ck_assert_uint_eq (consult_test_store_count_matches (store, before, CONSULT_CLIENT_SEARCH_NOTES), 1);

      ck_assert_msg (consult_store_set_consultation_notes (store, plan->consultation_id, after, &error),
                     "%s", error ? error->message : "");
      ck_assert_uint_eq (consult_test_store_count_matches (store, before, CONSULT_CLIENT_SEARCH_NOTES), 0);
      ck_assert_uint_eq (consult_test_store_count_matches (store, after, CONSULT_CLIENT_SEARCH_NOTES), 1);
      ck_assert_uint_eq (consult_test_store_count_matches (store, after, CONSULT_CLIENT_SEARCH_DEFAULT), 0);

      consult_test_store_index_now (store);
      ck_assert_uint_eq (consult_test_store_count_matches (store, before, CONSULT_CLIENT_SEARCH_NOTES), 0);
      ck_assert_uint_eq (consult_test_store_count_matches (store, after, CONSULT_CLIENT_SEARCH_NOTES), 1);
    }
}
END_TEST

/* Schema 6 wrote the full-text entries in the save: upgraded, what it
 * noted is indexed already, and writing it again leaves each index
 * whole (consult_test_store_index_now() checks them). */
START_TEST (test_upgrade_keeps_full_text_whole)
{
  g_autofree char *path = g_strdup (consult_store_get_path (store));
  g_autofree char *client_id = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autoptr (ConsultStoreClient) client = NULL;
  g_autoptr (GError) error = NULL;

  g_clear_object (&store);
  consult_test_store_remove_dir (dir);
  store = consult_test_store_open_at_schema (path, 6);
  a = consult_test_store_save_visit (store, "Ana", "Díaz", "melasma since pregnancy", &client_id);
  b = consult_test_store_save_visit (store, "Bea", "Ruiz", NULL, NULL);
  client = consult_store_get_client (store, client_id, NULL);
  g_free (client->family_name);
  client->family_name = g_strdup ("Olmos");
  ck_assert (consult_store_save_client (store, client, &error));
  g_clear_object (&store);

  store = consult_test_store_open_unindexed (dir);
  ck_assert_uint_eq (consult_store_get_schema_version (store),
                     consult_store_get_latest_schema_version (store));
  for (guint indexed = 0; indexed <= 1; indexed++)
    {
      if (indexed)
        consult_test_store_index_now (store);
      ck_assert_uint_eq (consult_test_store_count_matches (store, "olmos ana", CONSULT_CLIENT_SEARCH_NOTES), 1);
      ck_assert_uint_eq (consult_test_store_count_matches (store, "diaz", CONSULT_CLIENT_SEARCH_NOTES), 0);
      ck_assert_uint_eq (consult_test_store_count_matches (store, "ruiz", CONSULT_CLIENT_SEARCH_NOTES), 1);
      ck_assert_uint_eq (consult_test_store_count_matches (store, "melas", CONSULT_CLIENT_SEARCH_NOTES), 1);
    }
}
END_TEST

START_TEST (test_archived_filter)
{
  g_autofree char *client_id = NULL;
  g_autofree char *a = consult_test_store_save_visit (store, "Ana", "Díaz", NULL, &client_id);
  g_autofree char *b = consult_test_store_save_visit (store, "Bea", "Díaz", NULL, NULL);

  ck_assert (consult_store_set_client_archived (store, client_id, TRUE, NULL));
  ck_assert_uint_eq (consult_test_store_count_matches (store, "diaz", CONSULT_CLIENT_SEARCH_DEFAULT), 1);
  ck_assert_uint_eq (consult_test_store_count_matches (store, "diaz", CONSULT_CLIENT_SEARCH_INCLUDE_ARCHIVED), 2);
  ck_assert_uint_eq (consult_test_store_count_matches (store, NULL, CONSULT_CLIENT_SEARCH_DEFAULT), 1);
  ck_assert_uint_eq (consult_test_store_count_matches (store, NULL, CONSULT_CLIENT_SEARCH_INCLUDE_ARCHIVED), 2);
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
  tcase_add_test (tc, test_every_word_must_begin_a_word);
  tcase_add_test (tc, test_search_follows_changes);
  tcase_add_test (tc, test_notes_search_follows_changes);
  tcase_add_test (tc, test_upgrade_keeps_full_text_whole);
  tcase_add_test (tc, test_archived_filter);
  suite_add_tcase (suite, tc);

  return suite;
}

int
main (void)
{
  return consult_test_run_suite (store_search_suite ());
}
