/* consult-rule-condition.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-catalogue"

#include "config.h"

#include "consult-catalogue-private.h"
#include "consult-date.h"

/* The `when` language of catalogue rules, compiled once at load:
 *
 *   {"all": [C, ...]}   {"any": [C, ...]}   {"not": C}
 *   {"is_true": FIELD}  {"is_set": FIELD}
 *   {"field": FIELD, "equals": V}        enum, integer or boolean
 *   {"field": FIELD, "one_of": [V, ...]} enum
 *   {"field": FIELD, "contains": V | [V, ...]}   list: any of them
 *   {"field": FIELD, "at_least": N} / {"at_most": N}   integer
 *   {"field": FIELD, "before_start_less_than": OFFSET}  date within OFFSET
 *                                                      before the start
 *   {"field": FIELD, "after_start_less_than": OFFSET}   date from the start
 *                                                      to start + OFFSET
 *   {"candidates_include": T | [T, ...]}   plan shape (treatments/groups)
 *   {"candidates_count_at_least": {"of": T | [T, ...], "count": N}}
 *
 * OFFSET is {"months": n, "weeks": n, "days": n} (any of them). */

static const char * const field_operators[] = {
  "equals", "one_of", "contains", "at_least", "at_most",
  "before_start_less_than", "after_start_less_than",
};

void
_consult_condition_free (ConsultCondition *condition)
{
  if (condition == NULL)
    return;

  g_clear_pointer (&condition->children, g_ptr_array_unref);
  g_free (condition);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConsultCondition, _consult_condition_free)

static ConsultCondition *
condition_new (ConsultConditionKind kind)
{
  ConsultCondition *condition = g_new0 (ConsultCondition, 1);

  condition->kind = kind;
  return condition;
}

gboolean
_consult_offset_parse (JsonNode      *node,
                       ConsultOffset *offset)
{
  static const char * const units[] = { "months", "weeks", "days" };
  int *slots[] = { &offset->months, &offset->weeks, &offset->days };
  JsonObject *object;
  guint found = 0;

  *offset = (ConsultOffset) { 0, 0, 0 };
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;

  object = json_node_get_object (node);
  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    {
      JsonNode *value;

      if (!json_object_has_member (object, units[i]))
        continue;
      value = json_object_get_member (object, units[i]);
      if (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_INT64 ||
          json_node_get_int (value) < 0 || json_node_get_int (value) > 1200)
        return FALSE;
      *slots[i] = (int) json_node_get_int (value);
      found++;
    }

  return found > 0 && found == json_object_get_size (object);
}

void
_consult_offset_apply (const ConsultOffset *offset,
                       GDate               *date,
                       int                  sign)
{
  if (offset->months != 0)
    consult_date_add_months (date, sign * offset->months);
  if (offset->weeks != 0)
    consult_date_add_weeks (date, sign * offset->weeks);
  if (offset->days != 0)
    consult_date_add_days (date, sign * offset->days);
}

static gboolean
field_value_bit (ConsultCatalogue         *catalogue,
                 const ConsultIntakeField *field,
                 JsonNode                 *node,
                 const char               *where,
                 guint64                  *mask,
                 GError                  **error)
{
  const char *text;

  if (field->kind == CONSULT_INTAKE_FIELD_BOOLEAN)
    {
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
        {
          _consult_catalogue_set_error (catalogue, error, where,
                                        "“%s” is a yes/no field: expected true or false", field->path);
          return FALSE;
        }
      *mask |= G_GUINT64_CONSTANT (1) << (json_node_get_boolean (node) ? 1 : 0);
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      _consult_catalogue_set_error (catalogue, error, where,
                                    "expected a value of “%s” as a string", field->path);
      return FALSE;
    }
  text = json_node_get_string (node);

  if (field->kind == CONSULT_INTAKE_FIELD_TREATMENT_LIST)
    {
      const ConsultTreatment *treatment = consult_catalogue_lookup_treatment (catalogue, text);

      if (treatment == NULL)
        {
          _consult_catalogue_set_error (catalogue, error, where, "unknown treatment “%s”", text);
          return FALSE;
        }
      *mask |= CONSULT_TREATMENT_BIT (treatment->index);
      return TRUE;
    }

  for (guint i = 0; field->values != NULL && field->values[i] != NULL; i++)
    if (g_strcmp0 (field->values[i], text) == 0)
      {
        *mask |= G_GUINT64_CONSTANT (1) << i;
        return TRUE;
      }

  {
    g_autofree char *allowed = field->values ? g_strjoinv (", ", (char **) field->values) : g_strdup ("");
    _consult_catalogue_set_error (catalogue, error, where,
                                  "“%s” is not a possible value of “%s” (expected one of %s)",
                                  text, field->path, allowed);
  }
  return FALSE;
}

