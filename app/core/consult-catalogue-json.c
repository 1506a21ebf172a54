/* consult-catalogue-json.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-catalogue"

#include "config.h"

#include <string.h>

#include "consult-catalogue-private.h"

/* Typed reading of catalogue members, each failure naming the entry. */

gboolean
_consult_catalogue_check_members (ConsultCatalogue  *self,
               JsonObject        *object,
               const char        *where,
               const char        *known,
               GError           **error)
{
  for (GList *l = json_object_get_members (object); l != NULL; l = g_list_delete_link (l, l))
    {
      g_autofree char *padded = g_strdup_printf (" %s ", (const char *) l->data);

      if (strstr (known, padded) != NULL)
        continue;

      _consult_catalogue_set_error (self, error, where, "unknown member “%s”", (const char *) l->data);
      g_list_free (l);
      return FALSE;
    }

  return TRUE;
}

JsonNode *
_consult_catalogue_require_member (ConsultCatalogue  *self,
                JsonObject        *object,
                const char        *where,
                const char        *name,
                GError           **error)
{
  if (!json_object_has_member (object, name))
    {
      _consult_catalogue_set_error (self, error, where, "missing attribute “%s”", name);
      return NULL;
    }

  return json_object_get_member (object, name);
}

gboolean
_consult_catalogue_read_text (ConsultCatalogue  *self,
           JsonObject        *object,
           const char        *where,
           const char        *name,
           char             **out,
           GError           **error)
{
  JsonNode *node = _consult_catalogue_require_member (self, object, where, name, error);

  if (node == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
      *json_node_get_string (node) == '\0')
    {
      _consult_catalogue_set_error (self, error, where, "“%s”: expected a non-empty text", name);
      return FALSE;
    }

  *out = g_strdup (json_node_get_string (node));
  return TRUE;
}

gboolean
_consult_catalogue_read_uint (ConsultCatalogue  *self,
           JsonObject        *object,
           const char        *where,
           const char        *name,
           guint              max,
           guint             *out,
           GError           **error)
{
  JsonNode *node = _consult_catalogue_require_member (self, object, where, name, error);

  if (node == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
      json_node_get_int (node) < 0 || json_node_get_int (node) > max)
    {
      _consult_catalogue_set_error (self, error, where, "“%s”: expected an integer from 0 to %u", name, max);
      return FALSE;
    }

  *out = (guint) json_node_get_int (node);
  return TRUE;
}

gboolean
_consult_catalogue_read_choice (ConsultCatalogue   *self,
             JsonObject         *object,
             const char         *where,
             const char         *name,
             const char * const *choices,
             guint               n_choices,
             guint              *out,
             GError            **error)
{
  g_autofree char *text = NULL;

  if (!_consult_catalogue_read_text (self, object, where, name, &text, error))
    return FALSE;

  for (guint i = 0; i < n_choices; i++)
    if (g_str_equal (choices[i], text))
      {
        *out = i;
        return TRUE;
      }

  {
    g_autofree char *allowed = g_strjoinv (", ", (char **) choices);
    _consult_catalogue_set_error (self, error, where, "“%s”: “%s” is not one of %s", name, text, allowed);
  }
  return FALSE;
}

gboolean
_consult_catalogue_read_strv (ConsultCatalogue  *self,
           JsonObject        *object,
           const char        *where,
           const char        *name,
           gboolean           required,
           char            ***out,
           GError           **error)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  JsonNode *node;
  JsonArray *array;

  if (!required && !json_object_has_member (object, name))
    {
      *out = g_new0 (char *, 1);
      return TRUE;
    }
  if ((node = _consult_catalogue_require_member (self, object, where, name, error)) == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      _consult_catalogue_set_error (self, error, where, "“%s”: expected an array of texts", name);
      return FALSE;
    }

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (item) || json_node_get_value_type (item) != G_TYPE_STRING)
        {
          _consult_catalogue_set_error (self, error, where, "“%s”[%u]: expected a text", name, i);
          return FALSE;
        }
      g_ptr_array_add (items, g_strdup (json_node_get_string (item)));
    }
  g_ptr_array_add (items, NULL);

  *out = (char **) g_ptr_array_free (g_steal_pointer (&items), FALSE);
  return TRUE;
}

guint64
_consult_catalogue_concern_bit (ConsultCatalogue *self,
                                const char       *concern)
{
  const ConsultIntakeField *concerns = g_ptr_array_index (self->fields, CONSULT_CORE_FIELD_CONCERNS);

  for (guint i = 0; concerns->values[i] != NULL; i++)
    if (g_str_equal (concerns->values[i], concern))
      return G_GUINT64_CONSTANT (1) << i;

  return 0;
}
