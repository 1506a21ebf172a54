/* test-store-client-list.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The list of a search's results: read lazily by pages found by key,
 * counted now or in a worker thread, beside the writer, with clients
 * noted for their search rows or not. */

#include "config.h"

#include "consult-test.h"
#include "consult-test-store.h"
#include "consult-client-list.h"
#include "consult-store-clients.h"
#include "consult-store-private.h"

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

  ck_assert_uint_eq (consult_test_store_count_matches (store, "walk", CONSULT_CLIENT_SEARCH_INCLUDE_ARCHIVED), n);
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

typedef struct
{
  char    *id;
  char    *family_name;
  guint    index;
  gboolean archived;
  gboolean noted;
} PagingClient;

static void
paging_client_free (PagingClient *client)
{
  g_free (client->id);
  g_free (client->family_name);
  g_free (client);
}

static int
compare_paging_clients (gconstpointer a,
                        gconstpointer b)
{
  const PagingClient *x = *(PagingClient * const *) a;
  const PagingClient *y = *(PagingClient * const *) b;
  int order = g_ascii_strcasecmp (x->family_name, y->family_name);

  return order != 0 ? order : (x->index > y->index) - (x->index < y->index);
}

/* Every family name twice (told apart by the date of birth), so that the
 * name order falls back to the row number as the SQL ORDER BY does. */
static GPtrArray *
add_paging_clients (guint n)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *clients = g_ptr_array_new_with_free_func ((GDestroyNotify) paging_client_free);

  ck_assert (consult_store_begin (store, &error));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (ConsultStoreClient) client = consult_store_client_new ();
      g_autoptr (ConsultStoreConsultation) consultation = consult_store_consultation_new ();
      PagingClient *expected = g_new0 (PagingClient, 1);

      expected->family_name = g_strdup_printf ("Keyset%03u", (i * 7) % (n / 2));
      expected->index = i;
      expected->archived = i % 9 == 4;
      expected->noted = i % 4 == 1;
      client->given_name = g_strdup ("Pat");
      client->family_name = g_strdup (expected->family_name);
      client->date_of_birth = g_strdup (i < n / 2 ? "1980-01-01" : "1990-01-01");
      consultation->consultation_date = g_strdup ("2026-11-23");
      consultation->intake_json = g_strdup (TEST_INTAKE_JSON);
      consultation->catalogue_version = g_strdup ("2026.1");
      consultation->notes = g_strdup ("pagingnote");
      ck_assert_msg (expected->noted
                     ? consult_store_save_consultation (store, client, consultation, TEST_PLAN_JSON, NULL, &error)
                     : consult_store_save_client (store, client, &error),
                     "save: %s", error ? error->message : "");
      expected->id = g_strdup (client->id);
      g_ptr_array_add (clients, expected);
    }
  ck_assert (consult_store_commit (store, &error));

  for (guint i = 0; i < clients->len; i++)
    {
      PagingClient *client = g_ptr_array_index (clients, i);

      if (client->archived)
        ck_assert (consult_store_set_client_archived (store, client->id, TRUE, &error));
    }

  g_ptr_array_sort (clients, compare_paging_clients);
  return clients;
}

static void
assert_item (GListModel   *list,
             guint         position,
             PagingClient *expected)
{
  g_autoptr (ConsultClientSummary) item = g_list_model_get_item (list, position);

  ck_assert_msg (item != NULL, "no item at %u", position);
  ck_assert_msg (g_str_equal (consult_client_summary_get_id (item), expected->id),
                 "item %u is %s, expected %s #%u", position,
                 consult_client_summary_get_family_name (item), expected->family_name, expected->index);
}

/* Reads the search's list in three orders (forwards; backwards from the
 * end, where no page before is known; jumps first) and checks each
 * against @all: the clients whose family name starts with
 * @family_prefix (NULL: all), or with @noted those with a note. */
