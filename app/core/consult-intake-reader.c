/* consult-intake-reader.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-intake"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "consult-intake-private.h"

/* Reading is in two passes: this file turns JSON into typed values and
 * reports values of the wrong JSON type; consult_intake_validate() then
 * judges the values (ranges, enums, dates, required fields), so a
 * document and a form are held to exactly the same rules. */

static int
hex_value (const char *data,
           gsize       length,
           gsize       at)
{
  int value = 0;

  if (at + 4 > length)
    return -1;

  for (gsize i = at; i < at + 4; i++)
    {
      if (!g_ascii_isxdigit (data[i]))
        return -1;
      value = value * 16 + g_ascii_xdigit_value (data[i]);
    }

  return value;
}

/* Checks the escape whose backslash is at *@at and moves *@at to its last
 * byte. Surrogates must come in pairs: json-glib swallows the character
 * after a lone one, which would make it disagree with this walk on where
 * a string ends. */
static gboolean
check_escape (const char *data,
              gsize       length,
              gsize      *at)
{
  gsize i = *at + 1;
  int unit;

  if (i < length && strchr ("\"\\/bfnrt", data[i]) != NULL && data[i] != '\0')
    {
      *at = i;
      return TRUE;
    }

  if (i >= length || data[i] != 'u' || (unit = hex_value (data, length, i + 1)) < 0)
    return FALSE;

  if (unit >= 0xdc00 && unit <= 0xdfff)
    return FALSE;

  if (unit >= 0xd800 && unit <= 0xdbff)
    {
      int low;

      if (i + 6 >= length || data[i + 5] != '\\' || data[i + 6] != 'u')
        return FALSE;
      low = hex_value (data, length, i + 7);
      if (low < 0xdc00 || low > 0xdfff)
        return FALSE;
      i += 6;
    }

  *at = i + 4;
  return TRUE;
}

/* json-glib's parser recurses once per nesting level, and its scanner is
 * laxer than JSON (comments, single quotes, lone surrogates). Walking the
 * bytes as strict JSON first bounds the depth it will see, and refuses
 * whatever could make it disagree with this walk about where strings
 * start and end, and so hide brackets from it. */
static gboolean
check_structure (const char  *data,
                 gsize        length,
                 GError     **error)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];
      gboolean unexpected = FALSE;

      if (in_string)
        {
          if (c == '\\')
            unexpected = !check_escape (data, length, &i);
          else if (c == '"')
            in_string = FALSE;
          else
            unexpected = (guchar) c < 0x20;
        }
      else if (c == '"')
        {
          in_string = TRUE;
        }
      else if (c == '[' || c == '{')
        {
          if (++depth > CONSULT_INTAKE_MAX_DEPTH)
            {
              g_set_error (error, CONSULT_INTAKE_ERROR, CONSULT_INTAKE_ERROR_PARSE,
                           _("intake: nested more than %u levels deep"), CONSULT_INTAKE_MAX_DEPTH);
              return FALSE;
            }
        }
      else if (c == ']' || c == '}')
        {
          if (depth > 0)
            depth--;
        }
      else
        {
          unexpected = c == '\'' || c == '#' || c == '/';
        }

      if (unexpected)
        {
          g_set_error (error, CONSULT_INTAKE_ERROR, CONSULT_INTAKE_ERROR_PARSE,
                       _("intake: not valid JSON: unexpected character at byte %u"), (guint) i);
          return FALSE;
        }
    }

  return TRUE;
}

static char *
describe_node (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      return g_strdup (_("an object"));
    case JSON_NODE_ARRAY:
      return g_strdup (_("a list"));
    case JSON_NODE_NULL:
      return g_strdup ("null");
    case JSON_NODE_VALUE:
    default:
      break;
    }

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return _consult_intake_quote (json_node_get_string (node));
    case G_TYPE_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
    case G_TYPE_DOUBLE:
      {
        g_autofree char *number = g_strdup_printf ("%g", json_node_get_double (node));

        /* 4.0 is not the integer 4: do not print it as if it were. */
        if (strpbrk (number, ".eEni") == NULL)
          return g_strconcat (number, ".0", NULL);
        return g_steal_pointer (&number);
      }
    case G_TYPE_BOOLEAN:
      return g_strdup (json_node_get_boolean (node) ? "true" : "false");
    default:
      return g_strdup (_("a value"));
    }
}

