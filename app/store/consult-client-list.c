/* consult-client-list.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-store"

#include "config.h"

#include "consult-client-list.h"
#include "consult-store-private.h"

#define PAGE_SIZE 50
#define MAX_CACHED_PAGES 8

/* The row's num (last) is the key the next page starts after. */
#define ROW_COLUMNS "c.id, c.given_name, c.family_name, c.date_of_birth, c.phone, c.email, c.archived"
#define SUMMARY_COLUMNS ROW_COLUMNS ", c.num"

/* Searches by name read client_prefixes (consult-store-prefixes.c): the
 * clients having a word that begins with ?1, in name order, so a page
 * is a range of its key.  Any other words typed are ?4, a JSON array:
 * each must begin a word of the same client. */
#define PREFIX_KEYS "FROM client_prefixes p WHERE p.prefix = ?1 "
#define PREFIX_ROWS "FROM client_prefixes p JOIN clients c ON c.num = p.num WHERE p.prefix = ?1 "
#define ACTIVE_PREFIX "AND p.archived = 0 "
#define OTHER_WORDS \
  "AND NOT EXISTS (SELECT 1 FROM json_each (?4) w WHERE NOT EXISTS " \
  "(SELECT 1 FROM client_prefixes o " \
  "WHERE o.prefix = w.value AND o.sort_key = p.sort_key AND o.num = p.num)) "

/* Clients saved since their rows were last written are noted in
 * client_prefixes_pending: while any are, a search leaves out their
 * rows, which may be old, and merges in those of them whose details
 * match now every word typed (?5, separated by spaces). */
#define NOT_PENDING "AND p.num NOT IN (SELECT num FROM client_prefixes_pending) "
/* CROSS JOIN: the few clients noted lead, rather than a walk of every
 * client in name order looking each up among them. */
#define PENDING_ROWS_AS(c) \
  "FROM client_prefixes_pending q CROSS JOIN clients " c " ON " c ".num = q.num " \
  "WHERE consult_search_matches (?5, " c ".given_name, " c ".family_name, " c ".email, " \
  c ".phone, " c ".phone_digits) "
#define PENDING_ROWS PENDING_ROWS_AS ("c")
#define ACTIVE_PENDING "AND c.archived = 0 "
#define ANY_PENDING_SQL "SELECT EXISTS (SELECT 1 FROM client_prefixes_pending)"

/* A search of the notes too goes through the full-text indexes: ?1 is a
 * query from consult_store_search_query(), quoted words only, and words
 * match names, phone and e-mail, never the status column.  Their
 * entries are written after the save (migration 0007): those of the
 * clients and consultations noted as pending are left out, and what is
 * noted is matched by its current text instead, every word of ?5. */
#define NAME_COLUMNS "{given_name family_name email phone phone_digits}"
#define NOTES_HITS \
  "SELECT rowid AS num FROM client_fts " \
  "WHERE client_fts MATCH '" NAME_COLUMNS " : (' || ?1 || ')' " \
  "AND rowid NOT IN (SELECT num FROM client_prefixes_pending) UNION " \
  "SELECT c1.num " PENDING_ROWS_AS ("c1") "UNION " \
  "SELECT c2.num FROM consultation_fts " \
  "JOIN consultations k ON k.num = consultation_fts.rowid " \
  "JOIN clients c2 ON c2.id = k.client_id WHERE consultation_fts MATCH ?1 " \
  "AND k.num NOT IN (SELECT num FROM consultation_notes_pending) UNION " \
  "SELECT c3.num FROM consultation_notes_pending q CROSS JOIN consultations k ON k.num = q.num " \
  "JOIN clients c3 ON c3.id = k.client_id WHERE consult_search_matches (?5, k.notes)"
#define FROM_NOTES_HITS "FROM (" NOTES_HITS ") h JOIN clients c ON c.num = h.num "

/* Pages are found by key, never by OFFSET (which reads every row before
 * the page): a page starts after the last row of the page before it,
 * ?3 being that row's num.  A row's place in the order is its sort_key,
 * then its num, as the ORDER BY says; @k names the table whose index
 * gives that order. */
#define AFTER_KEY(k) \
  "AND (" k ".sort_key, " k ".num) > ((SELECT a.sort_key FROM clients a WHERE a.num = ?3), ?3) "
