/* consult-client-list.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-store"

#include "config.h"

#include <stdlib.h>

#include "consult-client-list.h"
#include "consult-store-private.h"

#define PAGE_SIZE 50
#define MAX_CACHED_PAGES 8

/* The row's num (last) is the key the next page starts after. */
#define SUMMARY_COLUMNS \
  "c.id, c.given_name, c.family_name, c.date_of_birth, c.phone, c.email, c.archived, c.num"

/* Words match names, phone and e-mail only: never the status column. */
#define NAME_COLUMNS "{given_name family_name email phone phone_digits}"
/* ?1 is a query from consult_store_search_query(): quoted words only. */
#define MATCH_ANY "client_fts MATCH '" NAME_COLUMNS " : (' || ?1 || ')'"
/* Few clients are archived: "AND archived" is a cheap intersection where
 * "AND active" would walk every active client's entry. */
#define MATCH_ARCHIVED \
  "client_fts MATCH '" NAME_COLUMNS " : (' || ?1 || ') AND search_status : archived'"
#define NAME_HITS "SELECT rowid AS num FROM client_fts WHERE " MATCH_ANY

/* ...and clients with a consultation whose notes match. */
#define NOTES_HITS \
  NAME_HITS " UNION " \
  "SELECT c2.num FROM consultation_fts " \
  "JOIN consultations k ON k.num = consultation_fts.rowid " \
  "JOIN clients c2 ON c2.id = k.client_id WHERE consultation_fts MATCH ?1"

/* Few hits: they drive the join and only they are sorted. */
#define FROM_HITS(hits) "FROM (" hits ") h JOIN clients c ON c.num = h.num "

/* Many hits: the count reads them once, in rowid order, and a page
 * walks the name-order index, keeping the entries that are hits and
 * reading only their rows; so a page costs about a page of rows, not a
 * sort of every hit. */
#define HITS_SQL "SELECT rowid FROM client_fts WHERE " MATCH_ANY " ORDER BY rowid"
#define ARCHIVED_HITS_SQL "SELECT count(*) FROM client_fts WHERE " MATCH_ARCHIVED
#define ROW_SQL "SELECT " SUMMARY_COLUMNS " FROM clients c WHERE c.num = ?1"

/* From this many hits on, walking beats sorting. */
#define WALK_MIN_HITS 400

/* Pages are found by key, never by OFFSET (which reads every row before
 * the page): a page starts after the last row of the page before it,
 * ?3 being that row's num.  A row's place in the order is its sort_key,
 * then its num, as the ORDER BY says. */
#define AFTER_KEY "AND (c.sort_key, c.num) > ((SELECT a.sort_key FROM clients a WHERE a.num = ?3), ?3) "
#define ORDER "ORDER BY c.sort_key, c.num"

#define FIRST_PAGE(source) "SELECT " SUMMARY_COLUMNS " " source ORDER " LIMIT ?2"
#define NEXT_PAGE(source) "SELECT " SUMMARY_COLUMNS " " source AFTER_KEY ORDER " LIMIT ?2"
/* Every row's num in order: where a jump far down the list starts. */
#define RANKS(source) "SELECT c.num " source ORDER

/* What each scope reads, [include_archived] second; each ends in a WHERE
 * clause for AFTER_KEY to extend. */
#define ALL_ACTIVE "FROM clients c WHERE c.archived = 0 "
#define ALL_ARCHIVED "FROM clients c WHERE 1 "
#define NAME_ACTIVE FROM_HITS (NAME_HITS) "WHERE +c.archived = 0 "
#define NAME_ARCHIVED FROM_HITS (NAME_HITS) "WHERE 1 "
#define NOTES_ACTIVE FROM_HITS (NOTES_HITS) "WHERE +c.archived = 0 "
#define NOTES_ARCHIVED FROM_HITS (NOTES_HITS) "WHERE 1 "
#define WALK(source) "SELECT c.num " source ORDER
#define WALK_AFTER(source) "SELECT c.num " source AFTER_KEY ORDER

enum { ALL, BY_NAME, BY_NAME_OR_NOTES, BY_NAME_WALKING, N_SCOPES };

/* [scope][include_archived]; searches by name are counted from their
 * hits (read_hits()) */