static gboolean
compile_values (ConsultCatalogue         *catalogue,
                const ConsultIntakeField *field,
                JsonNode                 *node,
                const char               *where,
                gboolean                  allow_array,
                guint64                  *mask,
                GError                  **error)
{
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      if (!allow_array || json_array_get_length (array) == 0)
        {
          _consult_catalogue_set_error (catalogue, error, where, "expected a single value");
          return FALSE;
        }
      for (guint i = 0; i < json_array_get_length (array); i++)
        if (!field_value_bit (catalogue, field, json_array_get_element (array, i), where, mask, error))
          return FALSE;
      return TRUE;
    }

  return field_value_bit (catalogue, field, node, where, mask, error);
}

static const ConsultIntakeField *
lookup_field (ConsultCatalogue  *catalogue,
              JsonNode          *node,
              const char        *where,
              GError           **error)
{
  const ConsultIntakeField *field;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      _consult_catalogue_set_error (catalogue, error, where, "expected an intake field path");
      return NULL;
    }

  field = consult_intake_schema_lookup (json_node_get_string (node));
  if (field == NULL)
    _consult_catalogue_set_error (catalogue, error, where, "unknown intake field “%s”",
                                  json_node_get_string (node));
  return field;
}

static ConsultCondition *
compile_field_test (ConsultCatalogue  *catalogue,
                    JsonObject        *object,
                    const char        *where,
                    GError           **error)
{
  g_autoptr (ConsultCondition) condition = NULL;
  const ConsultIntakeField *field;
  const char *op = NULL;
  JsonNode *value;
  gboolean is_list;

  if ((field = lookup_field (catalogue, json_object_get_member (object, "field"), where, error)) == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (field_operators); i++)
    if (json_object_has_member (object, field_operators[i]))
      {
        if (op != NULL || json_object_get_size (object) != 2)
          {
            _consult_catalogue_set_error (catalogue, error, where,
                                          "a field test has exactly one operator");
            return NULL;
          }
        op = field_operators[i];
      }
  if (op == NULL)
    {
      _consult_catalogue_set_error (catalogue, error, where,
                                    "a field test needs one of equals, one_of, contains, at_least, at_most, "
                                    "before_start_less_than, after_start_less_than");
      return NULL;
    }

  value = json_object_get_member (object, op);
  is_list = consult_intake_field_is_list (field);
  condition = condition_new (CONSULT_CONDITION_IN_MASK);
  condition->field = _consult_catalogue_intern_field (catalogue, field);

  if (g_str_equal (op, "contains") && is_list)
    {
      if (!compile_values (catalogue, field, value, where, TRUE, &condition->mask, error))
        return NULL;
    }
  else if ((g_str_equal (op, "equals") || g_str_equal (op, "one_of")) &&
           (field->kind == CONSULT_INTAKE_FIELD_ENUM || field->kind == CONSULT_INTAKE_FIELD_BOOLEAN))
    {
      if (!compile_values (catalogue, field, value, where, g_str_equal (op, "one_of"), &condition->mask, error))
        return NULL;
    }
  else if (field->kind == CONSULT_INTAKE_FIELD_INTEGER &&
           (g_str_equal (op, "equals") || g_str_equal (op, "at_least") || g_str_equal (op, "at_most")))
    {
      if (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_INT64 ||
          json_node_get_int (value) < field->minimum || json_node_get_int (value) > field->maximum)
        {
          _consult_catalogue_set_error (catalogue, error, where,
                                        "%s: expected an integer from %d to %d for “%s”",
                                        op, field->minimum, field->maximum, field->path);
          return NULL;
        }
      condition->number = json_node_get_int (value);
      condition->kind = g_str_equal (op, "equals") ? CONSULT_CONDITION_INT_EQUALS :
                        g_str_equal (op, "at_least") ? CONSULT_CONDITION_INT_AT_LEAST :
                        CONSULT_CONDITION_INT_AT_MOST;
    }
  else if (field->kind == CONSULT_INTAKE_FIELD_DATE && g_str_has_suffix (op, "_start_less_than"))
    {
      if (!_consult_offset_parse (value, &condition->offset))
        {
          _consult_catalogue_set_error (catalogue, error, where,
                                        "%s: expected an offset such as {\"months\": 6}", op);
          return NULL;
        }
      condition->kind = g_str_has_prefix (op, "before") ? CONSULT_CONDITION_BEFORE_START_LESS_THAN :
                        CONSULT_CONDITION_AFTER_START_LESS_THAN;
    }
  else
    {
      g_autofree char *kind = consult_intake_field_describe_kind (field);
      _consult_catalogue_set_error (catalogue, error, where,
                                    "“%s” cannot be applied to “%s” (%s)", op, field->path, kind);
      return NULL;
    }

  return g_steal_pointer (&condition);
}

