/* consult-rule-effect.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-catalogue"

#include "config.h"

#include <string.h>

#include "consult-catalogue-private.h"

/* The `then` language of catalogue rules. Each effect is an object named
 * by its kind, T being treatment ids and group ids, "when" optional:
 *
 *   {"exclude": T}
 *   {"defer": T, "until": {"after": "start" | DATE_FIELD, OFFSET...}}
 *   {"defer": T, "until_text": "until ..."}
 *   {"require_physician": T}
 *   {"flag": T, "flags": ["test_spot", ...]}
 *   {"note": T}                      the rule's rationale joins the steps
 *   {"refer": "dermatologist" | "plastic_surgeon" | "primary_care"}
 *   {"warn": "text"}
 *   {"space": {"earlier": T, "later": T, "weeks": N, "order": "fixed" | "either"}}
 *   {"start_after_phase1": T, "weeks": N}
 *   {"add": T, "phase": N, "one_of": true}   one_of: the first that is allowed
 *   {"move": T, "phase": N} */

typedef struct
{
  const char        *name;
  ConsultEffectKind  kind;
  const char        *members;  /* the other members it accepts, besides "when" */
} EffectSpec;

static const EffectSpec effect_specs[] = {
  { "exclude", CONSULT_EFFECT_EXCLUDE, "" },
  { "defer", CONSULT_EFFECT_DEFER, " until until_text " },
  { "require_physician", CONSULT_EFFECT_REQUIRE_PHYSICIAN, "" },
  { "flag", CONSULT_EFFECT_FLAG, " flags " },
  { "note", CONSULT_EFFECT_NOTE, "" },
  { "refer", CONSULT_EFFECT_REFER, "" },
  { "warn", CONSULT_EFFECT_WARN, "" },
  { "space", CONSULT_EFFECT_SPACE, "" },
  { "start_after_phase1", CONSULT_EFFECT_START_AFTER_PHASE1, " weeks " },
  { "add", CONSULT_EFFECT_ADD, " phase one_of " },
  { "move", CONSULT_EFFECT_MOVE, " phase " },
};

void
_consult_effect_free (ConsultEffect *effect)
{
  if (effect == NULL)
    return;

  g_clear_pointer (&effect->when, _consult_condition_free);
  g_free (effect->text);
  g_free (effect);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConsultEffect, _consult_effect_free)

static gboolean
read_weeks (ConsultCatalogue  *catalogue,
            JsonObject        *object,
            const char        *name,
            const char        *where,
            guint             *weeks,
            GError           **error)
{
  JsonNode *node = json_object_has_member (object, name) ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
      json_node_get_int (node) < 0 || json_node_get_int (node) > 520)
    {
      _consult_catalogue_set_error (catalogue, error, where, "%s: expected a number of weeks (0 to 520)", name);
      return FALSE;
    }

  *weeks = (guint) json_node_get_int (node);
  return TRUE;
}

static gboolean
read_text (ConsultCatalogue  *catalogue,
           JsonNode          *node,
           const char        *where,
           const char        *name,
           char             **text,
           GError           **error)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
      *json_node_get_string (node) == '\0')
    {
      _consult_catalogue_set_error (catalogue, error, where, "%s: expected a non-empty text", name);
      return FALSE;
    }

  *text = g_strdup (json_node_get_string (node));
  return TRUE;
}