static gboolean
node_holds (JsonNode *node,
            GType     type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

/* json-glib decodes escapes such as a lone "\ud800" into bytes that are
 * not UTF-8, although the document itself was: such text is refused. */
static gboolean
node_holds_text (JsonNode *node)
{
  return node_holds (node, G_TYPE_STRING) && g_utf8_validate (json_node_get_string (node), -1, NULL);
}

/* The value for @field, or NULL after reporting why there is none. */
static GVariant *
read_list (const ConsultIntakeField *field,
           JsonArray                *array,
           GPtrArray                *problems)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new ();
  guint n_items = json_array_get_length (array);
  gboolean valid = TRUE;

  for (guint i = 0; i < n_items; i++)
    {
      JsonNode *item = json_array_get_element (array, i);

      if (node_holds_text (item))
        {
          g_ptr_array_add (items, (gpointer) json_node_get_string (item));
        }
      else
        {
          g_autofree char *path = g_strdup_printf ("%s[%u]", field->path, i);
          g_autofree char *found = describe_node (item);

          consult_intake_problems_add (problems, path, _("expected text; got %s"), found);
          valid = FALSE;
        }
    }

  if (!valid)
    return NULL;

  return g_variant_new_strv ((const char * const *) items->pdata, items->len);
}

static GVariant *
read_value (const ConsultIntakeField *field,
            JsonNode                 *node,
            GPtrArray                *problems)
{
  g_autofree char *found = NULL;

  switch (field->kind)
    {
    case CONSULT_INTAKE_FIELD_BOOLEAN:
      if (node_holds (node, G_TYPE_BOOLEAN))
        return g_variant_new_boolean (json_node_get_boolean (node));
      break;

    case CONSULT_INTAKE_FIELD_INTEGER:
      if (node_holds (node, G_TYPE_INT64) &&
          json_node_get_int (node) >= G_MININT32 && json_node_get_int (node) <= G_MAXINT32)
        return g_variant_new_int32 ((gint32) json_node_get_int (node));
      break;

    case CONSULT_INTAKE_FIELD_ENUM_LIST:
    case CONSULT_INTAKE_FIELD_TREATMENT_LIST:
      if (JSON_NODE_HOLDS_ARRAY (node))
        return read_list (field, json_node_get_array (node), problems);
      break;

    case CONSULT_INTAKE_FIELD_ENUM:
    case CONSULT_INTAKE_FIELD_DATE:
    case CONSULT_INTAKE_FIELD_STRING:
    default:
      if (node_holds_text (node))
        return g_variant_new_string (json_node_get_string (node));
      break;
    }

  found = describe_node (node);
  _consult_intake_add_mismatch (problems, field->path, field, found);
  return NULL;
}

/* The object that holds the members of a dotted path ("sun" for
 * "sun.exposure"), or NULL when it is absent or not an object; @reported
 * remembers paths already complained about, so each is reported once. */
static JsonObject *
find_parent (JsonObject *root,
             const char *path,
             char      **out_member,
             GHashTable *reported,
             GPtrArray  *problems)
{
  const char *dot = strchr (path, '.');
  g_autofree char *parent = NULL;
  JsonNode *node;

  if (dot == NULL)
    {
      *out_member = g_strdup (path);
      return root;
    }

  *out_member = g_strdup (dot + 1);
  parent = g_strndup (path, dot - path);
  node = json_object_get_member (root, parent);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      /* "client" is the only required object: its absence is reported
       * once, instead of once per required member. */
      if (g_str_equal (parent, "client") && !g_hash_table_contains (reported, "client"))
        {
          consult_intake_problems_add (problems, "client", "%s", _("required"));
          g_hash_table_add (reported, g_steal_pointer (&parent));
        }
      return NULL;
    }

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      if (!g_hash_table_contains (reported, parent))
        {
          g_autofree char *found = describe_node (node);

          consult_intake_problems_add (problems, parent, _("expected an object; got %s"), found);
          g_hash_table_add (reported, g_steal_pointer (&parent));
        }
      return NULL;
    }

  return json_node_get_object (node);
}

