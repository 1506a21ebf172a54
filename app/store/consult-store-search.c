/* consult-store-search.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-store"

#include "config.h"

#include "consult-client-list.h"
#include "consult-store-private.h"


static gboolean
has_alnum (const char *word)
{
  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      return TRUE;

  return FALSE;
}

static void
append_word (GString    *query,
             const char *word)
{
  if (!has_alnum (word))
    return;

  if (query->len > 0)
    g_string_append_c (query, ' ');

  /* Inside an FTS5 string only '"' is special, escaped by doubling. */
  g_string_append_c (query, '"');
  for (const char *p = word; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (query, '"');
      g_string_append_c (query, *p);
    }
  g_string_append (query, "\"*");
}

char *
consult_store_search_query (const char *text)
{
  g_autofree char *valid = NULL;
  g_autofree char *normalized = NULL;
  g_autoptr (GString) query = g_string_new (NULL);
  g_autoptr (GString) word = g_string_new (NULL);
  guint n_chars = 0;

  if (text == NULL)
    return NULL;

  valid = g_utf8_make_valid (text, -1);
  normalized = g_utf8_normalize (valid, -1, G_NORMALIZE_NFC);

  for (const char *p = normalized; *p != '\0' && n_chars < CONSULT_STORE_MAX_QUERY_CHARS;
       p = g_utf8_next_char (p), n_chars++)
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0)
        {
          append_word (query, word->str);
          g_string_truncate (word, 0);
        }
      else
        {
          g_string_append_unichar (word, c);
        }
    }
  append_word (query, word->str);

  if (query->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&query), FALSE);
}