#define ORDER(k) "ORDER BY " k ".sort_key, " k ".num"

#define FIRST_PAGE(source, k) "SELECT " SUMMARY_COLUMNS " " source ORDER (k) " LIMIT ?2"
#define NEXT_PAGE(source, k) "SELECT " SUMMARY_COLUMNS " " source AFTER_KEY (k) ORDER (k) " LIMIT ?2"
/* Every row's num in order: where a jump far down the list starts. */
#define RANKS(source, k) "SELECT " k ".num " source ORDER (k)

/* The same with clients noted as pending (NOT_PENDING): two sources in
 * name order, merged by SQLite, each giving its key last. */
#define MERGED(prefix_where, pending_where, after_p, after_c, end) \
  "SELECT " ROW_COLUMNS ", p.num, p.sort_key " PREFIX_ROWS prefix_where NOT_PENDING after_p \
  "UNION ALL SELECT " ROW_COLUMNS ", c.num, c.sort_key " PENDING_ROWS pending_where after_c \
  "ORDER BY 9, 8" end
#define MERGED_FIRST(pw, qw) MERGED (pw, qw, "", "", " LIMIT ?2")
#define MERGED_NEXT(pw, qw) MERGED (pw, qw, AFTER_KEY ("p"), AFTER_KEY ("c"), " LIMIT ?2")
#define MERGED_RANKS(pw, qw) \
  "SELECT p.num, p.sort_key " PREFIX_KEYS pw NOT_PENDING \
  "UNION ALL SELECT c.num, c.sort_key " PENDING_ROWS qw "ORDER BY 2, 1"
#define MERGED_COUNT(pw, qw) \
  "SELECT (SELECT count(*) " PREFIX_KEYS pw NOT_PENDING ") + (SELECT count(*) " PENDING_ROWS qw ")"

/* What each scope reads, [include_archived] second; each ends in a WHERE
 * clause for AFTER_KEY to extend. */
#define ALL_ACTIVE "FROM clients c WHERE c.archived = 0 "
#define ALL_ARCHIVED "FROM clients c WHERE 1 "
#define NOTES_ACTIVE FROM_NOTES_HITS "WHERE +c.archived = 0 "
#define NOTES_ARCHIVED FROM_NOTES_HITS "WHERE 1 "

/* The searches by name with clients pending follow those without. */
enum { ALL, BY_WORD, BY_WORDS, BY_WORD_PENDING, BY_WORDS_PENDING, BY_NAME_OR_NOTES, N_SCOPES };

/* [scope][include_archived] */
static const char *const count_sql[N_SCOPES][2] = {
  { "SELECT count(*) FROM clients c WHERE c.archived = 0",
    "SELECT count(*) FROM clients c" },
  { "SELECT count(*) " PREFIX_KEYS ACTIVE_PREFIX,
    "SELECT count(*) " PREFIX_KEYS },
  { "SELECT count(*) " PREFIX_KEYS ACTIVE_PREFIX OTHER_WORDS,
    "SELECT count(*) " PREFIX_KEYS OTHER_WORDS },
  { MERGED_COUNT (ACTIVE_PREFIX, ACTIVE_PENDING), MERGED_COUNT ("", "") },
  { MERGED_COUNT (ACTIVE_PREFIX OTHER_WORDS, ACTIVE_PENDING), MERGED_COUNT (OTHER_WORDS, "") },
  { "SELECT count(*) " NOTES_ACTIVE,
    "SELECT count(*) " NOTES_ARCHIVED },
};

static const char *const first_page_sql[N_SCOPES][2] = {
  { FIRST_PAGE (ALL_ACTIVE, "c"), FIRST_PAGE (ALL_ARCHIVED, "c") },
  { FIRST_PAGE (PREFIX_ROWS ACTIVE_PREFIX, "p"), FIRST_PAGE (PREFIX_ROWS, "p") },
  { FIRST_PAGE (PREFIX_ROWS ACTIVE_PREFIX OTHER_WORDS, "p"), FIRST_PAGE (PREFIX_ROWS OTHER_WORDS, "p") },
  { MERGED_FIRST (ACTIVE_PREFIX, ACTIVE_PENDING), MERGED_FIRST ("", "") },
  { MERGED_FIRST (ACTIVE_PREFIX OTHER_WORDS, ACTIVE_PENDING), MERGED_FIRST (OTHER_WORDS, "") },
  { FIRST_PAGE (NOTES_ACTIVE, "c"), FIRST_PAGE (NOTES_ARCHIVED, "c") },
};

