/* consult-store-prefixes.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-store"

#include "config.h"

#include "consult-store-private.h"

/* Search as you type finds clients by the beginnings of the words of
 * their names, phone and e-mail.  The table client_prefixes (migration
 * 0006) holds one row per client and beginning, in name order within
 * each beginning, so that the first page of any search is a range of
 * one index rather than a sort of every hit.  A save notes the client
 * in client_prefixes_pending (a trigger), and the store's background
 * thread rewrites its rows later (_consult_store_index_pending()), and
 * its client_fts entry (migration 0007) for searches of the notes; a
 * search meanwhile matches the clients noted there with
 * consult_search_matches().  All of it splits text with words(), so
 * what is written and what is typed agree. */

/* Longer beginnings add rows and find nothing new in practice; a longer
 * word typed is matched by its first MAX_PREFIX_CHARS characters. */
#define MAX_PREFIX_CHARS 32

/* Calls @func for each word of @text: its runs of letters and digits,
 * folded (_consult_store_fold()) so that "Díaz" and "DIAZ" are one. */
static void
words (const char *text,
       guint       max_chars,
       void      (*func) (const char *word, gpointer user_data),
       gpointer    user_data)
{
  g_autofree char *valid = NULL;
  g_autofree char *folded = NULL;
  g_autoptr (GString) word = g_string_new (NULL);
  guint n_chars = 0;

  if (text == NULL)
    return;

  valid = g_utf8_make_valid (text, -1);
  folded = _consult_store_fold (valid);
  for (const char *p = folded; n_chars < max_chars; p = g_utf8_next_char (p), n_chars++)
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && g_unichar_isalnum (c))
        {
          g_string_append_unichar (word, c);
          continue;
        }

      if (word->len > 0)
        func (word->str, user_data);
      g_string_truncate (word, 0);
      if (c == 0)
        return;
    }

  if (word->len > 0)
    func (word->str, user_data);
}

static void
add_prefixes (const char *word,
              gpointer    user_data)
{
  GHashTable *prefixes = user_data;
  const char *end = word;

  for (guint n = 0; n < MAX_PREFIX_CHARS && *end != '\0'; n++)
    {
      end = g_utf8_next_char (end);
      g_hash_table_add (prefixes, g_strndup (word, end - word));
    }
}

/* Words are letters and digits only: nothing in them needs escaping. */
char *
_consult_store_words_to_json (const char *const *words)
{
  GString *json = g_string_new ("[");

  for (guint i = 0; words[i] != NULL; i++)
    g_string_append_printf (json, "%s\"%s\"", i > 0 ? "," : "", words[i]);
  g_string_append_c (json, ']');

  return g_string_free (json, FALSE);
}

/* consult_search_prefixes(TEXT, ...): a JSON array of the distinct
 * beginnings of the words of its arguments. */
static void
search_prefixes_func (sqlite3_context  *context,
                      int               argc,
                      sqlite3_value   **argv)
{
  g_autoptr (GHashTable) prefixes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree const char **keys = NULL;

  for (int i = 0; i < argc; i++)
    words ((const char *) sqlite3_value_text (argv[i]), G_MAXUINT, add_prefixes, prefixes);

  keys = (const char **) g_hash_table_get_keys_as_array (prefixes, NULL);
  sqlite3_result_text (context, _consult_store_words_to_json (keys), -1, g_free);
}

static void
add_token (const char *word,
           gpointer    user_data)
{
  g_ptr_array_add (user_data, g_strdup (word));
}

/* consult_search_matches(WORDS, TEXT, ...): whether each of the words
 * (separated by spaces, as _consult_store_search_words() gives them)
 * begins a word of the other arguments. */
static void
search_matches_func (sqlite3_context  *context,
                     int               argc,
                     sqlite3_value   **argv)
{
  g_autoptr (GPtrArray) tokens = g_ptr_array_new_with_free_func (g_free);
  g_auto (GStrv) wanted = NULL;
  const char *text = (const char *) sqlite3_value_text (argv[0]);

  wanted = g_strsplit (text != NULL ? text : "", " ", -1);
  for (int i = 1; i < argc; i++)
    words ((const char *) sqlite3_value_text (argv[i]), G_MAXUINT, add_token, tokens);

  for (guint i = 0; wanted[i] != NULL; i++)
    {
      gboolean found = wanted[i][0] == '\0';

      for (guint j = 0; j < tokens->len && !found; j++)
        found = g_str_has_prefix (g_ptr_array_index (tokens, j), wanted[i]);
      if (!found)
        {
          sqlite3_result_int (context, 0);
          return;
        }
    }

  sqlite3_result_int (context, 1);
}