static void
check_paging (GPtrArray                *all,
              const char               *text,
              ConsultClientSearchFlags  flags,
              const char               *family_prefix,
              gboolean                  noted)
{
  g_autoptr (GPtrArray) expected = g_ptr_array_new ();

  for (guint i = 0; i < all->len; i++)
    {
      PagingClient *client = g_ptr_array_index (all, i);
      gboolean by_name = family_prefix == NULL || g_str_has_prefix (client->family_name, family_prefix);

      if ((client->archived && !(flags & CONSULT_CLIENT_SEARCH_INCLUDE_ARCHIVED)) ||
          !(by_name || (noted && client->noted)))
        continue;
      g_ptr_array_add (expected, client);
    }

  for (guint order = 0; order < 3; order++)
    {
      g_autoptr (ConsultClientList) list = NULL;
      g_autoptr (GError) error = NULL;
      guint n = expected->len;

      list = consult_client_list_new (store, text, flags, &error);
      ck_assert_msg (list != NULL, "search: %s", error ? error->message : "");
      ck_assert_uint_eq (g_list_model_get_n_items (G_LIST_MODEL (list)), n);

      if (order == 2 && n > 0)
        {
          assert_item (G_LIST_MODEL (list), n / 2, g_ptr_array_index (expected, n / 2));
          assert_item (G_LIST_MODEL (list), n - 1, g_ptr_array_index (expected, n - 1));
        }
      for (guint i = 0; i < n; i++)
        {
          guint position = order == 1 ? n - 1 - i : i;

          assert_item (G_LIST_MODEL (list), position, g_ptr_array_index (expected, position));
        }
      ck_assert_ptr_null (g_list_model_get_item (G_LIST_MODEL (list), n));
    }
}

START_TEST (test_pages_follow_keys_in_every_scope)
{
  g_autoptr (GPtrArray) all = add_paging_clients (460);
  const ConsultClientSearchFlags flags[] = {
    CONSULT_CLIENT_SEARCH_DEFAULT,
    CONSULT_CLIENT_SEARCH_INCLUDE_ARCHIVED,
  };

  /* Every client noted for its search rows; none (written a few at a
   * time); some, with old rows (archived since, or no longer); none
   * (written all at once) */
  const guint n_noted[] = { 460, 0, 92, 0 };

  for (guint state = 0; state < G_N_ELEMENTS (n_noted); state++)
    {
      if (state == 1)
        consult_test_store_index_now (store);
      if (state == 3)
        {
          ck_assert (consult_store_begin (store, NULL));
          ck_assert_int_eq (_consult_store_index_all_pending (store->db), SQLITE_OK);
          ck_assert (consult_store_commit (store, NULL));
        }
      for (guint i = 0; state == 2 && i < all->len; i += 5)
        {
          PagingClient *client = g_ptr_array_index (all, i);

          client->archived = !client->archived;
          ck_assert (consult_store_set_client_archived (store, client->id, client->archived, NULL));
        }
      ck_assert_uint_eq (consult_test_store_count_noted_clients (store), n_noted[state]);

      for (guint i = 0; i < G_N_ELEMENTS (flags); i++)
        {
          /* everyone; by name, many and few; with the notes too */
          check_paging (all, NULL, flags[i], NULL, FALSE);
          check_paging (all, "keyset", flags[i], "Keyset", FALSE);
          check_paging (all, "keyset pat", flags[i], "Keyset", FALSE);
          check_paging (all, "keyset01", flags[i], "Keyset01", FALSE);
          check_paging (all, "keyset01", flags[i] | CONSULT_CLIENT_SEARCH_NOTES, "Keyset01", FALSE);
          check_paging (all, "pagingnote", flags[i] | CONSULT_CLIENT_SEARCH_NOTES, "-", TRUE);
        }
    }
}
END_TEST

START_TEST (test_prefetch_reads_the_same_rows)
{
  g_autoptr (GPtrArray) all = add_paging_clients (460);
  g_autoptr (ConsultClientList) list = NULL;
  g_autoptr (GError) error = NULL;

  list = consult_client_list_new (store, "keyset", CONSULT_CLIENT_SEARCH_INCLUDE_ARCHIVED, &error);
  ck_assert (consult_client_list_prefetch (list, 210, &error));
  ck_assert (consult_client_list_prefetch (list, 1000, &error));
  for (guint i = 0; i < all->len; i++)
    assert_item (G_LIST_MODEL (list), i, g_ptr_array_index (all, i));
}
END_TEST

