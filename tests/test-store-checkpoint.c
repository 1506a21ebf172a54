/* test-store-checkpoint.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "consult-test.h"
#include "consult-test-store.h"
#include "consult-client-list.h"
#include "consult-store-private.h"

/* The store checkpoints its WAL in a thread of its own rather than in a
 * save's COMMIT (consult-store-checkpoint.c); that thread must run, and
 * must be gone with its connection once the store is closed or freed. */

static char *dir;

static void
setup (void)
{
  dir = consult_test_store_make_dir ();
}

static void
teardown (void)
{
  consult_test_store_remove_dir (dir);
  g_clear_pointer (&dir, g_free);
}

static guint
count_threads (void)
{
  g_autoptr (GDir) tasks = g_dir_open ("/proc/self/task", 0, NULL);
  guint n = 0;

  ck_assert_ptr_nonnull (tasks);
  while (g_dir_read_name (tasks) != NULL)
    n++;

  return n;
}

/* Saves @n_saves visits with a checkpoint asked after every commit that
 * waits for @quiet_ms without a commit, or for @busy_pages of WAL. */
static ConsultStore *
open_and_save (guint n_saves,
               guint quiet_ms,
               guint busy_pages)
{
  ConsultStore *store = consult_test_store_open (dir);

  _consult_store_checkpointer_set_min_pages (store->checkpointer, 1);
  _consult_store_checkpointer_set_quiet (store->checkpointer, quiet_ms, busy_pages);
  for (guint i = 0; i < n_saves; i++)
    {
      g_autofree char *family = g_strdup_printf ("Family%u", i);

      g_free (consult_test_store_save_visit (store, "Given", family, NULL, NULL));
    }

  return store;
}

static void
wait_for_checkpoint (ConsultStore *store)
{
  /* No timing asserted: the test runner's timeout bounds the wait. */
  while (_consult_store_checkpointer_get_n_done (store->checkpointer) == 0)
    g_usleep (G_USEC_PER_SEC / 100);
}

/* Opens the store, saves @n_saves visits with a checkpoint asked after
 * every commit and run at once, and waits for the thread to have run one. */
static ConsultStore *
open_and_checkpoint (guint n_saves)
{
  ConsultStore *store = open_and_save (n_saves, 0, G_MAXUINT);

  wait_for_checkpoint (store);
  return store;
}