static void
read_header (JsonObject *root,
             GPtrArray  *problems)
{
  JsonNode *format = json_object_get_member (root, "format");
  JsonNode *version = json_object_get_member (root, "version");

  if (format == NULL || !node_holds (format, G_TYPE_STRING) ||
      g_strcmp0 (json_node_get_string (format), CONSULT_INTAKE_FORMAT) != 0)
    {
      g_autofree char *found = format != NULL ? describe_node (format) : g_strdup (_("nothing"));

      consult_intake_problems_add (problems, "format", _("expected %s; got %s"),
                                   "\"" CONSULT_INTAKE_FORMAT "\"", found);
    }

  if (version == NULL || !node_holds (version, G_TYPE_INT64) ||
      json_node_get_int (version) != CONSULT_INTAKE_VERSION)
    {
      g_autofree char *found = version != NULL ? describe_node (version) : g_strdup (_("nothing"));
      g_autofree char *expected = g_strdup_printf ("%d", CONSULT_INTAKE_VERSION);

      consult_intake_problems_add (problems, "version", _("expected %s; got %s"), expected, found);
    }
}

/* Whether validation's @problem is about a path the reader already
 * reported, or a member of one ("client.given_name" under "client"). */
static gboolean
is_reported (GHashTable                 *reported,
             const ConsultIntakeProblem *problem)
{
  g_autofree char *path = g_strdup (problem->path);

  for (;;)
    {
      char *cut;

      if (g_hash_table_contains (reported, path))
        return TRUE;

      cut = strrchr (path, '.');
      if (cut == NULL)
        return FALSE;
      *cut = '\0';
    }
}

/* Where a problem's path comes in the document: the header, then the
 * fields in schema order; an object ranks with its first member. */
static guint
path_rank (const char *path)
{
  const ConsultIntakeField *fields;
  gsize length = strcspn (path, "[");
  guint n_fields;

  if (g_str_equal (path, "format"))
    return 0;
  if (g_str_equal (path, "version"))
    return 1;

  fields = consult_intake_schema_get_fields (&n_fields);
  for (guint i = 0; i < n_fields; i++)
    if (strncmp (fields[i].path, path, length) == 0 &&
        (fields[i].path[length] == '\0' || fields[i].path[length] == '.'))
      return i + 2;

  return n_fields + 2;
}

static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const ConsultIntakeProblem *problem_a = *(ConsultIntakeProblem **) a;
  const ConsultIntakeProblem *problem_b = *(ConsultIntakeProblem **) b;
  guint rank_a = path_rank (problem_a->path);
  guint rank_b = path_rank (problem_b->path);

  return rank_a < rank_b ? -1 : rank_a > rank_b;
}

static void
read_fields (ConsultIntake *self,
             JsonObject    *root,
             GPtrArray     *problems)
{
  g_autoptr (GHashTable) reported = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GPtrArray) judged = consult_intake_problems_new ();
  const ConsultIntakeField *fields;
  guint n_fields;

  read_header (root, problems);

  fields = consult_intake_schema_get_fields (&n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *member = NULL;
      JsonObject *parent = find_parent (root, fields[i].path, &member, reported, problems);
      guint n_problems = problems->len;
      JsonNode *node;
      GVariant *value;

      if (parent == NULL)
        continue;

      node = json_object_get_member (parent, member);
      if (node == NULL || JSON_NODE_HOLDS_NULL (node))
        continue;

      value = read_value (&fields[i], node, problems);
      if (value != NULL)
        _consult_intake_store_value (self, &fields[i], value);
      else if (problems->len > n_problems)
        g_hash_table_add (reported, g_strdup (fields[i].path));
    }

  _consult_intake_add_problems (self, judged);
  for (guint i = 0; i < judged->len; i++)
    if (!is_reported (reported, g_ptr_array_index (judged, i)))
      g_ptr_array_add (problems, g_steal_pointer (&g_ptr_array_index (judged, i)));

  /* GLib's sort is stable: problems of one field keep their order. */
  g_ptr_array_sort (problems, compare_problems);
}