static ConsultCondition *
compile_children (ConsultCatalogue     *catalogue,
                  ConsultConditionKind  kind,
                  JsonNode             *node,
                  const char           *where,
                  GError              **error)
{
  g_autoptr (ConsultCondition) condition = condition_new (kind);
  JsonArray *array;

  condition->children = g_ptr_array_new_with_free_func ((GDestroyNotify) _consult_condition_free);

  if (kind == CONSULT_CONDITION_NOT)
    {
      g_autofree char *path = g_strdup_printf ("%s.not", where);
      ConsultCondition *child = _consult_condition_compile (catalogue, node, path, error);

      if (child == NULL)
        return NULL;
      g_ptr_array_add (condition->children, child);
      return g_steal_pointer (&condition);
    }

  if (!JSON_NODE_HOLDS_ARRAY (node) || json_array_get_length (json_node_get_array (node)) == 0)
    {
      _consult_catalogue_set_error (catalogue, error, where,
                                    "“%s” expects a non-empty array of conditions",
                                    kind == CONSULT_CONDITION_ALL ? "all" : "any");
      return NULL;
    }

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s.%s[%u]", where,
                                               kind == CONSULT_CONDITION_ALL ? "all" : "any", i);
      ConsultCondition *child = _consult_condition_compile (catalogue, json_array_get_element (array, i),
                                                            path, error);

      if (child == NULL)
        return NULL;
      g_ptr_array_add (condition->children, child);
    }

  return g_steal_pointer (&condition);
}

static ConsultCondition *
compile_count (ConsultCatalogue  *catalogue,
               JsonNode          *node,
               const char        *where,
               GError           **error)
{
  g_autoptr (ConsultCondition) condition = condition_new (CONSULT_CONDITION_CANDIDATES_COUNT_AT_LEAST);
  guint8 order[CONSULT_CATALOGUE_MAX_TREATMENTS];
  guint n_order;
  JsonObject *object;
  JsonNode *count;

  if (!JSON_NODE_HOLDS_OBJECT (node) ||
      !json_object_has_member ((object = json_node_get_object (node)), "of") ||
      !json_object_has_member (object, "count") || json_object_get_size (object) != 2)
    {
      _consult_catalogue_set_error (catalogue, error, where,
                                    "candidates_count_at_least expects {\"of\": treatments, \"count\": N}");
      return NULL;
    }

  count = json_object_get_member (object, "count");
  if (!JSON_NODE_HOLDS_VALUE (count) || json_node_get_value_type (count) != G_TYPE_INT64 ||
      json_node_get_int (count) < 1 || json_node_get_int (count) > CONSULT_CATALOGUE_MAX_TREATMENTS)
    {
      _consult_catalogue_set_error (catalogue, error, where, "count: expected a positive integer");
      return NULL;
    }
  condition->number = json_node_get_int (count);

  if (!_consult_catalogue_resolve_targets (catalogue, json_object_get_member (object, "of"), where,
                                           &condition->mask, order, &n_order, error))
    return NULL;

  return g_steal_pointer (&condition);
}

