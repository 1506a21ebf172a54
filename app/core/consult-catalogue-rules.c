/* consult-catalogue-rules.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-catalogue"

#include "config.h"

#include "consult-catalogue-private.h"

/* Reading one rule: its condition and effects are compiled here, once. */

static void
collect_touched (ConsultCatalogue *self,
                 ConsultRule      *rule)
{
  g_autoptr (GPtrArray) ids = g_ptr_array_new ();
  ConsultTreatmentSet touched = 0;

  for (guint i = 0; i < rule->effects->len; i++)
    {
      const ConsultEffect *effect = g_ptr_array_index (rule->effects, i);

      touched |= effect->targets | effect->earlier | effect->later;
    }

  for (guint i = 0; i < self->treatments->len; i++)
    if (touched & CONSULT_TREATMENT_BIT (i))
      g_ptr_array_add (ids, g_strdup (((ConsultTreatment *) g_ptr_array_index (self->treatments, i))->id));
  g_ptr_array_add (ids, NULL);

  rule->treatments = (char **) g_ptr_array_free (g_steal_pointer (&ids), FALSE);
}

gboolean
_consult_catalogue_parse_rule (ConsultCatalogue  *self,
            JsonNode          *node,
            guint              index,
            GError           **error)
{
  g_autofree char *where = g_strdup_printf ("rules[%u]", index);
  ConsultRule *rule;
  JsonObject *object;
  JsonNode *then;
  JsonArray *effects;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      _consult_catalogue_set_error (self, error, where, "expected a rule object");
      return FALSE;
    }
  object = json_node_get_object (node);

  rule = g_new0 (ConsultRule, 1);
  rule->index = self->rules->len;
  rule->effects = g_ptr_array_new_with_free_func ((GDestroyNotify) _consult_effect_free);
  g_ptr_array_add (self->rules, rule);

  if (!_consult_catalogue_read_text (self, object, where, "id", &rule->id, error))
    return FALSE;
  g_free (where);
  where = g_strdup_printf ("rule %s", rule->id);

  for (guint i = 0; i + 1 < self->rules->len; i++)
    if (g_str_equal (((ConsultRule *) g_ptr_array_index (self->rules, i))->id, rule->id))
      {
        _consult_catalogue_set_error (self, error, where, "duplicate rule id");
        return FALSE;
      }

  if (!_consult_catalogue_check_members (self, object, where, " id title when then rationale sources ", error) ||
      !_consult_catalogue_read_text (self, object, where, "title", &rule->title, error) ||
      !_consult_catalogue_read_text (self, object, where, "rationale", &rule->rationale, error) ||
      !_consult_catalogue_read_strv (self, object, where, "sources", TRUE, &rule->sources, error) ||
      _consult_catalogue_require_member (self, object, where, "when", error) == NULL)
    return FALSE;

  if (rule->sources[0] == NULL)
    {
      _consult_catalogue_set_error (self, error, where, "“sources”: every rule names at least one source");
      return FALSE;
    }

  {
    g_autofree char *path = g_strdup_printf ("%s: when", where);

    if ((rule->when = _consult_condition_compile (self, json_object_get_member (object, "when"), path, error)) == NULL)
      return FALSE;
  }

  if ((then = _consult_catalogue_require_member (self, object, where, "then", error)) == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_ARRAY (then) || json_array_get_length (json_node_get_array (then)) == 0)
    {
      _consult_catalogue_set_error (self, error, where, "“then”: expected a non-empty array of effects");
      return FALSE;
    }

  rule->when_json = json_to_string (json_object_get_member (object, "when"), FALSE);
  rule->then_json = json_to_string (then, FALSE);
  effects = json_node_get_array (then);
  for (guint i = 0; i < json_array_get_length (effects); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s: then[%u]", where, i);
      ConsultEffect *effect = _consult_effect_compile (self, json_array_get_element (effects, i), path, error);

      if (effect == NULL)
        return FALSE;
      g_ptr_array_add (rule->effects, effect);

      if ((effect->kind == CONSULT_EFFECT_EXCLUDE || effect->kind == CONSULT_EFFECT_DEFER) &&
          (effect->targets & self->always) != 0)
        {
          _consult_catalogue_set_error (self, error, path,
                                        "the treatments of settings.always cannot be excluded or deferred");
          return FALSE;
        }
    }

  collect_touched (self, rule);
  return TRUE;
}