static const char *const next_page_sql[N_SCOPES][2] = {
  { NEXT_PAGE (ALL_ACTIVE, "c"), NEXT_PAGE (ALL_ARCHIVED, "c") },
  { NEXT_PAGE (PREFIX_ROWS ACTIVE_PREFIX, "p"), NEXT_PAGE (PREFIX_ROWS, "p") },
  { NEXT_PAGE (PREFIX_ROWS ACTIVE_PREFIX OTHER_WORDS, "p"), NEXT_PAGE (PREFIX_ROWS OTHER_WORDS, "p") },
  { MERGED_NEXT (ACTIVE_PREFIX, ACTIVE_PENDING), MERGED_NEXT ("", "") },
  { MERGED_NEXT (ACTIVE_PREFIX OTHER_WORDS, ACTIVE_PENDING), MERGED_NEXT (OTHER_WORDS, "") },
  { NEXT_PAGE (NOTES_ACTIVE, "c"), NEXT_PAGE (NOTES_ARCHIVED, "c") },
};

static const char *const ranks_sql[N_SCOPES][2] = {
  { RANKS (ALL_ACTIVE, "c"), RANKS (ALL_ARCHIVED, "c") },
  { RANKS (PREFIX_KEYS ACTIVE_PREFIX, "p"), RANKS (PREFIX_KEYS, "p") },
  { RANKS (PREFIX_KEYS ACTIVE_PREFIX OTHER_WORDS, "p"), RANKS (PREFIX_KEYS OTHER_WORDS, "p") },
  { MERGED_RANKS (ACTIVE_PREFIX, ACTIVE_PENDING), MERGED_RANKS ("", "") },
  { MERGED_RANKS (ACTIVE_PREFIX OTHER_WORDS, ACTIVE_PENDING), MERGED_RANKS (OTHER_WORDS, "") },
  { RANKS (NOTES_ACTIVE, "c"), RANKS (NOTES_ARCHIVED, "c") },
};

struct _ConsultClientList
{
  GObject       parent_instance;