static gboolean
check_phase (ConsultCatalogue  *catalogue,
             ConsultEffect     *effect,
             JsonObject        *object,
             const char        *where,
             gboolean           required,
             GError           **error)
{
  guint phase;

  if (!json_object_has_member (object, "phase") && !required)
    return TRUE;
  if (!read_weeks (catalogue, object, "phase", where, &phase, error) || phase < 1 || phase > 3)
    {
      g_clear_error (error);
      _consult_catalogue_set_error (catalogue, error, where, "phase: expected 1, 2 or 3");
      return FALSE;
    }

  effect->phase = phase;
  for (guint i = 0; i < effect->n_order; i++)
    {
      const ConsultTreatment *treatment = consult_catalogue_get_treatment (catalogue, effect->order[i]);

      if ((treatment->allowed_phases & (1u << phase)) == 0)
        {
          _consult_catalogue_set_error (catalogue, error, where,
                                        "treatment “%s” is not allowed in phase %u", treatment->id, phase);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
compile_until (ConsultCatalogue  *catalogue,
               ConsultEffect     *effect,
               JsonObject        *object,
               const char        *where,
               GError           **error)
{
  gboolean has_until = json_object_has_member (object, "until");
  gboolean has_text = json_object_has_member (object, "until_text");
  g_autoptr (JsonObject) copy = NULL;
  JsonObject *until;
  JsonNode *after;

  if (has_until == has_text)
    {
      _consult_catalogue_set_error (catalogue, error, where, "defer needs either “until” or “until_text”");
      return FALSE;
    }
  if (has_text)
    return read_text (catalogue, json_object_get_member (object, "until_text"), where, "until_text",
                      &effect->text, error);

  if (!JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "until")) ||
      !json_object_has_member ((until = json_object_get_object_member (object, "until")), "after"))
    {
      _consult_catalogue_set_error (catalogue, error, where,
                                    "until: expected {\"after\": \"start\" or a date field, \"months\"/\"weeks\"/\"days\": N}");
      return FALSE;
    }

  after = json_object_get_member (until, "after");
  if (JSON_NODE_HOLDS_VALUE (after) && json_node_get_value_type (after) == G_TYPE_STRING &&
      g_str_equal (json_node_get_string (after), "start"))
    effect->until_field = CONSULT_FIELD_START;
  else
    {
      const ConsultIntakeField *field = NULL;

      if (JSON_NODE_HOLDS_VALUE (after) && json_node_get_value_type (after) == G_TYPE_STRING)
        field = consult_intake_schema_lookup (json_node_get_string (after));
      if (field == NULL || field->kind != CONSULT_INTAKE_FIELD_DATE)
        {
          _consult_catalogue_set_error (catalogue, error, where,
                                        "until.after: expected \"start\" or a date field of the intake");
          return FALSE;
        }
      effect->until_field = _consult_catalogue_intern_field (catalogue, field);
    }

  /* The offset is the rest of the object. */
  copy = json_object_new ();
  for (GList *l = json_object_get_members (until); l != NULL; l = g_list_delete_link (l, l))
    if (!g_str_equal (l->data, "after"))
      json_object_set_member (copy, l->data, json_node_copy (json_object_get_member (until, l->data)));
  {
    g_autoptr (JsonNode) offset = json_node_init_object (json_node_alloc (), copy);

    if (!_consult_offset_parse (offset, &effect->until_offset))
      {
        _consult_catalogue_set_error (catalogue, error, where,
                                      "until: expected an offset such as \"months\": 6");
        return FALSE;
      }
  }

  effect->until_is_date = TRUE;
  return TRUE;
}

static gboolean
compile_space (ConsultCatalogue  *catalogue,
               ConsultEffect     *effect,
               JsonNode          *node,
               const char        *where,
               GError           **error)
{
  guint8 order[CONSULT_CATALOGUE_MAX_TREATMENTS];
  guint n_order;
  JsonObject *object;
  const char *how;

  if (!JSON_NODE_HOLDS_OBJECT (node) ||
      !json_object_has_member ((object = json_node_get_object (node)), "earlier") ||
      !json_object_has_member (object, "later") || !json_object_has_member (object, "order") ||
      json_object_get_size (object) != 4)
    {
      _consult_catalogue_set_error (catalogue, error, where,
                                    "space expects {\"earlier\": T, \"later\": T, \"weeks\": N, \"order\": \"fixed\" or \"either\"}");
      return FALSE;
    }

  how = json_object_get_string_member_with_default (object, "order", "");
  if (!g_str_equal (how, "fixed") && !g_str_equal (how, "either"))
    {
      _consult_catalogue_set_error (catalogue, error, where, "space.order: expected \"fixed\" or \"either\"");
      return FALSE;
    }
  effect->either_order = g_str_equal (how, "either");

  return read_weeks (catalogue, object, "weeks", where, &effect->weeks, error) &&
         _consult_catalogue_resolve_targets (catalogue, json_object_get_member (object, "earlier"), where,
                                             &effect->earlier, order, &n_order, error) &&
         _consult_catalogue_resolve_targets (catalogue, json_object_get_member (object, "later"), where,
                                             &effect->later, order, &n_order, error);
}

static gboolean
compile_flags (ConsultCatalogue  *catalogue,
               ConsultEffect     *effect,
               JsonObject        *object,
               const char        *where,
               GError           **error)
{
  JsonNode *node = json_object_has_member (object, "flags") ? json_object_get_member (object, "flags") : NULL;
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node) || json_array_get_length (json_node_get_array (node)) == 0)
    {
      _consult_catalogue_set_error (catalogue, error, where, "flags: expected a non-empty array of step flags");
      return FALSE;
    }

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      ConsultStepFlags flag;

      if (!JSON_NODE_HOLDS_VALUE (item) || json_node_get_value_type (item) != G_TYPE_STRING ||
          !consult_step_flag_from_string (json_node_get_string (item), &flag))
        {
          _consult_catalogue_set_error (catalogue, error, where,
                                        "flags[%u]: expected one of test_spot, conservative, physician_review, "
                                        "antiviral_prophylaxis, bruising_consent, reassess", i);
          return FALSE;
        }
      effect->flags |= flag;
    }

  return TRUE;
}

