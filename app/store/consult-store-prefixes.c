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
 * one index rather than a sort of every hit.  Its rows are written by
 * triggers through consult_search_prefixes(), and the search splits
 * what was typed with the same words(), so both sides agree. */

/* Longer beginnings add rows and find nothing new in practice; a longer
 * word typed is matched by its first MAX_PREFIX_CHARS characters. */
#define MAX_PREFIX_CHARS 32
/* Beyond this a query is no longer "as you type"; the rest is ignored. */
#define MAX_QUERY_CHARS 200

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

gboolean
_consult_store_add_functions (sqlite3     *db,
                              const char  *path,
                              GError     **error)
{
  int rc;

  rc = sqlite3_create_function_v2 (db, "consult_search_prefixes", -1,
                                   SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                   NULL, search_prefixes_func, NULL, NULL, NULL);
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

  words (text, MAX_QUERY_CHARS, add_word, found);
  if (found->len == 0)
    return NULL;

  g_ptr_array_sort (found, compare_lengths);
  g_ptr_array_add (found, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&found), FALSE);
}