static JsonObject *
parse_root (JsonParser  *parser,
            const char  *data,
            gsize        length,
            GError     **error)
{
  g_autoptr (GError) local_error = NULL;
  const char *invalid = NULL;
  JsonNode *root;

  if (length > CONSULT_INTAKE_MAX_SIZE)
    {
      g_set_error (error, CONSULT_INTAKE_ERROR, CONSULT_INTAKE_ERROR_TOO_LARGE,
                   _("intake: larger than %u bytes"), (guint) CONSULT_INTAKE_MAX_SIZE);
      return NULL;
    }

  /* Also refuses NUL bytes, which JSON text never contains. */
  if (!g_utf8_validate_len (data, length, &invalid))
    {
      g_set_error (error, CONSULT_INTAKE_ERROR, CONSULT_INTAKE_ERROR_PARSE,
                   _("intake: not valid UTF-8 text (at byte %u)"), (guint) (invalid - data));
      return NULL;
    }

  if (!check_structure (data, length, error))
    return NULL;

  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_set_error (error, CONSULT_INTAKE_ERROR, CONSULT_INTAKE_ERROR_PARSE,
                   _("intake: not valid JSON: %s"), local_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      g_set_error_literal (error, CONSULT_INTAKE_ERROR, CONSULT_INTAKE_ERROR_PARSE,
                           _("intake: the document is empty"));
      return NULL;
    }

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_autofree char *found = describe_node (root);

      g_set_error (error, CONSULT_INTAKE_ERROR, CONSULT_INTAKE_ERROR_PARSE,
                   _("intake: expected an object; got %s"), found);
      return NULL;
    }

  return json_node_get_object (root);
}

/**
 * consult_intake_read:
 * @data: (array length=length): the document
 * @length: its length in bytes, or -1 when NUL-terminated
 * @problems: (out) (optional) (transfer full) (element-type ConsultIntakeProblem):
 *   every problem of a JSON document that is not a valid intake
 * @error: return location for a #GError
 *
 * Reads an interchange intake. Unknown members are ignored. A document
 * that is not a JSON object fails with %CONSULT_INTAKE_ERROR_PARSE (or
 * _TOO_LARGE) and no problems; one with wrong fields fails with
 * %CONSULT_INTAKE_ERROR_INVALID, every problem in @problems and one per
 * line in the error's message.
 *
 * Returns: (transfer full) (nullable): the intake, or %NULL on error
 */
ConsultIntake *
consult_intake_read (const char  *data,
                     gssize       length,
                     GPtrArray  **problems,
                     GError     **error)
{
  g_autoptr (JsonParser) parser = NULL;
  g_autoptr (ConsultIntake) self = NULL;
  g_autoptr (GPtrArray) found = NULL;
  JsonObject *root;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (problems != NULL)
    *problems = NULL;

  if (length < 0)
    length = strlen (data);

  parser = json_parser_new ();
  root = parse_root (parser, data != NULL ? data : "", length, error);
  if (root == NULL)
    return NULL;

  self = consult_intake_new ();
  found = consult_intake_problems_new ();
  read_fields (self, root, found);

  if (found->len > 0)
    {
      g_autofree char *message = consult_intake_problems_join (found);

      g_set_error_literal (error, CONSULT_INTAKE_ERROR, CONSULT_INTAKE_ERROR_INVALID, message);
      if (problems != NULL)
        *problems = g_steal_pointer (&found);
      return NULL;
    }

  return g_steal_pointer (&self);
}

ConsultIntake *
consult_intake_new_from_data (const char  *data,
                              gssize       length,
                              GError     **error)
{
  return consult_intake_read (data, length, NULL, error);
}

/* Stops one chunk past the size limit, so that a huge file or a device
 * that never ends costs no more than the limit. */
static GBytes *
load_file (GFile   *file,
           GError **error)
{
  g_autoptr (GFileInputStream) stream = NULL;
  g_autoptr (GByteArray) contents = g_byte_array_new ();
  guint8 chunk[16 * 1024];

  stream = g_file_read (file, NULL, error);
  if (stream == NULL)
    return NULL;

  while (contents->len <= CONSULT_INTAKE_MAX_SIZE)
    {
      gssize n_read = g_input_stream_read (G_INPUT_STREAM (stream), chunk, sizeof chunk, NULL, error);

      if (n_read < 0)
        return NULL;
      if (n_read == 0)
        break;
      g_byte_array_append (contents, chunk, n_read);
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&contents));
}

ConsultIntake *
consult_intake_new_from_file (GFile   *file,
                              GError **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  gsize length;
  const char *data;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = load_file (file, &local_error);
  if (bytes == NULL)
    {
      name = g_file_get_parse_name (file);
      /* TRANSLATORS: the first %s is a file name, the second why it could not be read */
      g_set_error (error, CONSULT_INTAKE_ERROR, CONSULT_INTAKE_ERROR_IO,
                   _("%s: cannot read the intake: %s"), name, local_error->message);
      return NULL;
    }

  data = g_bytes_get_data (bytes, &length);
  return consult_intake_read (length > 0 ? data : "", length, NULL, error);
}