static const char *const count_sql[N_SCOPES][2] = {
  { "SELECT count(*) FROM clients c WHERE c.archived = 0",
    "SELECT count(*) FROM clients c" },
  { NULL, NULL },
  { "SELECT count(*) " FROM_HITS (NOTES_HITS) "WHERE +c.archived = 0",
    "SELECT count(*) " FROM_HITS (NOTES_HITS) },
  { NULL, NULL },
};

static const char *const first_page_sql[N_SCOPES][2] = {
  { FIRST_PAGE (ALL_ACTIVE), FIRST_PAGE (ALL_ARCHIVED) },
  { FIRST_PAGE (NAME_ACTIVE), FIRST_PAGE (NAME_ARCHIVED) },
  { FIRST_PAGE (NOTES_ACTIVE), FIRST_PAGE (NOTES_ARCHIVED) },
  { WALK (ALL_ACTIVE), WALK (ALL_ARCHIVED) },
};

static const char *const next_page_sql[N_SCOPES][2] = {
  { NEXT_PAGE (ALL_ACTIVE), NEXT_PAGE (ALL_ARCHIVED) },
  { NEXT_PAGE (NAME_ACTIVE), NEXT_PAGE (NAME_ARCHIVED) },
  { NEXT_PAGE (NOTES_ACTIVE), NEXT_PAGE (NOTES_ARCHIVED) },
  { WALK_AFTER (ALL_ACTIVE), WALK_AFTER (ALL_ARCHIVED) },
};

static const char *const ranks_sql[N_SCOPES][2] = {
  { RANKS (ALL_ACTIVE), RANKS (ALL_ARCHIVED) },
  { RANKS (NAME_ACTIVE), RANKS (NAME_ARCHIVED) },
  { RANKS (NOTES_ACTIVE), RANKS (NOTES_ARCHIVED) },
  { WALK (ALL_ACTIVE), WALK (ALL_ARCHIVED) },
};

struct _ConsultClientList
{
  GObject       parent_instance;

  ConsultStore *store;
  char         *query;
  ConsultClientSearchFlags flags;
  /* the rows known when !counted, every row once counted */
  guint         n_items;
  gboolean      counted;
  /* A search by name with many hits: their nums, ascending; the pages
   * walk the name order and keep these */
  GArray       *hits;
  /* page number -> GPtrArray of ConsultClientSummary */
  GHashTable   *pages;
  /* page numbers, most recently used first */
  GQueue        recent;
  /* page number -> num of its last row (0: not read yet), kept when the
   * page itself leaves the cache */
  GArray       *last_nums;
  /* every row's num in list order, read at the first jump to a page
   * whose predecessor was never read; NULL until then */
  GArray       *ranks;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ConsultClientList, consult_client_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
consult_client_list_finalize (GObject *object)
{
  ConsultClientList *self = (ConsultClientList *)object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->query, g_free);
  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_queue_clear (&self->recent);
  g_clear_pointer (&self->last_nums, g_array_unref);
  g_clear_pointer (&self->ranks, g_array_unref);
  g_clear_pointer (&self->hits, g_array_unref);

  G_OBJECT_CLASS (consult_client_list_parent_class)->finalize (object);
}

static void
consult_client_list_class_init (ConsultClientListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = consult_client_list_finalize;
}

static void
consult_client_list_init (ConsultClientList *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_queue_init (&self->recent);
  self->last_nums = g_array_new (FALSE, TRUE, sizeof (gint64));
}

/* Called with the store's search_lock held, which must stay held until
 * the statement is released. */
static ConsultStoreStmt *
prepare (ConsultClientList  *self,
         const char *const   sql[N_SCOPES][2],
         GError            **error)
{
  ConsultStoreStmt *stmt;
  guint scope = ALL;

  if (self->query != NULL && (self->flags & CONSULT_CLIENT_SEARCH_NOTES))
    scope = BY_NAME_OR_NOTES;
  else if (self->query != NULL)
    scope = self->hits != NULL ? BY_NAME_WALKING : BY_NAME;

  stmt = _consult_store_prepare_search (self->store,
                                        sql[scope][(self->flags & CONSULT_CLIENT_SEARCH_INCLUDE_ARCHIVED) != 0],
                                        error);
  /* A walk reads the name order alone. */
  if (stmt != NULL && scope != BY_NAME_WALKING && self->query != NULL)
    _consult_store_bind_text (stmt, 1, self->query);

  return stmt;
}