gboolean
_consult_store_add_functions (sqlite3     *db,
                              const char  *path,
                              GError     **error)
{
  const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
  int rc;

  rc = sqlite3_create_function_v2 (db, "consult_search_prefixes", -1, flags,
                                   NULL, search_prefixes_func, NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_create_function_v2 (db, "consult_search_matches", -1, flags,
                                     NULL, search_matches_func, NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    return TRUE;

  _consult_store_set_sqlite_error (error, db, rc, path);
  return FALSE;
}

static void
add_word (const char *word,
          gpointer    user_data)
{
  GPtrArray *found = user_data;
  const char *end = word;
  g_autofree char *truncated = NULL;

  for (guint n = 0; n < MAX_PREFIX_CHARS && *end != '\0'; n++)
    end = g_utf8_next_char (end);
  truncated = g_strndup (word, end - word);

  for (guint i = 0; i < found->len; i++)
    if (g_str_equal (g_ptr_array_index (found, i), truncated))
      return;

  g_ptr_array_add (found, g_steal_pointer (&truncated));
}

static int
compare_lengths (gconstpointer a,
                 gconstpointer b)
{
  glong x = g_utf8_strlen (*(char *const *) a, -1);
  glong y = g_utf8_strlen (*(char *const *) b, -1);

  return (y > x) - (y < x);
}

/* The distinct words of what was typed, the longest (likely the fewest
 * clients) first, or NULL when it has none. */
char **
_consult_store_search_words (const char *text)
{
  g_autoptr (GPtrArray) found = g_ptr_array_new_with_free_func (g_free);

  words (text, CONSULT_STORE_MAX_QUERY_CHARS, add_word, found);
  if (found->len == 0)
    return NULL;

  g_ptr_array_sort (found, compare_lengths);
  g_ptr_array_add (found, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&found), FALSE);
}

/* A client noted in client_prefixes_pending, with what its rows held
 * when it was first noted: NULLs for a client not indexed yet. */
typedef struct
{
  gint64  num;
  char   *indexed_sort_key;
  char   *indexed_prefixes;
  /* the JSON array of the client_fts columns' values */
  char   *indexed_fts;
} Pending;

static void
pending_clear (Pending *pending)
{
  g_free (pending->indexed_sort_key);
  g_free (pending->indexed_prefixes);
  g_free (pending->indexed_fts);
}

static int
step_all (sqlite3_stmt *stmt)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ;
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* Runs @sql on @db with ?1 bound to @num (when not 0), ?2 and ?3 to
 * @text2 and @text3: the background writes of the search rows, on a
 * connection of their own, without the store's statement cache. */
int
_consult_store_run (sqlite3    *db,
                    const char *sql,
                    gint64      num,
                    const char *text2,
                    const char *text3)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      if (num != 0)
        sqlite3_bind_int64 (stmt, 1, num);
      if (text2 != NULL)
        sqlite3_bind_text (stmt, 2, text2, -1, SQLITE_STATIC);
      if (text3 != NULL)
        sqlite3_bind_text (stmt, 3, text3, -1, SQLITE_STATIC);
      rc = step_all (stmt);
    }
  sqlite3_finalize (stmt);

  return rc;
}

#define INSERT_ROWS \
  "INSERT INTO client_prefixes (prefix, sort_key, num, archived) " \
  "SELECT w.value, c.sort_key, c.num, c.archived FROM clients c, " \
  "json_each (consult_search_prefixes (c.given_name, c.family_name, c.email, " \
  "c.phone, c.phone_digits)) w "

#define FTS_COLUMNS "given_name, family_name, email, phone, phone_digits, search_status"
#define INSERT_FTS \
  "INSERT INTO client_fts (rowid, " FTS_COLUMNS ") " \
  "SELECT c.num, c.given_name, c.family_name, c.email, c.phone, c.phone_digits, " \
  "c.search_status FROM clients c "

/* Deletes the rows and the full-text entry indexed for @pending before
 * (none for a new client). */