static gpointer
count_in_thread (gpointer data)
{
  return GUINT_TO_POINTER (consult_test_store_count_matches (store, data, CONSULT_CLIENT_SEARCH_DEFAULT));
}

/* Searches have a connection of their own: they see what was committed
 * on the store's writing connection, and never wait for its lock. */
START_TEST (test_search_reads_beside_the_writer)
{
  g_autoptr (GError) error = NULL;
  GThread *thread;

  g_free (consult_test_store_save_visit (store, "Ana", "Díaz", NULL, NULL));
  ck_assert_uint_eq (consult_test_store_count_matches (store, "dia", CONSULT_CLIENT_SEARCH_DEFAULT), 1);
  g_free (consult_test_store_save_visit (store, "Bea", "Díaz", NULL, NULL));
  ck_assert_uint_eq (consult_test_store_count_matches (store, "dia", CONSULT_CLIENT_SEARCH_DEFAULT), 2);

  /* The writer's lock is held by this thread until the commit. */
  ck_assert (consult_store_begin (store, &error));
  g_free (consult_test_store_save_visit (store, "Cruz", "Díaz", NULL, NULL));
  thread = g_thread_new ("search", count_in_thread, (gpointer) "dia");
  ck_assert_uint_eq (GPOINTER_TO_UINT (g_thread_join (thread)), 2);
  ck_assert (consult_store_commit (store, &error));
  ck_assert_uint_eq (consult_test_store_count_matches (store, "dia", CONSULT_CLIENT_SEARCH_DEFAULT), 3);
}
END_TEST

typedef struct
{
  guint  n_signals;
  guint  position;
  guint  removed;
  guint  added;
} ItemsChanged;

static void
items_changed_cb (GListModel   *list,
                  guint         position,
                  guint         removed,
                  guint         added,
                  ItemsChanged *changed)
{
  changed->n_signals++;
  changed->position = position;
  changed->removed = removed;
  changed->added = added;
}

static void
count_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GError **error = user_data;

  if (!consult_client_list_count_finish (CONSULT_CLIENT_LIST (source), result, error))
    g_assert (*error != NULL);
  else
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_EXISTS, "counted");
}

/* Counts @list in a worker thread and runs the main loop until it is
 * counted; FALSE with @error set if the count failed. */