/* Forgets every page read and sizes the list anew. */
static void
reset_pages (ConsultClientList *self,
             guint              n_items)
{
  self->n_items = n_items;
  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->recent);
  g_array_set_size (self->last_nums, 0);
  g_array_set_size (self->last_nums, (n_items + PAGE_SIZE - 1) / PAGE_SIZE);
  g_clear_pointer (&self->ranks, g_array_unref);
}

/* Counts a search by name from its hits, and keeps them if they are
 * many enough to be walked. */
static gboolean
read_hits (ConsultClientList  *self,
           guint              *n_items,
           GError            **error)
{
  g_autoptr (ConsultStoreStmt) stmt = NULL;
  g_autoptr (ConsultStoreStmt) archived = NULL;
  g_autoptr (GArray) hits = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 n;
  int found;

  if (!(stmt = _consult_store_prepare_search (self->store, HITS_SQL, error)))
    return FALSE;

  _consult_store_bind_text (stmt, 1, self->query);
  while ((found = _consult_store_step_row (self->store, stmt, error)) > 0)
    {
      gint64 num = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (hits, num);
    }
  if (found < 0)
    return FALSE;

  /* Few clients are archived: "AND archived" is a cheap intersection. */
  n = hits->len;
  if (!(self->flags & CONSULT_CLIENT_SEARCH_INCLUDE_ARCHIVED))
    {
      if (!(archived = _consult_store_prepare_search (self->store, ARCHIVED_HITS_SQL, error)))
        return FALSE;
      _consult_store_bind_text (archived, 1, self->query);
      if (_consult_store_step_row (self->store, archived, error) < 0)
        return FALSE;
      n -= sqlite3_column_int64 (archived, 0);
    }

  g_clear_pointer (&self->hits, g_array_unref);
  if (n >= WALK_MIN_HITS)
    self->hits = g_steal_pointer (&hits);
  *n_items = (guint) n;

  return TRUE;
}

static int
compare_nums (gconstpointer a,
              gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* Steps @stmt to its next row; in a walk (whose rows are nums), to the
 * next one that is a hit. */
static int
step (ConsultClientList  *self,
      ConsultStoreStmt   *stmt,
      GError            **error)
{
  int found;

  while ((found = _consult_store_step_row (self->store, stmt, error)) > 0 && self->hits != NULL)
    {
      gint64 num = sqlite3_column_int64 (stmt, 0);

      if (bsearch (&num, self->hits->data, self->hits->len, sizeof (gint64), compare_nums) != NULL)
        break;
    }

  return found;
}

static gboolean
count_items (ConsultClientList  *self,
             guint              *n_items,
             GError            **error)
{
  g_autoptr (GMutexLocker) locker = g_mutex_locker_new (&self->store->search_lock);
  g_autoptr (ConsultStoreStmt) stmt = NULL;

  if (self->query != NULL && !(self->flags & CONSULT_CLIENT_SEARCH_NOTES))
    return read_hits (self, n_items, error);

  if (!(stmt = prepare (self, count_sql, error)) ||
      _consult_store_step_row (self->store, stmt, error) < 0)
    return FALSE;

  *n_items = (guint) sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

static gboolean
read_ranks (ConsultClientList  *self,
            GError            **error)
{
  g_autoptr (ConsultStoreStmt) stmt = NULL;
  g_autoptr (GArray) ranks = NULL;
  int found;

  if (!(stmt = prepare (self, ranks_sql, error)))
    return FALSE;

  ranks = g_array_sized_new (FALSE, FALSE, sizeof (gint64), self->n_items);
  while ((found = step (self, stmt, error)) > 0)
    {
      gint64 num = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ranks, num);
    }
  if (found < 0)
    return FALSE;

  self->ranks = g_steal_pointer (&ranks);
  return TRUE;
}

/* The num of the row a page starts after; 0 when the page would start
 * past the end of the list. */
static gboolean
find_page_start (ConsultClientList  *self,
                 guint               page,
                 gint64             *after_num,
                 GError            **error)
{
  guint last_of_previous = page * PAGE_SIZE - 1;

  g_assert (page > 0 && page <= self->last_nums->len);

  *after_num = g_array_index (self->last_nums, gint64, page - 1);
  if (*after_num != 0)
    return TRUE;

  if (self->ranks == NULL && !read_ranks (self, error))
    return FALSE;

  if (last_of_previous < self->ranks->len)
    *after_num = g_array_index (self->ranks, gint64, last_of_previous);
  return TRUE;
}

static void
cache_page (ConsultClientList *self,
            guint              page,
            GPtrArray         *items)
{
  g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), items);
  g_queue_remove (&self->recent, GUINT_TO_POINTER (page));
  g_queue_push_head (&self->recent, GUINT_TO_POINTER (page));
  while (g_queue_get_length (&self->recent) > MAX_CACHED_PAGES)
    g_hash_table_remove (self->pages, g_queue_pop_tail (&self->recent));
}

