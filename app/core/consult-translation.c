/* consult-translation.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-translation"

#include "config.h"

#include <string.h>

#include "consult-translation.h"

#define MO_MAGIC          0x950412deu
#define MO_HEADER_SIZE    28
#define CONTEXT_SEPARATOR "\004"

struct _ConsultTranslation
{
  GObject     parent_instance;

  char       *language;
  GBytes     *data;
  /* msgid (with "context\004" prefix) -> translation, both pointing into
   * @data, which ends with a NUL of its own. */
  GHashTable *messages;
};

G_DEFINE_QUARK (consult-translation-error-quark, consult_translation_error)

G_DEFINE_FINAL_TYPE (ConsultTranslation, consult_translation, G_TYPE_OBJECT)

static void
consult_translation_finalize (GObject *object)
{
  ConsultTranslation *self = (ConsultTranslation *) object;

  g_clear_pointer (&self->messages, g_hash_table_unref);
  g_clear_pointer (&self->data, g_bytes_unref);
  g_clear_pointer (&self->language, g_free);

  G_OBJECT_CLASS (consult_translation_parent_class)->finalize (object);
}

static void
consult_translation_class_init (ConsultTranslationClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = consult_translation_finalize;
}

static void
consult_translation_init (ConsultTranslation *self)
{
  self->messages = g_hash_table_new (g_str_hash, g_str_equal);
}

static guint32
read_u32 (const guint8 *data,
          gsize         offset,
          gboolean      swap)
{
  guint32 value;

  memcpy (&value, data + offset, sizeof value);

  return swap ? GUINT32_SWAP_LE_BE (value) : value;
}

/* Reads the @index-th (length, offset) pair of the string table at @table
 * and returns the string, or NULL when it does not lie inside @size bytes
 * followed by a NUL, or is not UTF-8. */
static const char *
read_string (const guint8 *data,
             gsize         size,
             guint32       table,
             guint32       index,
             gboolean      swap)
{
  guint64 entry = (guint64) table + (guint64) index * 8;
  guint32 length;
  guint32 offset;

  if (entry + 8 > size)
    return NULL;

  length = read_u32 (data, entry, swap);
  offset = read_u32 (data, entry + 4, swap);

  if ((guint64) offset + length >= size || data[offset + length] != '\0')
    return NULL;

  /* Plural entries hold their forms separated by NULs; only the first
   * (singular) form is ever looked up or returned. */
  if (!g_utf8_validate ((const char *) data + offset, -1, NULL))
    return NULL;

  return (const char *) data + offset;
}

static gboolean
parse_catalogue (ConsultTranslation  *self,
                 GError             **error)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (self->data, &size);
  gboolean swap;
  guint32 n_strings;
  guint32 originals;
  guint32 translations;

  g_assert (CONSULT_IS_TRANSLATION (self));

  /* The file is followed by one NUL of our own (see new_from_file), so
   * @size counts it: a valid catalogue is at least a header long. */
  if (size <= MO_HEADER_SIZE)
    goto invalid;

  if (read_u32 (data, 0, FALSE) == MO_MAGIC)
    swap = FALSE;
  else if (read_u32 (data, 0, TRUE) == MO_MAGIC)
    swap = TRUE;
  else
    goto invalid;

  /* Major revision 1 only adds system-dependent strings after the
   * tables read here. */
  if ((read_u32 (data, 4, swap) >> 16) > 1)
    goto invalid;

  n_strings = read_u32 (data, 8, swap);
  originals = read_u32 (data, 12, swap);
  translations = read_u32 (data, 16, swap);

  if ((guint64) originals + (guint64) n_strings * 8 > size ||
      (guint64) translations + (guint64) n_strings * 8 > size)
    goto invalid;

  for (guint32 i = 0; i < n_strings; i++)
    {
      const char *msgid = read_string (data, size, originals, i, swap);
      const char *msgstr = read_string (data, size, translations, i, swap);

      if (msgid == NULL || msgstr == NULL)
        goto invalid;

      /* The empty msgid is the catalogue's header, not a message. */
      if (*msgid != '\0' && *msgstr != '\0')
        g_hash_table_insert (self->messages, (gpointer) msgid, (gpointer) msgstr);
    }

  return TRUE;

