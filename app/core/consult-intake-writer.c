/* consult-intake-writer.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-intake"

#include "config.h"

#include <string.h>

#include "consult-intake-private.h"

/* The canonical form is written by hand rather than by JsonGenerator, so
 * that it looks like the spec's example (`"key": value`, short lists on
 * one line) and so that equal intakes give identical bytes: the schema's
 * order, two-space indentation, every boolean written, unset optional
 * fields left out, and a final newline. */

static void
append_string (GString    *out,
               const char *text)
{
  /* GVariant strings are valid UTF-8: only JSON's escapes are needed. */
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
          break;
        }
    }
  g_string_append_c (out, '"');
}

static void
append_value (GString  *out,
              GVariant *value)
{
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_BOOLEAN))
    {
      g_string_append (out, g_variant_get_boolean (value) ? "true" : "false");
    }
  else if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT32))
    {
      g_string_append_printf (out, "%d", g_variant_get_int32 (value));
    }
  else if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING_ARRAY))
    {
      gsize n_items = g_variant_n_children (value);

      g_string_append_c (out, '[');
      for (gsize i = 0; i < n_items; i++)
        {
          g_autoptr (GVariant) item = g_variant_get_child_value (value, i);

          if (i > 0)
            g_string_append (out, ", ");
          append_string (out, g_variant_get_string (item, NULL));
        }
      g_string_append_c (out, ']');
    }
  else
    {
      append_string (out, g_variant_get_string (value, NULL));
    }
}

static void
append_member (GString    *out,
               guint       indent,
               gboolean   *first,
               const char *name)
{
  g_string_append (out, *first ? "\n" : ",\n");
  *first = FALSE;
  g_string_append_printf (out, "%*s", indent, "");
  append_string (out, name);
  g_string_append (out, ": ");
}

/* Writes the members of @fields[0..n_fields) that have a value (booleans
 * always do); returns whether any was written. */
static gboolean
append_fields (ConsultIntake            *self,
               GString                  *out,
               guint                     indent,
               gboolean                 *first,
               const ConsultIntakeField *fields,
               guint                     n_fields,
               gsize                     name_offset)
{
  gboolean any = FALSE;

  for (guint i = 0; i < n_fields; i++)
    {
      GVariant *value = _consult_intake_peek_value (self, &fields[i]);

      if (value == NULL && fields[i].kind != CONSULT_INTAKE_FIELD_BOOLEAN)
        continue;

      append_member (out, indent, first, fields[i].path + name_offset);
      if (value != NULL)
        append_value (out, value);
      else
        g_string_append (out, "false");
      any = TRUE;
    }

  return any;
}

/* Length of the object name in "sun.exposure" ("sun"), 0 at the top. */
static gsize
object_length (const char *path)
{
  const char *dot = strchr (path, '.');

  return dot != NULL ? (gsize) (dot - path) : 0;
}

char *
consult_intake_to_json (ConsultIntake *self)
{
  g_autoptr (GString) out = g_string_new ("{");
  const ConsultIntakeField *fields;
  gboolean first = TRUE;
  guint n_fields;

  g_return_val_if_fail (CONSULT_IS_INTAKE (self), NULL);

  append_member (out, 2, &first, "format");
  append_string (out, CONSULT_INTAKE_FORMAT);
  append_member (out, 2, &first, "version");
  g_string_append_printf (out, "%d", CONSULT_INTAKE_VERSION);

  fields = consult_intake_schema_get_fields (&n_fields);
  for (guint i = 0; i < n_fields;)
    {
      gsize length = object_length (fields[i].path);
      g_autofree char *name = NULL;
      g_autoptr (GString) members = NULL;
      gboolean first_member = TRUE;
      guint end = i + 1;

      if (length == 0)
        {
          append_fields (self, out, 2, &first, &fields[i], 1, 0);
          i++;
          continue;
        }

      /* Members of one object are contiguous in the schema. */
      while (end < n_fields && object_length (fields[end].path) == length &&
             strncmp (fields[end].path, fields[i].path, length + 1) == 0)
        end++;

      name = g_strndup (fields[i].path, length);
      members = g_string_new (NULL);
      if (append_fields (self, members, 4, &first_member, &fields[i], end - i, length + 1))
        {
          append_member (out, 2, &first, name);
          g_string_append_printf (out, "{%s\n  }", members->str);
        }
      else if (g_str_equal (name, "client"))
        {
          append_member (out, 2, &first, name);
          g_string_append (out, "{}");
        }

      i = end;
    }

  g_string_append (out, "\n}\n");
  return g_string_free (g_steal_pointer (&out), FALSE);
}