/* Reads @n_pages pages from @page on in one query into the cache. */
static gboolean
load_pages (ConsultClientList  *self,
            guint               page,
            guint               n_pages,
            GError            **error)
{
  g_autoptr (GMutexLocker) locker = g_mutex_locker_new (&self->store->search_lock);
  g_autoptr (ConsultStoreStmt) stmt = NULL;
  ConsultStoreStmt *row_stmt = NULL;
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint end_page = page + n_pages;
  gint64 after_num = 0;
  int found = 0;

  g_assert (n_pages > 0 && n_pages <= MAX_CACHED_PAGES);

  if (page == 0)
    stmt = prepare (self, first_page_sql, error);
  else if (!find_page_start (self, page, &after_num, error))
    return FALSE;
  else if (after_num == 0)
    {
      cache_page (self, page, g_steal_pointer (&items));
      return TRUE;
    }
  else if ((stmt = prepare (self, next_page_sql, error)) != NULL)
    sqlite3_bind_int64 (stmt, 3, after_num);

  if (stmt == NULL ||
      (self->hits != NULL && !(row_stmt = _consult_store_prepare_search (self->store, ROW_SQL, error))))
    return FALSE;

  if (self->hits == NULL)
    sqlite3_bind_int64 (stmt, 2, (gint64) n_pages * PAGE_SIZE);
  while (page < end_page && (found = step (self, stmt, error)) > 0)
    {
      g_autoptr (ConsultStoreStmt) row = NULL;
      ConsultStoreStmt *source = stmt;

      /* A walk found a hit's num: its row. */
      if (row_stmt != NULL)
        {
          row = source = row_stmt;
          sqlite3_bind_int64 (row, 1, sqlite3_column_int64 (stmt, 0));
          if ((found = _consult_store_step_row (self->store, row, error)) < 0)
            break;
          if (found == 0)
            continue;
        }

      g_ptr_array_add (items,
                       consult_client_summary_new ((const char *) sqlite3_column_text (source, 0),
                                                   (const char *) sqlite3_column_text (source, 1),
                                                   (const char *) sqlite3_column_text (source, 2),
                                                   (const char *) sqlite3_column_text (source, 3),
                                                   (const char *) sqlite3_column_text (source, 4),
                                                   (const char *) sqlite3_column_text (source, 5),
                                                   sqlite3_column_int (source, 6) != 0));
      if (items->len < PAGE_SIZE)
        continue;

      /* A full page: the next one starts after its last row. */
      if (page < self->last_nums->len)
        g_array_index (self->last_nums, gint64, page) = sqlite3_column_int64 (source, 7);
      cache_page (self, page++, g_steal_pointer (&items));
      items = g_ptr_array_new_with_free_func (g_object_unref);
    }
  if (found < 0)
    return FALSE;

  /* The last, partial page. */
  if (items->len > 0)
    cache_page (self, page, g_steal_pointer (&items));

  return TRUE;
}

static GPtrArray *
lookup_page (ConsultClientList  *self,
             guint               page,
             GError            **error)
{
  GPtrArray *items = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));

  if (items != NULL)
    {
      g_queue_remove (&self->recent, GUINT_TO_POINTER (page));
      g_queue_push_head (&self->recent, GUINT_TO_POINTER (page));
      return items;
    }

  if (!load_pages (self, page, 1, error))
    return NULL;

  /* Found empty when the list shrank since it was counted. */
  items = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (items == NULL)
    {
      items = g_ptr_array_new_with_free_func (g_object_unref);
      cache_page (self, page, items);
    }

  return items;
}