invalid:
  g_set_error (error, CONSULT_TRANSLATION_ERROR, CONSULT_TRANSLATION_ERROR_INVALID,
               "Not a valid compiled message catalogue");
  return FALSE;
}

ConsultTranslation *
consult_translation_new_from_file (const char  *path,
                                   const char  *language,
                                   GError     **error)
{
  g_autoptr (ConsultTranslation) self = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (language != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;

  self = g_object_new (CONSULT_TYPE_TRANSLATION, NULL);
  self->language = g_strdup (language);
  /* g_file_get_contents() NUL-terminates; keeping that byte lets every
   * string, the last one included, be checked for its terminator. */
  self->data = g_bytes_new_take (g_steal_pointer (&contents), length + 1);

  if (!parse_catalogue (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/* "es-MX" (or a POSIX "es_MX.UTF-8") -> "es_MX", NULL when @language
 * could escape the locale folder or is not a language tag at all. */
static char *
language_to_locale (const char *language)
{
  g_autofree char *locale = g_strndup (language, strcspn (language, ".@"));

  if (*locale == '\0' || !g_ascii_isalpha (*locale))
    return NULL;

  for (char *p = locale; *p != '\0'; p++)
    {
      if (*p == '-')
        *p = '_';
      else if (!g_ascii_isalnum (*p) && *p != '_')
        return NULL;
    }

  return g_steal_pointer (&locale);
}

ConsultTranslation *
consult_translation_new_for_language (const char *language,
                                      const char *locale_dir)
{
  g_autofree char *locale = NULL;
  const char *dir = locale_dir;

  if (dir == NULL)
    dir = g_getenv (CONSULT_TRANSLATION_LOCALEDIR_ENV);
  if (dir == NULL || *dir == '\0')
    dir = LOCALEDIR;

  if (language != NULL)
    locale = language_to_locale (language);

  /* Try the full tag first ("pt_BR"), then its language ("pt"). */
  for (guint attempt = 0; locale != NULL && attempt < 2; attempt++)
    {
      g_autofree char *path = NULL;
      g_autoptr (ConsultTranslation) found = NULL;
      g_autoptr (GError) error = NULL;
      char *underscore = strchr (locale, '_');

      if (attempt == 1)
        {
          if (underscore == NULL)
            break;
          *underscore = '\0';
        }

      path = g_build_filename (dir, locale, "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
      found = consult_translation_new_from_file (path, locale, &error);
      if (found != NULL)
        return g_steal_pointer (&found);

      if (!g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_warning ("Ignoring a message catalogue: %s", error->message);
    }

  {
    ConsultTranslation *english = g_object_new (CONSULT_TYPE_TRANSLATION, NULL);

    english->language = g_strdup ("en");
    return english;
  }
}

const char *
consult_translation_get_language (ConsultTranslation *self)
{
  g_return_val_if_fail (CONSULT_IS_TRANSLATION (self), NULL);

  return self->language;
}

gboolean
consult_translation_has_catalogue (ConsultTranslation *self)
{
  g_return_val_if_fail (CONSULT_IS_TRANSLATION (self), FALSE);

  return self->data != NULL;
}

const char *
consult_translation_gettext (ConsultTranslation *self,
                             const char         *msgid)
{
  const char *translated;

  g_return_val_if_fail (CONSULT_IS_TRANSLATION (self), msgid);
  g_return_val_if_fail (msgid != NULL, NULL);

  translated = g_hash_table_lookup (self->messages, msgid);

  return translated != NULL ? translated : msgid;
}

const char *
consult_translation_pgettext (ConsultTranslation *self,
                              const char         *context,
                              const char         *msgid)
{
  g_autofree char *key = NULL;
  const char *translated;

  g_return_val_if_fail (CONSULT_IS_TRANSLATION (self), msgid);
  g_return_val_if_fail (context != NULL, msgid);
  g_return_val_if_fail (msgid != NULL, NULL);

  key = g_strconcat (context, CONTEXT_SEPARATOR, msgid, NULL);
  translated = g_hash_table_lookup (self->messages, key);

  return translated != NULL ? translated : msgid;
}