static gboolean
check_members (ConsultCatalogue  *catalogue,
               JsonObject        *object,
               const EffectSpec  *spec,
               const char        *where,
               GError           **error)
{
  for (GList *l = json_object_get_members (object); l != NULL; l = g_list_delete_link (l, l))
    {
      g_autofree char *padded = g_strdup_printf (" %s ", (const char *) l->data);

      if (g_str_equal (l->data, spec->name) || g_str_equal (l->data, "when") ||
          strstr (spec->members, padded) != NULL)
        continue;

      _consult_catalogue_set_error (catalogue, error, where, "“%s” does not take a member “%s”",
                                    spec->name, (const char *) l->data);
      g_list_free (l);
      return FALSE;
    }

  return TRUE;
}

static gboolean
compile_body (ConsultCatalogue  *catalogue,
              ConsultEffect     *effect,
              JsonObject        *object,
              JsonNode          *value,
              const char        *where,
              GError           **error)
{
  switch (effect->kind)
    {
    case CONSULT_EFFECT_REFER:
      if (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_STRING ||
          !consult_referral_target_from_string (json_node_get_string (value), &effect->refer))
        {
          _consult_catalogue_set_error (catalogue, error, where,
                                        "refer: expected dermatologist, plastic_surgeon or primary_care");
          return FALSE;
        }
      return TRUE;

    case CONSULT_EFFECT_WARN:
      return read_text (catalogue, value, where, "warn", &effect->text, error);

    case CONSULT_EFFECT_SPACE:
      return compile_space (catalogue, effect, value, where, error);

    case CONSULT_EFFECT_EXCLUDE:
    case CONSULT_EFFECT_DEFER:
    case CONSULT_EFFECT_REQUIRE_PHYSICIAN:
    case CONSULT_EFFECT_FLAG:
    case CONSULT_EFFECT_NOTE:
    case CONSULT_EFFECT_START_AFTER_PHASE1:
    case CONSULT_EFFECT_ADD:
    case CONSULT_EFFECT_MOVE:
    default:
      break;
    }

  if (!_consult_catalogue_resolve_targets (catalogue, value, where, &effect->targets,
                                           effect->order, &effect->n_order, error))
    return FALSE;

  switch (effect->kind)
    {
    case CONSULT_EFFECT_DEFER:
      return compile_until (catalogue, effect, object, where, error);
    case CONSULT_EFFECT_FLAG:
      return compile_flags (catalogue, effect, object, where, error);
    case CONSULT_EFFECT_START_AFTER_PHASE1:
      return read_weeks (catalogue, object, "weeks", where, &effect->weeks, error);
    case CONSULT_EFFECT_ADD:
      effect->one_of = json_object_get_boolean_member_with_default (object, "one_of", FALSE);
      return check_phase (catalogue, effect, object, where, FALSE, error);
    case CONSULT_EFFECT_MOVE:
      return check_phase (catalogue, effect, object, where, TRUE, error);
    case CONSULT_EFFECT_EXCLUDE:
    case CONSULT_EFFECT_REQUIRE_PHYSICIAN:
    case CONSULT_EFFECT_NOTE:
    case CONSULT_EFFECT_REFER:
    case CONSULT_EFFECT_WARN:
    case CONSULT_EFFECT_SPACE:
    default:
      return TRUE;
    }
}

ConsultEffect *
_consult_effect_compile (ConsultCatalogue  *catalogue,
                         JsonNode          *node,
                         const char        *where,
                         GError           **error)
{
  g_autoptr (ConsultEffect) effect = NULL;
  const EffectSpec *spec = NULL;
  JsonObject *object;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      _consult_catalogue_set_error (catalogue, error, where, "expected an effect object");
      return NULL;
    }
  object = json_node_get_object (node);

  for (guint i = 0; i < G_N_ELEMENTS (effect_specs); i++)
    if (json_object_has_member (object, effect_specs[i].name))
      {
        if (spec != NULL)
          {
            _consult_catalogue_set_error (catalogue, error, where,
                                          "an effect has one kind, found “%s” and “%s”",
                                          spec->name, effect_specs[i].name);
            return NULL;
          }
        spec = &effect_specs[i];
      }
  if (spec == NULL)
    {
      _consult_catalogue_set_error (catalogue, error, where,
                                    "unknown effect (expected exclude, defer, require_physician, flag, note, "
                                    "refer, warn, space, start_after_phase1, add or move)");
      return NULL;
    }
  if (!check_members (catalogue, object, spec, where, error))
    return NULL;

  effect = g_new0 (ConsultEffect, 1);
  effect->kind = spec->kind;

  if (json_object_has_member (object, "when"))
    {
      g_autofree char *path = g_strdup_printf ("%s.when", where);

      effect->when = _consult_condition_compile (catalogue, json_object_get_member (object, "when"), path, error);
      if (effect->when == NULL)
        return NULL;
    }

  if (!compile_body (catalogue, effect, object, json_object_get_member (object, spec->name), where, error))
    return NULL;

  return g_steal_pointer (&effect);
}