static GType
consult_client_list_get_item_type (GListModel *model)
{
  return CONSULT_TYPE_CLIENT_SUMMARY;
}

static guint
consult_client_list_get_n_items (GListModel *model)
{
  return CONSULT_CLIENT_LIST (model)->n_items;
}

static gpointer
consult_client_list_get_item (GListModel *model,
                              guint       position)
{
  ConsultClientList *self = CONSULT_CLIENT_LIST (model);
  g_autoptr (GError) error = NULL;
  GPtrArray *items;
  guint offset = position % PAGE_SIZE;

  if (position >= self->n_items)
    return NULL;

  items = lookup_page (self, position / PAGE_SIZE, &error);
  if (items == NULL)
    {
      /* Our messages never quote row values. */
      g_warning ("Loading a page of clients failed: %s", error->message);
      return NULL;
    }
  if (offset >= items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (items, offset));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = consult_client_list_get_item_type;
  iface->get_n_items = consult_client_list_get_n_items;
  iface->get_item = consult_client_list_get_item;
}

/* A search by name reads all its hits before its first page anyway
 * (a page walks the name order and keeps the hits), which counts it. */
static gboolean
counts_with_first_page (ConsultClientList *self)
{
  return self->query != NULL && !(self->flags & CONSULT_CLIENT_SEARCH_NOTES);
}

/* Counts the list and reads its first page. */
static gboolean
read_counted (ConsultClientList  *self,
              GError            **error)
{
  guint n_items;

  /* The first page too, so that a list made in a worker thread shows
   * its first rows without reading the database in the main thread. */
  if (!count_items (self, &n_items, error))
    return FALSE;
  reset_pages (self, n_items);
  self->counted = TRUE;

  return n_items == 0 || lookup_page (self, 0, error) != NULL;
}

/* Reads the first @n_pages pages (those missing from the cache) of a
 * list not counted yet; it then holds the rows read, and is counted if
 * they end before the last page does. */
static gboolean
read_known_rows (ConsultClientList  *self,
                 guint               n_pages,
                 GError            **error)
{
  guint first = 0;
  guint n_known = 0;
  guint old_n_items = self->n_items;

  g_assert (!self->counted && n_pages > 0 && n_pages <= MAX_CACHED_PAGES);

  if (self->last_nums->len < n_pages)
    g_array_set_size (self->last_nums, n_pages);
  while (first < n_pages && g_hash_table_contains (self->pages, GUINT_TO_POINTER (first)))
    first++;
  if (first < n_pages && !load_pages (self, first, n_pages - first, error))
    return FALSE;

  for (guint page = 0; page < n_pages; page++)
    {
      GPtrArray *items = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));

      n_known += items != NULL ? items->len : 0;
      if (items == NULL || items->len < PAGE_SIZE)
        break;
    }

  /* The rows known before are among those read. */
  g_assert (n_known >= old_n_items);
  self->n_items = n_known;
  self->counted = n_known < n_pages * PAGE_SIZE;
  if (n_known > old_n_items)
    g_list_model_items_changed (G_LIST_MODEL (self), old_n_items, 0, n_known - old_n_items);

  return TRUE;
}

/* A new list: counted, or with @count_now FALSE holding the rows of its
 * first page (which, for a search by name, counts it too). */
static ConsultClientList *
list_new (ConsultStore             *store,
          const char               *text,
          ConsultClientSearchFlags  flags,
          gboolean                  count_now,
          GError                  **error)
{
  g_autoptr (ConsultClientList) self = g_object_new (CONSULT_TYPE_CLIENT_LIST, NULL);

  self->store = g_object_ref (store);
  self->query = consult_store_search_query (text);
  self->flags = flags;

  if (count_now || counts_with_first_page (self))
    {
      if (!read_counted (self, error))
        return NULL;
    }
  else
    {
      reset_pages (self, 0);
      if (!read_known_rows (self, 1, error))
        return NULL;
    }

  return g_steal_pointer (&self);
}