static gboolean
count_list (ConsultClientList  *list,
            GCancellable       *cancellable,
            GError            **error)
{
  GError *done = NULL;

  consult_client_list_count_async (list, cancellable, count_done_cb, &done);
  while (done == NULL)
    g_main_context_iteration (NULL, TRUE);
  if (g_error_matches (done, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_error_free (done);
      return TRUE;
    }
  g_propagate_error (error, done);
  return FALSE;
}

static void
assert_same_items (GListModel *list,
                   GListModel *exact)
{
  guint n = g_list_model_get_n_items (exact);

  ck_assert_uint_eq (g_list_model_get_n_items (list), n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (ConsultClientSummary) item = g_list_model_get_item (list, i);
      g_autoptr (ConsultClientSummary) expected = g_list_model_get_item (exact, i);

      ck_assert_msg (item != NULL && expected != NULL, "no item at %u", i);
      ck_assert_str_eq (consult_client_summary_get_id (item), consult_client_summary_get_id (expected));
    }
  ck_assert_ptr_null (g_list_model_get_item (list, n));
}

/* A list not counted holds the rows read (a page, or those prefetched),
 * and its count adds the others at the end in one signal. */
START_TEST (test_uncounted_list_grows_once)
{
  g_autoptr (GPtrArray) all = add_paging_clients (460);
  const struct { const char *text; ConsultClientSearchFlags flags; gboolean counted; } cases[] = {
    { NULL, CONSULT_CLIENT_SEARCH_DEFAULT, FALSE },
    { NULL, CONSULT_CLIENT_SEARCH_INCLUDE_ARCHIVED, FALSE },
    { "pagingnote", CONSULT_CLIENT_SEARCH_NOTES, FALSE },
    { "pagingnote", CONSULT_CLIENT_SEARCH_NOTES | CONSULT_CLIENT_SEARCH_INCLUDE_ARCHIVED, FALSE },
    { "keyset01", CONSULT_CLIENT_SEARCH_NOTES, TRUE },
    { "keyset01", CONSULT_CLIENT_SEARCH_NOTES | CONSULT_CLIENT_SEARCH_INCLUDE_ARCHIVED, TRUE },
    /* by name: counted after their first page too */
    { "keyset", CONSULT_CLIENT_SEARCH_DEFAULT, FALSE },
    { "keyset", CONSULT_CLIENT_SEARCH_INCLUDE_ARCHIVED, FALSE },
    { "keyset01", CONSULT_CLIENT_SEARCH_DEFAULT, TRUE },
    { "keyset01", CONSULT_CLIENT_SEARCH_INCLUDE_ARCHIVED, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    for (guint prefetch = 0; prefetch <= 210; prefetch += 210)
      {
        g_autoptr (ConsultClientList) exact = NULL;
        g_autoptr (ConsultClientList) list = NULL;
        g_autoptr (GError) error = NULL;
        ItemsChanged changed = { 0, };
        guint n;
        guint n_known = prefetch == 0 ? 50 : 250;

        exact = consult_client_list_new (store, cases[i].text, cases[i].flags, &error);
        ck_assert_msg (exact != NULL, "search: %s", error ? error->message : "");
        n = g_list_model_get_n_items (G_LIST_MODEL (exact));

        list = consult_client_list_new_uncounted (store, cases[i].text, cases[i].flags, &error);
        ck_assert_msg (list != NULL, "search: %s", error ? error->message : "");
        if (prefetch > 0)
          ck_assert (consult_client_list_prefetch (list, prefetch, &error));
        g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), &changed);

        /* The notes search has fewer rows than are prefetched. */
        ck_assert_msg (consult_client_list_is_counted (list) == (cases[i].counted || n < n_known),
                       "case %u", i);
        if (consult_client_list_is_counted (list))
          {
            assert_same_items (G_LIST_MODEL (list), G_LIST_MODEL (exact));
            ck_assert_uint_eq (changed.n_signals, 0);
            continue;
          }

        ck_assert_uint_eq (g_list_model_get_n_items (G_LIST_MODEL (list)), n_known);
        ck_assert_ptr_null (g_list_model_get_item (G_LIST_MODEL (list), n_known));
        ck_assert (count_list (list, NULL, &error));
        ck_assert (consult_client_list_is_counted (list));
        ck_assert_uint_eq (changed.n_signals, 1);
        ck_assert_uint_eq (changed.position, n_known);
        ck_assert_uint_eq (changed.removed, 0);
        ck_assert_uint_eq (changed.added, n - n_known);
        assert_same_items (G_LIST_MODEL (list), G_LIST_MODEL (exact));
        ck_assert_uint_eq (changed.n_signals, 1);
      }
}
END_TEST

/* Fewer rows than a page, or than were prefetched: counted at once. */
START_TEST (test_short_uncounted_list_is_counted)
{
  g_autoptr (GPtrArray) all = add_paging_clients (120);
  g_autoptr (ConsultClientList) list = NULL;
  g_autoptr (ConsultClientList) exact = NULL;
  g_autoptr (ConsultClientList) none = NULL;
  g_autoptr (GError) error = NULL;
  ItemsChanged changed = { 0, };

  exact = consult_client_list_new (store, "pagingnote", CONSULT_CLIENT_SEARCH_NOTES, &error);
  ck_assert_uint_lt (g_list_model_get_n_items (G_LIST_MODEL (exact)), 50);
  list = consult_client_list_new_uncounted (store, "pagingnote", CONSULT_CLIENT_SEARCH_NOTES, &error);
  ck_assert (consult_client_list_is_counted (list));
  assert_same_items (G_LIST_MODEL (list), G_LIST_MODEL (exact));

  g_clear_object (&list);
  g_clear_object (&exact);
  exact = consult_client_list_new (store, NULL, CONSULT_CLIENT_SEARCH_INCLUDE_ARCHIVED, &error);
  ck_assert_uint_eq (g_list_model_get_n_items (G_LIST_MODEL (exact)), 120);
  list = consult_client_list_new_uncounted (store, NULL, CONSULT_CLIENT_SEARCH_INCLUDE_ARCHIVED, &error);
  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), &changed);
  ck_assert (!consult_client_list_is_counted (list));
  ck_assert (consult_client_list_prefetch (list, 210, &error));
  ck_assert (consult_client_list_is_counted (list));
  assert_same_items (G_LIST_MODEL (list), G_LIST_MODEL (exact));
  ck_assert_uint_eq (changed.n_signals, 1);
  ck_assert_uint_eq (changed.position, 50);
  ck_assert_uint_eq (changed.removed, 0);
  ck_assert_uint_eq (changed.added, 70);

  none = consult_client_list_new_uncounted (store, "nomatch", CONSULT_CLIENT_SEARCH_NOTES, &error);
  ck_assert (consult_client_list_is_counted (none));
  ck_assert_uint_eq (g_list_model_get_n_items (G_LIST_MODEL (none)), 0);
}
END_TEST