static int
delete_indexed (sqlite3       *db,
                const Pending *pending)
{
  int rc = SQLITE_OK;

  if (pending->indexed_prefixes != NULL)
    rc = _consult_store_run (db,
              "DELETE FROM client_prefixes WHERE prefix IN (SELECT value FROM json_each (?2)) "
              "AND sort_key = ?3 AND num = ?1",
              pending->num, pending->indexed_prefixes, pending->indexed_sort_key);

  if (rc == SQLITE_OK && pending->indexed_fts != NULL)
    rc = _consult_store_run (db,
              "INSERT INTO client_fts (client_fts, rowid, " FTS_COLUMNS ") "
              "SELECT 'delete', ?1, json_extract (?2, '$[0]'), json_extract (?2, '$[1]'), "
              "json_extract (?2, '$[2]'), json_extract (?2, '$[3]'), "
              "json_extract (?2, '$[4]'), json_extract (?2, '$[5]')",
              pending->num, pending->indexed_fts, NULL);

  return rc;
}

/* The clients noted, @max_clients at most, and whether there are more. */
static int
read_pending (sqlite3  *db,
              guint     max_clients,
              GArray   *pending,
              gboolean *more)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db,
                           "SELECT num, indexed_sort_key, indexed_prefixes, indexed_fts "
                           "FROM client_prefixes_pending LIMIT ?1",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, (gint64) max_clients + 1);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          Pending row = {
            sqlite3_column_int64 (stmt, 0),
            g_strdup ((const char *) sqlite3_column_text (stmt, 1)),
            g_strdup ((const char *) sqlite3_column_text (stmt, 2)),
            g_strdup ((const char *) sqlite3_column_text (stmt, 3)),
          };

          g_array_append_val (pending, row);
        }
      if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);

  *more = pending->len > max_clients;
  if (*more)
    g_array_set_size (pending, max_clients);

  return rc;
}

static GArray *
pending_new (void)
{
  GArray *pending = g_array_new (FALSE, TRUE, sizeof (Pending));

  g_array_set_clear_func (pending, (GDestroyNotify) pending_clear);
  return pending;
}

/* Rewrites the search rows of up to @max_clients of the clients noted. */
static int
index_pending_clients (sqlite3  *db,
                       guint     max_clients,
                       gboolean *more)
{
  g_autoptr (GArray) pending = pending_new ();
  int rc = read_pending (db, max_clients, pending, more);

  for (guint i = 0; i < pending->len && rc == SQLITE_OK; i++)
    {
      const Pending *row = &g_array_index (pending, Pending, i);

      rc = delete_indexed (db, row);
      if (rc == SQLITE_OK)
        rc = _consult_store_run (db, INSERT_ROWS "WHERE c.num = ?1", row->num, NULL, NULL);
      if (rc == SQLITE_OK)
        rc = _consult_store_run (db, INSERT_FTS "WHERE c.num = ?1", row->num, NULL, NULL);
      if (rc == SQLITE_OK)
        rc = _consult_store_run (db, "DELETE FROM client_prefixes_pending WHERE num = ?1", row->num, NULL, NULL);
    }

  return rc;
}

/* Writes what saves noted for the searches (the name prefixes and
 * full-text entries of up to @max_rows clients, then the notes of as
 * many consultations), in the caller's write transaction on @db (a
 * connection with the store's functions), and says whether more
 * remains.  Returns an SQLite result code: on failure, roll back. */
int
_consult_store_index_pending (sqlite3  *db,
                              guint     max_rows,
                              gboolean *more)
{
  int rc = index_pending_clients (db, max_rows, more);

  if (rc == SQLITE_OK && !*more)
    rc = _consult_store_index_pending_notes (db, max_rows, more);

  return rc;
}

/* The same for everything noted, at once: the rows are written in key
 * order, many times faster for the thousands of clients a generated
 * database notes in one transaction, but one long transaction. */
int
_consult_store_index_all_pending (sqlite3 *db)
{
  g_autoptr (GArray) pending = pending_new ();
  gboolean more;
  int rc = read_pending (db, G_MAXINT, pending, &more);

  for (guint i = 0; i < pending->len && rc == SQLITE_OK; i++)
    rc = delete_indexed (db, &g_array_index (pending, Pending, i));
  if (rc == SQLITE_OK)
    rc = _consult_store_run (db,
              INSERT_ROWS "JOIN client_prefixes_pending q ON q.num = c.num ORDER BY 1, 2, 3",
              0, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = _consult_store_run (db, INSERT_FTS "JOIN client_prefixes_pending q ON q.num = c.num", 0, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = _consult_store_run (db, "DELETE FROM client_prefixes_pending", 0, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = _consult_store_index_pending_notes (db, G_MAXUINT, &more);

  return rc;
}