ConsultClientList *
consult_client_list_new (ConsultStore              *store,
                         const char                *text,
                         ConsultClientSearchFlags   flags,
                         GError                   **error)
{
  g_return_val_if_fail (CONSULT_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return list_new (store, text, flags, TRUE, error);
}

ConsultClientList *
consult_client_list_new_uncounted (ConsultStore              *store,
                                   const char                *text,
                                   ConsultClientSearchFlags   flags,
                                   GError                   **error)
{
  g_return_val_if_fail (CONSULT_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return list_new (store, text, flags, FALSE, error);
}

gboolean
consult_client_list_refresh (ConsultClientList  *self,
                             GError            **error)
{
  guint old_n_items;
  guint n_items;

  g_return_val_if_fail (CONSULT_IS_CLIENT_LIST (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!count_items (self, &n_items, error))
    return FALSE;

  old_n_items = self->n_items;
  reset_pages (self, n_items);
  self->counted = TRUE;
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n_items, n_items);

  return TRUE;
}

/**
 * consult_client_list_prefetch:
 * @self: a #ConsultClientList
 * @n_items: how many rows from the top
 * @error: return location for a #CONSULT_STORE_ERROR
 *
 * Reads the first @n_items rows (at most 400) now, in one query, so that
 * a list made in a worker thread can be shown without reading the
 * database in the main thread.  Call it before handing the list to
 * another thread: a list is used by one thread at a time.  A list not
 * counted yet then holds the rows read.
 */
gboolean
consult_client_list_prefetch (ConsultClientList  *self,
                              guint               n_items,
                              GError            **error)
{
  guint n_pages;
  guint first = 0;

  g_return_val_if_fail (CONSULT_IS_CLIENT_LIST (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!self->counted)
    return n_items == 0 ||
           read_known_rows (self, MIN ((n_items + PAGE_SIZE - 1) / PAGE_SIZE, MAX_CACHED_PAGES), error);

  n_pages = (MIN (n_items, self->n_items) + PAGE_SIZE - 1) / PAGE_SIZE;
  n_pages = MIN (n_pages, MAX_CACHED_PAGES);
  while (first < n_pages && g_hash_table_contains (self->pages, GUINT_TO_POINTER (first)))
    first++;
  if (first == n_pages)
    return TRUE;

  return load_pages (self, first, n_pages - first, error);
}

ConsultClientSearchFlags
consult_client_list_get_flags (ConsultClientList *self)
{
  g_return_val_if_fail (CONSULT_IS_CLIENT_LIST (self), CONSULT_CLIENT_SEARCH_DEFAULT);

  return self->flags;
}

gboolean
consult_client_list_is_counted (ConsultClientList *self)
{
  g_return_val_if_fail (CONSULT_IS_CLIENT_LIST (self), TRUE);

  return self->counted;
}

/* In a worker thread: the count reads only what never changes after
 * the list is made (its store, query and flags; a list not counted has
 * no hits), so the list's owner may read pages meanwhile. */
static void
count_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  ConsultClientList *self = source_object;
  GError *error = NULL;
  guint n_items;

  if (g_task_return_error_if_cancelled (task))
    return;

  if (count_items (self, &n_items, &error))
    g_task_return_int (task, n_items);
  else
    g_task_return_error (task, error);
}

void
consult_client_list_count_async (ConsultClientList   *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (CONSULT_IS_CLIENT_LIST (self));
  g_return_if_fail (!self->counted);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, consult_client_list_count_async);
  g_task_run_in_thread (task, count_thread);
}

gboolean
consult_client_list_count_finish (ConsultClientList  *self,
                                  GAsyncResult       *result,
                                  GError            **error)
{
  gssize n_items;
  guint n_known;

  g_return_val_if_fail (CONSULT_IS_CLIENT_LIST (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  n_items = g_task_propagate_int (G_TASK (result), error);
  if (n_items < 0)
    return FALSE;
  /* consult_client_list_refresh() counted it meanwhile. */
  if (self->counted)
    return TRUE;

  n_known = self->n_items;
  self->n_items = (guint) n_items;
  self->counted = TRUE;
  if (self->last_nums->len * PAGE_SIZE < self->n_items)
    g_array_set_size (self->last_nums, (self->n_items + PAGE_SIZE - 1) / PAGE_SIZE);

  /* Clients archived since the rows were read may leave fewer. */
  if (self->n_items > n_known)
    g_list_model_items_changed (G_LIST_MODEL (self), n_known, 0, self->n_items - n_known);
  else if (self->n_items < n_known)
    g_list_model_items_changed (G_LIST_MODEL (self), self->n_items, n_known - self->n_items, 0);

  return TRUE;
}