  ConsultStore *store;
  /* a search of the notes too: its full-text query */
  char         *query;
  /* a search by name: the words typed, the one that drives it first */
  char        **words;
  /* the JSON array of the words after the first, or NULL */
  char         *other_words;
  /* every word, separated by spaces */
  char         *all_words;
  ConsultClientSearchFlags flags;
  /* the rows known when !counted, every row once counted */
  guint         n_items;
  gboolean      counted;
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
  g_clear_pointer (&self->words, g_strfreev);
  g_clear_pointer (&self->other_words, g_free);
  g_clear_pointer (&self->all_words, g_free);
  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_queue_clear (&self->recent);
  g_clear_pointer (&self->last_nums, g_array_unref);
  g_clear_pointer (&self->ranks, g_array_unref);

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

/* Whether clients are noted for their search rows to be written; the
 * search_lock held. */
static int
any_pending (ConsultClientList  *self,
             GError            **error)
{
  g_autoptr (ConsultStoreStmt) stmt = _consult_store_prepare_search (self->store, ANY_PENDING_SQL, error);

  if (stmt == NULL || _consult_store_step_row (self->store, stmt, error) < 0)
    return -1;

  return sqlite3_column_int (stmt, 0);
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
  int pending = 0;

  /* A search of the notes always merges in what is noted (?5). */
  if (self->query != NULL)
    {
      scope = BY_NAME_OR_NOTES;
      pending = TRUE;
    }
  else if (self->words != NULL)
    {
      scope = self->other_words != NULL ? BY_WORDS : BY_WORD;
      if ((pending = any_pending (self, error)) < 0)
        return NULL;
      if (pending)
        scope += BY_WORD_PENDING - BY_WORD;
    }

  stmt = _consult_store_prepare_search (self->store,
                                        sql[scope][(self->flags & CONSULT_CLIENT_SEARCH_INCLUDE_ARCHIVED) != 0],
                                        error);
  if (stmt == NULL || scope == ALL)
    return stmt;

  _consult_store_bind_text (stmt, 1, self->query != NULL ? self->query : self->words[0]);
  if (self->other_words != NULL)
    _consult_store_bind_text (stmt, 4, self->other_words);
  if (pending)
    _consult_store_bind_text (stmt, 5, self->all_words);

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

/* SQLite's progress handler: a non-zero return interrupts the query. */
static int
interrupt_if_cancelled (gpointer cancellable)
{
  return g_cancellable_is_cancelled (cancellable);
}

/* A @cancellable stops the count at once: a broad count holds the search
 * connection for many milliseconds, which the next keystroke's search
 * would otherwise wait out. */
static gboolean
count_items (ConsultClientList  *self,
             guint              *n_items,
             GCancellable       *cancellable,
             GError            **error)
{
  g_autoptr (GMutexLocker) locker = g_mutex_locker_new (&self->store->search_lock);
  g_autoptr (ConsultStoreStmt) stmt = NULL;
  int found;

  if (!(stmt = prepare (self, count_sql, error)))
    return FALSE;

  if (cancellable != NULL)
    sqlite3_progress_handler (self->store->search_db, 1000, interrupt_if_cancelled, cancellable);
  found = _consult_store_step_row (self->store, stmt, error);
  if (cancellable != NULL)
    sqlite3_progress_handler (self->store->search_db, 0, NULL, NULL);
  if (found < 0)
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
  while ((found = _consult_store_step_row (self->store, stmt, error)) > 0)
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

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 2, (gint64) n_pages * PAGE_SIZE);
  while (page < end_page && (found = _consult_store_step_row (self->store, stmt, error)) > 0)
    {
      g_ptr_array_add (items,
                       consult_client_summary_new ((const char *) sqlite3_column_text (stmt, 0),
                                                   (const char *) sqlite3_column_text (stmt, 1),
                                                   (const char *) sqlite3_column_text (stmt, 2),
                                                   (const char *) sqlite3_column_text (stmt, 3),
                                                   (const char *) sqlite3_column_text (stmt, 4),
                                                   (const char *) sqlite3_column_text (stmt, 5),
                                                   sqlite3_column_int (stmt, 6) != 0));
      if (items->len < PAGE_SIZE)
        continue;

      /* A full page: the next one starts after its last row. */
      if (page < self->last_nums->len)
        g_array_index (self->last_nums, gint64, page) = sqlite3_column_int64 (stmt, 7);
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

/* Counts the list and reads its first page. */
static gboolean
read_counted (ConsultClientList  *self,
              GError            **error)
{
  guint n_items;

  /* The first page too, so that a list made in a worker thread shows
   * its first rows without reading the database in the main thread. */
  if (!count_items (self, &n_items, NULL, error))
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
 * first page. */
static ConsultClientList *
list_new (ConsultStore             *store,
          const char               *text,
          ConsultClientSearchFlags  flags,
          gboolean                  count_now,
          GError                  **error)
{
  g_autoptr (ConsultClientList) self = g_object_new (CONSULT_TYPE_CLIENT_LIST, NULL);

  self->store = g_object_ref (store);
  self->flags = flags;
  if ((self->words = _consult_store_search_words (text)) != NULL)
    self->all_words = g_strjoinv (" ", self->words);
  /* The words are also what matches the notes noted as pending. */
  if ((flags & CONSULT_CLIENT_SEARCH_NOTES) && self->words != NULL)
    self->query = consult_store_search_query (text);
  else if (self->words != NULL && self->words[1] != NULL)
    self->other_words = _consult_store_words_to_json ((const char *const *) self->words + 1);

  if (count_now)
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

  if (!count_items (self, &n_items, NULL, error))
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
 * the list is made (its store, query, words and flags), so the list's
 * owner may read pages meanwhile. */
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

  if (count_items (self, &n_items, cancellable, &error))
    g_task_return_int (task, n_items);
  else if (g_cancellable_is_cancelled (cancellable))
    {
      g_error_free (error);
      g_task_return_error_if_cancelled (task);
    }
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