/* A cancelled count, or one a refresh overtook, leaves the list alone. */
START_TEST (test_count_cancelled_or_stale)
{
  g_autoptr (GPtrArray) all = add_paging_clients (120);
  g_autoptr (ConsultClientList) list = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  ItemsChanged changed = { 0, };

  list = consult_client_list_new_uncounted (store, NULL, CONSULT_CLIENT_SEARCH_DEFAULT, &error);
  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), &changed);
  g_cancellable_cancel (cancellable);
  ck_assert (!count_list (list, cancellable, &error));
  ck_assert (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED));
  g_clear_error (&error);
  ck_assert (!consult_client_list_is_counted (list));
  ck_assert_uint_eq (g_list_model_get_n_items (G_LIST_MODEL (list)), 50);
  ck_assert_uint_eq (changed.n_signals, 0);

  /* The refresh counts (one signal); the count started before is stale. */
  g_free (consult_test_store_save_visit (store, "Ana", "Díaz", NULL, NULL));
  consult_client_list_count_async (list, NULL, count_done_cb, &error);
  ck_assert (consult_client_list_refresh (list, &error));
  ck_assert_uint_eq (changed.n_signals, 1);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  ck_assert (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS));
  ck_assert_uint_eq (changed.n_signals, 1);
  ck_assert_uint_eq (g_list_model_get_n_items (G_LIST_MODEL (list)), consult_test_store_count_matches (store, NULL, CONSULT_CLIENT_SEARCH_DEFAULT));
}
END_TEST

/* The VM steps the search connection's count by name has run since the
 * last call. */
static int
count_steps (void)
{
  g_autoptr (GMutexLocker) locker = g_mutex_locker_new (&store->search_lock);

  for (sqlite3_stmt *stmt = sqlite3_next_stmt (store->search_db, NULL); stmt != NULL;
       stmt = sqlite3_next_stmt (store->search_db, stmt))
    if (g_str_has_prefix (sqlite3_sql (stmt), "SELECT count(*) FROM client_prefixes"))
      return sqlite3_stmt_status (stmt, SQLITE_STMTSTATUS_VM_STEP, TRUE);

  ck_abort_msg ("no count statement");
  return 0;
}

/* A count cancelled while it runs stops at once, leaving the search
 * connection to the next keystroke's search. */
