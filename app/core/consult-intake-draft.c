/* consult-intake-draft.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-intake"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "consult-intake-draft.h"
#include "consult-intake-schema.h"

/* The member at @path ("sun.sunscreen") of @root, or NULL. */
static JsonNode *
lookup_member (JsonObject *root,
               const char *path)
{
  g_auto (GStrv) parts = g_strsplit (path, ".", -1);
  JsonObject *object = root;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      JsonNode *node;

      if (object == NULL || !json_object_has_member (object, parts[i]))
        return NULL;

      node = json_object_get_member (object, parts[i]);
      if (parts[i + 1] == NULL)
        return node;

      object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
    }

  return NULL;
}

static GVariant *
node_to_variant (const ConsultIntakeField *field,
                 JsonNode                 *node)
{
  GType type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;

  switch (field->kind)
    {
    case CONSULT_INTAKE_FIELD_BOOLEAN:
      return type == G_TYPE_BOOLEAN ? g_variant_new_boolean (json_node_get_boolean (node)) : NULL;

    case CONSULT_INTAKE_FIELD_INTEGER:
      if (type != G_TYPE_INT64 || json_node_get_int (node) < G_MININT32 || json_node_get_int (node) > G_MAXINT32)
        return NULL;
      return g_variant_new_int32 ((gint32) json_node_get_int (node));

    case CONSULT_INTAKE_FIELD_ENUM:
    case CONSULT_INTAKE_FIELD_DATE:
    case CONSULT_INTAKE_FIELD_STRING:
      return type == G_TYPE_STRING ? g_variant_new_string (json_node_get_string (node)) : NULL;

    case CONSULT_INTAKE_FIELD_ENUM_LIST:
    case CONSULT_INTAKE_FIELD_TREATMENT_LIST:
      {
        g_autoptr (GVariantBuilder) builder = NULL;
        JsonArray *array;

        if (!JSON_NODE_HOLDS_ARRAY (node))
          return NULL;

        array = json_node_get_array (node);
        builder = g_variant_builder_new (G_VARIANT_TYPE_STRING_ARRAY);
        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            JsonNode *item = json_array_get_element (array, i);

            if (JSON_NODE_HOLDS_VALUE (item) && json_node_get_value_type (item) == G_TYPE_STRING)
              g_variant_builder_add (builder, "s", json_node_get_string (item));
          }
        return g_variant_builder_end (builder);
      }

    default:
      g_return_val_if_reached (NULL);
    }
}

ConsultIntake *
consult_intake_new_from_draft (const char  *data,
                               gssize       length,
                               GError     **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (ConsultIntake) intake = NULL;
  const ConsultIntakeField *fields;
  JsonObject *root;
  guint n_fields;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Drafts are written by this program, so they are small and shallow;
   * the depth and size guards of the strict reader are not needed. */
  if (!json_parser_load_from_data (parser, data, length, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error_literal (error, CONSULT_INTAKE_ERROR, CONSULT_INTAKE_ERROR_PARSE,
                           _("The saved intake is not readable."));
      return NULL;
    }

  root = json_node_get_object (json_parser_get_root (parser));
  intake = consult_intake_new ();
  fields = consult_intake_schema_get_fields (&n_fields);

  for (guint i = 0; i < n_fields; i++)
    {
      JsonNode *node = lookup_member (root, fields[i].path);
      g_autoptr (GVariant) value = NULL;

      if (node == NULL || JSON_NODE_HOLDS_NULL (node))
        continue;

      value = node_to_variant (&fields[i], node);
      if (value != NULL)
        consult_intake_set_value (intake, fields[i].path, g_steal_pointer (&value), NULL);
    }

  return g_steal_pointer (&intake);
}