ConsultCondition *
_consult_condition_compile (ConsultCatalogue  *catalogue,
                            JsonNode          *node,
                            const char        *where,
                            GError           **error)
{
  g_autoptr (ConsultCondition) condition = NULL;
  guint8 order[CONSULT_CATALOGUE_MAX_TREATMENTS];
  guint n_order;
  JsonObject *object;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node) ||
      json_object_get_size ((object = json_node_get_object (node))) == 0)
    {
      _consult_catalogue_set_error (catalogue, error, where, "expected a condition object");
      return NULL;
    }

  if (json_object_has_member (object, "field"))
    return compile_field_test (catalogue, object, where, error);

  if (json_object_get_size (object) != 1)
    {
      _consult_catalogue_set_error (catalogue, error, where, "a condition has exactly one operator");
      return NULL;
    }

  if (json_object_has_member (object, "all"))
    return compile_children (catalogue, CONSULT_CONDITION_ALL, json_object_get_member (object, "all"), where, error);
  if (json_object_has_member (object, "any"))
    return compile_children (catalogue, CONSULT_CONDITION_ANY, json_object_get_member (object, "any"), where, error);
  if (json_object_has_member (object, "not"))
    return compile_children (catalogue, CONSULT_CONDITION_NOT, json_object_get_member (object, "not"), where, error);
  if (json_object_has_member (object, "candidates_count_at_least"))
    return compile_count (catalogue, json_object_get_member (object, "candidates_count_at_least"), where, error);

  if (json_object_has_member (object, "candidates_include"))
    {
      condition = condition_new (CONSULT_CONDITION_CANDIDATES_INCLUDE);
      if (!_consult_catalogue_resolve_targets (catalogue, json_object_get_member (object, "candidates_include"),
                                               where, &condition->mask, order, &n_order, error))
        return NULL;
      return g_steal_pointer (&condition);
    }

  if (json_object_has_member (object, "is_true") || json_object_has_member (object, "is_set"))
    {
      gboolean is_true = json_object_has_member (object, "is_true");
      const ConsultIntakeField *field = lookup_field (catalogue,
                                                      json_object_get_member (object, is_true ? "is_true" : "is_set"),
                                                      where, error);

      if (field == NULL)
        return NULL;
      if (is_true && field->kind != CONSULT_INTAKE_FIELD_BOOLEAN)
        {
          _consult_catalogue_set_error (catalogue, error, where,
                                        "is_true needs a yes/no field; “%s” is not one", field->path);
          return NULL;
        }
      condition = condition_new (is_true ? CONSULT_CONDITION_IS_TRUE : CONSULT_CONDITION_IS_SET);
      condition->field = _consult_catalogue_intern_field (catalogue, field);
      return g_steal_pointer (&condition);
    }

  _consult_catalogue_set_error (catalogue, error, where, "unknown condition operator “%s”",
                                (const char *) json_object_get_members (object)->data);
  return NULL;
}

gboolean
_consult_condition_eval (const ConsultCondition        *condition,
                         const ConsultConditionContext *context)
{
  const ConsultFieldValue *value;
  GDate bound;

  switch (condition->kind)
    {
    case CONSULT_CONDITION_ALL:
      for (guint i = 0; i < condition->children->len; i++)
        if (!_consult_condition_eval (g_ptr_array_index (condition->children, i), context))
          return FALSE;
      return TRUE;

    case CONSULT_CONDITION_ANY:
      for (guint i = 0; i < condition->children->len; i++)
        if (_consult_condition_eval (g_ptr_array_index (condition->children, i), context))
          return TRUE;
      return FALSE;

    case CONSULT_CONDITION_NOT:
      return !_consult_condition_eval (g_ptr_array_index (condition->children, 0), context);

    case CONSULT_CONDITION_CANDIDATES_INCLUDE:
      return (context->candidates & condition->mask) != 0;

    case CONSULT_CONDITION_CANDIDATES_COUNT_AT_LEAST:
      return __builtin_popcountll (context->candidates & condition->mask) >= condition->number;

    default:
      break;
    }

  value = &context->values[condition->field];
  if (!value->set)
    return FALSE;

  switch (condition->kind)
    {
    case CONSULT_CONDITION_IS_SET:
      return TRUE;
    case CONSULT_CONDITION_IS_TRUE:
      return value->boolean;
    case CONSULT_CONDITION_IN_MASK:
      return (value->mask & condition->mask) != 0;
    case CONSULT_CONDITION_INT_EQUALS:
      return value->integer == condition->number;
    case CONSULT_CONDITION_INT_AT_LEAST:
      return value->integer >= condition->number;
    case CONSULT_CONDITION_INT_AT_MOST:
      return value->integer <= condition->number;
    case CONSULT_CONDITION_BEFORE_START_LESS_THAN:
      /* "stopped less than 6 months before the start": after start - 6 months. */
      bound = *context->start;
      _consult_offset_apply (&condition->offset, &bound, -1);
      return g_date_compare (&value->date, &bound) > 0;
    case CONSULT_CONDITION_AFTER_START_LESS_THAN:
      bound = *context->start;
      _consult_offset_apply (&condition->offset, &bound, +1);
      return g_date_compare (&value->date, context->start) >= 0 &&
             g_date_compare (&value->date, &bound) < 0;
    case CONSULT_CONDITION_ALL:
    case CONSULT_CONDITION_ANY:
    case CONSULT_CONDITION_NOT:
    case CONSULT_CONDITION_CANDIDATES_INCLUDE:
    case CONSULT_CONDITION_CANDIDATES_COUNT_AT_LEAST:
    default:
      g_assert_not_reached ();
    }

  return FALSE;
}