START_TEST (test_cancel_interrupts_a_running_count)
{
  g_autoptr (GPtrArray) all = add_paging_clients (460);
  g_autoptr (ConsultClientList) counted = NULL;
  g_autoptr (ConsultClientList) list = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  GError *done = NULL;
  guint n;
  int full_steps;

  consult_test_store_index_now (store);
  n = consult_test_store_count_matches (store, "keyset", CONSULT_CLIENT_SEARCH_DEFAULT);
  ck_assert_uint_gt (n, 400);
  count_steps ();
  counted = consult_client_list_new_uncounted (store, "keyset", CONSULT_CLIENT_SEARCH_DEFAULT, &error);
  ck_assert (count_list (counted, NULL, &error));
  ck_assert_uint_eq (g_list_model_get_n_items (G_LIST_MODEL (counted)), n);
  full_steps = count_steps ();
  ck_assert_int_gt (full_steps, 2000);

  /* The count waits for the search connection, and is cancelled then. */
  list = consult_client_list_new_uncounted (store, "keyset", CONSULT_CLIENT_SEARCH_DEFAULT, &error);
  g_mutex_lock (&store->search_lock);
  consult_client_list_count_async (list, cancellable, count_done_cb, &done);
  g_usleep (100 * G_TIME_SPAN_MILLISECOND);
  g_cancellable_cancel (cancellable);
  g_mutex_unlock (&store->search_lock);
  while (done == NULL)
    g_main_context_iteration (NULL, TRUE);

  ck_assert (g_error_matches (done, G_IO_ERROR, G_IO_ERROR_CANCELLED));
  g_error_free (done);
  ck_assert_int_lt (count_steps (), full_steps / 2);
  ck_assert (!consult_client_list_is_counted (list));
  ck_assert_uint_eq (consult_test_store_count_matches (store, "keyset", CONSULT_CLIENT_SEARCH_DEFAULT), n);
}
END_TEST

/* The store's thread writes the noted clients' rows once the writer is
 * quiet, and the search finds the same clients in them. */
START_TEST (test_rows_written_when_quiet)
{
  g_autoptr (GPtrArray) all = add_paging_clients (120);
  gint64 deadline = g_get_monotonic_time () + 20 * G_TIME_SPAN_SECOND;

  ck_assert_uint_eq (consult_test_store_count_noted_clients (store), 120);
  check_paging (all, "keyset", CONSULT_CLIENT_SEARCH_DEFAULT, "Keyset", FALSE);
  _consult_store_checkpointer_set_quiet (store->checkpointer, 10, G_MAXUINT);
  while (consult_test_store_count_noted_clients (store) > 0 && g_get_monotonic_time () < deadline)
    g_usleep (10 * G_TIME_SPAN_MILLISECOND);

  ck_assert_uint_eq (consult_test_store_count_noted_clients (store), 0);
  check_paging (all, "keyset", CONSULT_CLIENT_SEARCH_DEFAULT, "Keyset", FALSE);
  check_paging (all, "keyset01", CONSULT_CLIENT_SEARCH_INCLUDE_ARCHIVED, "Keyset01", FALSE);
}
END_TEST

static Suite *
store_client_list_suite (void)
{
  Suite *suite = suite_create ("store-client-list");
  TCase *tc = tcase_create ("list");

  tcase_add_checked_fixture (tc, setup, teardown);
  /* Hundreds of clients are written; slow under sanitizers. */
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_list_pages_lazily_in_name_order);
  tcase_add_test (tc, test_broad_search_pages_in_name_order);
  tcase_add_test (tc, test_pages_follow_keys_in_every_scope);
  tcase_add_test (tc, test_prefetch_reads_the_same_rows);
  tcase_add_test (tc, test_search_reads_beside_the_writer);
  tcase_add_test (tc, test_uncounted_list_grows_once);
  tcase_add_test (tc, test_short_uncounted_list_is_counted);
  tcase_add_test (tc, test_count_cancelled_or_stale);
  tcase_add_test (tc, test_cancel_interrupts_a_running_count);
  tcase_add_test (tc, test_rows_written_when_quiet);
  suite_add_tcase (suite, tc);

  return suite;
}

int
main (void)
{
  return consult_test_run_suite (store_client_list_suite ());
}