START_TEST (test_checkpoint_thread_stops_on_close)
{
  g_autoptr (ConsultStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *wal = NULL;
  guint threads_before = count_threads ();

  store = open_and_checkpoint (20);
  ck_assert_uint_eq (count_threads (), threads_before + 1);

  wal = g_strconcat (consult_store_get_path (store), "-wal", NULL);
  consult_store_close (store);
  ck_assert_uint_eq (count_threads (), threads_before);
  /* As SQLite does when the last connection closes: all of it is in
   * the database file and the WAL is gone. */
  ck_assert (!g_file_test (wal, G_FILE_TEST_EXISTS));

  ck_assert (consult_store_open (store, &error));
  ck_assert_int_eq (consult_test_store_count (store, "clients"), 20);
  ck_assert_msg (consult_store_verify (store, NULL, &error), "verify: %s",
                 error ? error->message : "");
}
END_TEST

START_TEST (test_checkpoint_thread_stops_on_finalize)
{
  ConsultStore *store;
  guint threads_before = count_threads ();

  store = open_and_checkpoint (5);
  ck_assert_uint_eq (count_threads (), threads_before + 1);
  g_object_unref (store);
  ck_assert_uint_eq (count_threads (), threads_before);
}
END_TEST

/* A few small saves stay under the threshold: the thread only writes
 * the new client's search rows, at a quiet moment, and checkpoints
 * nothing. */
START_TEST (test_small_save_only_indexes)
{
  g_autoptr (ConsultStore) store = NULL;
  g_autoptr (ConsultClientList) found = NULL;
  g_autoptr (GError) error = NULL;

  store = consult_test_store_open (dir);
  _consult_store_checkpointer_set_quiet (store->checkpointer, 10, G_MAXUINT);
  g_free (consult_test_store_save_visit (store, "Given", "Family", NULL, NULL));
  /* No timing asserted: the test runner's timeout bounds the wait. */
  while (consult_test_store_count (store, "client_prefixes_pending") > 0)
    g_usleep (G_USEC_PER_SEC / 100);

  ck_assert_int_ge (consult_test_store_count (store, "client_prefixes"), strlen ("Given") + strlen ("Family"));
  ck_assert_uint_eq (_consult_store_checkpointer_get_n_done (store->checkpointer), 0);
  found = consult_client_list_new (store, "fam giv", CONSULT_CLIENT_SEARCH_DEFAULT, &error);
  ck_assert_uint_eq (g_list_model_get_n_items (G_LIST_MODEL (found)), 1);
}
END_TEST

/* Saves leave the full-text entries to the thread (a search finds the
 * notes meanwhile by their text), and each transaction that writes
 * entries adds a segment to an index; the thread merges them at a
 * quiet moment, into an index that is whole and finds the same. */
START_TEST (test_full_text_written_and_merged_when_quiet)
{
  g_autoptr (ConsultStore) store = NULL;
  g_autoptr (ConsultClientList) found = NULL;
  g_autoptr (GError) error = NULL;
  gboolean more = TRUE;
  gint64 segments;

  store = consult_test_store_open (dir);
  _consult_store_checkpointer_set_quiet (store->checkpointer, G_MAXUINT, G_MAXUINT);
  for (guint i = 0; i < 24; i++)
    {
      g_autofree char *family = g_strdup_printf ("Family%u", i);

      g_free (consult_test_store_save_visit (store, "Given", family, "merging notes", NULL));
    }
  ck_assert_int_eq (consult_test_store_count (store, "consultation_fts_docsize"), 0);
  ck_assert_int_eq (consult_test_store_count (store, "client_fts_docsize"), 0);
  ck_assert_int_eq (consult_test_store_count (store, "consultation_notes_pending"), 24);
  found = consult_client_list_new (store, "merging", CONSULT_CLIENT_SEARCH_NOTES, &error);
  ck_assert_uint_eq (g_list_model_get_n_items (G_LIST_MODEL (found)), 24);
  g_clear_object (&found);

  /* One row a transaction, as when saves keep interrupting the thread. */
  while (more)
    {
      ck_assert (consult_store_begin (store, &error));
      ck_assert_int_eq (_consult_store_index_pending (store->db, 1, &more), SQLITE_OK);
      ck_assert (consult_store_commit (store, &error));
    }
  ck_assert_int_eq (consult_test_store_count (store, "consultation_fts_docsize"), 24);
  segments = consult_test_store_count (store, "consultation_fts_data");
  ck_assert_int_gt (segments, 24);

  _consult_store_checkpointer_set_quiet (store->checkpointer, 10, G_MAXUINT);
  /* No timing asserted: the test runner's timeout bounds the wait. */
  while (consult_test_store_count (store, "consultation_fts_data") >= segments / 2)
    g_usleep (G_USEC_PER_SEC / 100);

  ck_assert (_consult_store_exec (store, "INSERT INTO consultation_fts (consultation_fts, rank) "
                                         "VALUES ('integrity-check', 1)", &error));
  ck_assert (_consult_store_exec (store, "INSERT INTO client_fts (client_fts, rank) "
                                         "VALUES ('integrity-check', 1)", &error));
  found = consult_client_list_new (store, "merging", CONSULT_CLIENT_SEARCH_NOTES, &error);
  ck_assert_uint_eq (g_list_model_get_n_items (G_LIST_MODEL (found)), 24);
  g_clear_object (&found);
  found = consult_client_list_new (store, "family1 given", CONSULT_CLIENT_SEARCH_NOTES, &error);
  ck_assert_uint_eq (g_list_model_get_n_items (G_LIST_MODEL (found)), 11);
}
END_TEST

START_TEST (test_checkpoint_waits_for_quiet)
{
  g_autoptr (ConsultStore) store = NULL;

  /* An hour of quiet is never reached while the test saves... */
  store = open_and_save (5, 3600 * 1000, G_MAXUINT);
  ck_assert_uint_eq (_consult_store_checkpointer_get_n_done (store->checkpointer), 0);

  /* ...and once the quiet needed is over, the waiting thread runs it. */
  _consult_store_checkpointer_set_quiet (store->checkpointer, 0, G_MAXUINT);
  wait_for_checkpoint (store);
}
END_TEST

START_TEST (test_checkpoint_of_a_large_wal_waits_for_nothing)
{
  g_autoptr (ConsultStore) store = NULL;

  store = open_and_save (5, 3600 * 1000, 1);
  wait_for_checkpoint (store);
}
END_TEST

START_TEST (test_waiting_checkpoint_stops_on_close)
{
  g_autoptr (ConsultStore) store = NULL;
  g_autoptr (GError) error = NULL;
  guint threads_before = count_threads ();

  store = open_and_save (5, 3600 * 1000, G_MAXUINT);
  ck_assert_uint_eq (count_threads (), threads_before + 1);

  /* Closing does not wait the hour: the thread stops, and closing the
   * last connection checkpoints as SQLite does. */
  consult_store_close (store);
  ck_assert_uint_eq (count_threads (), threads_before);
  ck_assert (consult_store_open (store, &error));
  ck_assert_int_eq (consult_test_store_count (store, "clients"), 5);
}
END_TEST

static Suite *
store_checkpoint_suite (void)
{
  Suite *suite = suite_create ("store-checkpoint");
  TCase *tc = tcase_create ("checkpoint");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_checkpoint_thread_stops_on_close);
  tcase_add_test (tc, test_checkpoint_thread_stops_on_finalize);
  tcase_add_test (tc, test_small_save_only_indexes);
  tcase_add_test (tc, test_full_text_written_and_merged_when_quiet);
  tcase_add_test (tc, test_checkpoint_waits_for_quiet);
  tcase_add_test (tc, test_checkpoint_of_a_large_wal_waits_for_nothing);
  tcase_add_test (tc, test_waiting_checkpoint_stops_on_close);
  suite_add_tcase (suite, tc);

  return suite;
}

int
main (void)
{
  return consult_test_run_suite (store_checkpoint_suite ());
}
