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

#define SUMMARY_COLUMNS \
  "c.id, c.given_name, c.family_name, c.date_of_birth, c.phone, c.email, c.archived"

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

#define ORDER_PAGE "ORDER BY c.sort_key, c.num LIMIT ?2 OFFSET ?3"

/* Many hits: walk the name-order index and keep the entries that are
 * hits ("+" stops SQLite from turning the hits into row lookups), so a
 * page costs about a page of rows, not a sort of every hit. */
#define WALK_FROM "FROM clients c WHERE +c.num IN (" NAME_HITS ") "

/* From this many hits on, walking beats sorting. */
#define WALK_MIN_HITS 400

enum { ALL, BY_NAME, BY_NAME_OR_NOTES, BY_NAME_WALKING, N_SCOPES };

static const char *const count_sql[N_SCOPES][2] = {
  /* [scope][include_archived]: name counts come from the index alone */
  { "SELECT count(*) FROM clients c WHERE c.archived = 0",
    "SELECT count(*) FROM clients c" },
  { "SELECT (SELECT count(*) FROM client_fts WHERE " MATCH_ANY ") - "
    "(SELECT count(*) FROM client_fts WHERE " MATCH_ARCHIVED ")",
    "SELECT count(*) FROM client_fts WHERE " MATCH_ANY },
  { "SELECT count(*) " FROM_HITS (NOTES_HITS) "WHERE +c.archived = 0",
    "SELECT count(*) " FROM_HITS (NOTES_HITS) },
  { "SELECT (SELECT count(*) FROM client_fts WHERE " MATCH_ANY ") - "
    "(SELECT count(*) FROM client_fts WHERE " MATCH_ARCHIVED ")",
    "SELECT count(*) FROM client_fts WHERE " MATCH_ANY },
};

static const char *const page_sql[N_SCOPES][2] = {
  { "SELECT " SUMMARY_COLUMNS " FROM clients c WHERE c.archived = 0 " ORDER_PAGE,
    "SELECT " SUMMARY_COLUMNS " FROM clients c " ORDER_PAGE },
  { "SELECT " SUMMARY_COLUMNS " " FROM_HITS (NAME_HITS) "WHERE +c.archived = 0 " ORDER_PAGE,
    "SELECT " SUMMARY_COLUMNS " " FROM_HITS (NAME_HITS) ORDER_PAGE },
  { "SELECT " SUMMARY_COLUMNS " " FROM_HITS (NOTES_HITS) "WHERE +c.archived = 0 " ORDER_PAGE,
    "SELECT " SUMMARY_COLUMNS " " FROM_HITS (NOTES_HITS) ORDER_PAGE },
  { "SELECT " SUMMARY_COLUMNS " " WALK_FROM "AND c.archived = 0 " ORDER_PAGE,
    "SELECT " SUMMARY_COLUMNS " " WALK_FROM ORDER_PAGE },
};

struct _ConsultClientList
{
  GObject       parent_instance;

  ConsultStore *store;
  char         *query;
  ConsultClientSearchFlags flags;
  guint         n_items;
  /* page number -> GPtrArray of ConsultClientSummary */
  GHashTable   *pages;
  /* page numbers, most recently used first */
  GQueue        recent;
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
}

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
    scope = self->n_items >= WALK_MIN_HITS ? BY_NAME_WALKING : BY_NAME;

  stmt = _consult_store_prepare (self->store, sql[scope][(self->flags & CONSULT_CLIENT_SEARCH_INCLUDE_ARCHIVED) != 0],
                                 error);
  if (stmt != NULL && self->query != NULL)
    _consult_store_bind_text (stmt, 1, self->query);

  return stmt;
}

static gboolean
count_items (ConsultClientList  *self,
             guint              *n_items,
             GError            **error)
{
  g_autoptr (GRecMutexLocker) locker = g_rec_mutex_locker_new (&self->store->lock);
  g_autoptr (ConsultStoreStmt) stmt = NULL;

  if (!(stmt = prepare (self, count_sql, error)) ||
      _consult_store_step_row (self->store, stmt, error) < 0)
    return FALSE;

  *n_items = (guint) sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

static GPtrArray *
load_page (ConsultClientList  *self,
           guint               page,
           GError            **error)
{
  g_autoptr (GRecMutexLocker) locker = g_rec_mutex_locker_new (&self->store->lock);
  g_autoptr (ConsultStoreStmt) stmt = NULL;
  g_autoptr (GPtrArray) items = NULL;
  int found;

  if (!(stmt = prepare (self, page_sql, error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 2, PAGE_SIZE);
  sqlite3_bind_int64 (stmt, 3, (gint64) page * PAGE_SIZE);

  items = g_ptr_array_new_with_free_func (g_object_unref);
  while ((found = _consult_store_step_row (self->store, stmt, error)) > 0)
    g_ptr_array_add (items,
                     consult_client_summary_new ((const char *) sqlite3_column_text (stmt, 0),
                                                 (const char *) sqlite3_column_text (stmt, 1),
                                                 (const char *) sqlite3_column_text (stmt, 2),
                                                 (const char *) sqlite3_column_text (stmt, 3),
                                                 (const char *) sqlite3_column_text (stmt, 4),
                                                 (const char *) sqlite3_column_text (stmt, 5),
                                                 sqlite3_column_int (stmt, 6) != 0));

  return found < 0 ? NULL : g_steal_pointer (&items);
}

static GPtrArray *
lookup_page (ConsultClientList *self,
             guint              page)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *items = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));

  if (items != NULL)
    {
      g_queue_remove (&self->recent, GUINT_TO_POINTER (page));
      g_queue_push_head (&self->recent, GUINT_TO_POINTER (page));
      return items;
    }

  if (!(items = load_page (self, page, &error)))
    {
      /* Our messages never quote row values. */
      g_warning ("Loading a page of clients failed: %s", error->message);
      return NULL;
    }

  g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), items);
  g_queue_push_head (&self->recent, GUINT_TO_POINTER (page));
  while (g_queue_get_length (&self->recent) > MAX_CACHED_PAGES)
    g_hash_table_remove (self->pages, g_queue_pop_tail (&self->recent));

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
  GPtrArray *items;
  guint offset = position % PAGE_SIZE;

  if (position >= self->n_items)
    return NULL;

  items = lookup_page (self, position / PAGE_SIZE);
  if (items == NULL || offset >= items->len)
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

ConsultClientList *
consult_client_list_new (ConsultStore              *store,
                         const char                *text,
                         ConsultClientSearchFlags   flags,
                         GError                   **error)
{
  g_autoptr (ConsultClientList) self = NULL;

  g_return_val_if_fail (CONSULT_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (CONSULT_TYPE_CLIENT_LIST, NULL);
  self->store = g_object_ref (store);
  self->query = consult_store_search_query (text);
  self->flags = flags;

  if (!count_items (self, &self->n_items, error))
    return NULL;

  return g_steal_pointer (&self);
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
  self->n_items = n_items;
  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->recent);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n_items, n_items);

  return TRUE;
}

ConsultClientSearchFlags
consult_client_list_get_flags (ConsultClientList *self)
{
  g_return_val_if_fail (CONSULT_IS_CLIENT_LIST (self), CONSULT_CLIENT_SEARCH_DEFAULT);

  return self->flags;
}
