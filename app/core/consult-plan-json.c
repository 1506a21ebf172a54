/* consult-plan-json.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-plan"

#include "config.h"

#include <json-glib/json-glib.h>

#include "consult-date.h"
#include "consult-plan-private.h"

#define PLAN_FORMAT "medspa-consult/plan"
#define PLAN_VERSION 1

/* Writing: the member order below is the order of the interchange spec,
 * and every array is in plan order, so equal plans give equal bytes. */

static void
add_rules (JsonBuilder *builder,
           char       **rules)
{
  json_builder_set_member_name (builder, "rules");
  json_builder_begin_array (builder);
  for (guint i = 0; rules[i] != NULL; i++)
    json_builder_add_string_value (builder, rules[i]);
  json_builder_end_array (builder);
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static void
add_int (JsonBuilder *builder,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static void
add_step (JsonBuilder           *builder,
          const ConsultPlanStep *step)
{
  json_builder_begin_object (builder);
  add_string (builder, "treatment", step->treatment);
  add_int (builder, "start_week", step->start_week);
  add_int (builder, "sessions", step->sessions);
  add_int (builder, "interval_weeks", step->interval_weeks);
  add_string (builder, "performer", consult_performer_to_string (step->performer));
  json_builder_set_member_name (builder, "requires_physician");
  json_builder_add_boolean_value (builder, step->requires_physician);
  json_builder_set_member_name (builder, "flags");
  json_builder_begin_array (builder);
  for (guint i = 0; i < CONSULT_STEP_N_FLAGS; i++)
    if (step->flags & (1u << i))
      json_builder_add_string_value (builder, consult_step_flag_to_string (1u << i));
  json_builder_end_array (builder);
  add_string (builder, "rationale", step->rationale);
  add_rules (builder, step->rules);
  json_builder_end_object (builder);
}

static void
add_phase (JsonBuilder            *builder,
           const ConsultPlanPhase *phase)
{
  json_builder_begin_object (builder);
  add_int (builder, "number", phase->number);
  add_string (builder, "key", phase->key);
  add_string (builder, "title", phase->title);
  add_int (builder, "start_week", phase->start_week);
  add_int (builder, "end_week", phase->end_week);
  json_builder_set_member_name (builder, "steps");
  json_builder_begin_array (builder);
  for (guint i = 0; i < phase->steps->len; i++)
    add_step (builder, g_ptr_array_index (phase->steps, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

char *
consult_plan_to_json (ConsultPlan *self)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *start = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (CONSULT_IS_PLAN (self), NULL);

  start = g_date_valid (&self->start_date) ? consult_date_format (&self->start_date) : g_strdup ("");

  json_builder_begin_object (builder);
  add_string (builder, "format", PLAN_FORMAT);
  add_int (builder, "version", PLAN_VERSION);
  add_string (builder, "catalogue_version", self->catalogue_version ? self->catalogue_version : "");
  add_string (builder, "start_date", start);

  json_builder_set_member_name (builder, "phases");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->phases->len; i++)
    add_phase (builder, g_ptr_array_index (self->phases, i));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "deferred");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->deferred->len; i++)
    {
      const ConsultPlanDeferral *deferral = g_ptr_array_index (self->deferred, i);

      json_builder_begin_object (builder);
      add_string (builder, "treatment", deferral->treatment);
      add_string (builder, "until", deferral->until);
      add_string (builder, "reason", deferral->reason);
      add_rules (builder, deferral->rules);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "excluded");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->excluded->len; i++)
    {
      const ConsultPlanExclusion *exclusion = g_ptr_array_index (self->excluded, i);

      json_builder_begin_object (builder);
      add_string (builder, "treatment", exclusion->treatment);
      add_string (builder, "reason", exclusion->reason);
      add_rules (builder, exclusion->rules);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "referrals");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->referrals->len; i++)
    {
      const ConsultPlanReferral *referral = g_ptr_array_index (self->referrals, i);

      json_builder_begin_object (builder);
      add_string (builder, "to", consult_referral_target_to_string (referral->to));
      add_string (builder, "reason", referral->reason);
      add_rules (builder, referral->rules);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "warnings");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->warnings->len; i++)
    {
      const ConsultPlanWarning *warning = g_ptr_array_index (self->warnings, i);

      json_builder_begin_object (builder);
      add_string (builder, "text", warning->text);
      add_rules (builder, warning->rules);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "requires_physician_signoff");
  json_builder_add_boolean_value (builder, self->requires_physician_signoff);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = json_generator_to_data (generator, NULL);

  return g_strconcat (text, "\n", NULL);
}

/* Reading: strict about what the spec fixes, quiet about unknown members
 * (the format may grow), and every error names the member's path. */

static gboolean
fail (GError     **error,
      const char  *path,
      const char  *expected)
{
  g_set_error (error, CONSULT_PLAN_ERROR, CONSULT_PLAN_ERROR_INVALID,
               "%s: expected %s", path, expected);
  return FALSE;
}

static JsonNode *
member (JsonObject *object,
        const char *name)
{
  return json_object_has_member (object, name) ? json_object_get_member (object, name) : NULL;
}

static gboolean
read_string (JsonObject  *object,
             const char  *parent,
             const char  *name,
             char       **out,
             GError     **error)
{
  JsonNode *node = member (object, name);
  g_autofree char *path = g_strdup_printf ("%s.%s", parent, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return fail (error, path, "a string");

  g_free (*out);
  *out = g_strdup (json_node_get_string (node));
  return TRUE;
}

static gboolean
read_uint (JsonObject  *object,
           const char  *parent,
           const char  *name,
           guint        max,
           guint       *out,
           GError     **error)
{
  JsonNode *node = member (object, name);
  g_autofree char *path = g_strdup_printf ("%s.%s", parent, name);
  gint64 value;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64)
    return fail (error, path, "an integer");

  value = json_node_get_int (node);
  if (value < 0 || value > max)
    {
      g_autofree char *range = g_strdup_printf ("an integer from 0 to %u", max);
      return fail (error, path, range);
    }

  *out = (guint) value;
  return TRUE;
}

static gboolean
read_boolean (JsonObject  *object,
              const char  *parent,
              const char  *name,
              gboolean    *out,
              GError     **error)
{
  JsonNode *node = member (object, name);
  g_autofree char *path = g_strdup_printf ("%s.%s", parent, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return fail (error, path, "true or false");

  *out = json_node_get_boolean (node);
  return TRUE;
}

static JsonArray *
read_array (JsonObject  *object,
            const char  *parent,
            const char  *name,
            GError     **error)
{
  JsonNode *node = member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_autofree char *path = g_strdup_printf ("%s.%s", parent, name);
      fail (error, path, "an array");
      return NULL;
    }

  return json_node_get_array (node);
}

static JsonObject *
array_object (JsonArray   *array,
              const char  *path,
              guint        index,
              GError     **error)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autofree char *item = g_strdup_printf ("%s[%u]", path, index);
      fail (error, item, "an object");
      return NULL;
    }

  return json_node_get_object (node);
}

static gboolean
read_rules (JsonObject  *object,
            const char  *parent,
            char      ***out,
            GError     **error)
{
  g_autoptr (GPtrArray) rules = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *path = g_strdup_printf ("%s.rules", parent);
  JsonArray *array = read_array (object, parent, "rules", error);

  if (array == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        {
          g_autofree char *item = g_strdup_printf ("%s[%u]", path, i);
          return fail (error, item, "a rule id");
        }
      g_ptr_array_add (rules, g_strdup (json_node_get_string (node)));
    }
  g_ptr_array_add (rules, NULL);

  g_strfreev (*out);
  *out = (char **) g_ptr_array_free (g_steal_pointer (&rules), FALSE);
  return TRUE;
}

static ConsultPlanStep *
read_step (JsonObject  *object,
           const char  *path,
           GError     **error)
{
  g_autoptr (GPtrArray) holder = g_ptr_array_new_with_free_func ((GDestroyNotify) _consult_plan_step_free);
  ConsultPlanStep *step = _consult_plan_step_new (NULL);
  g_autofree char *performer = NULL;
  g_autofree char *flags_path = g_strdup_printf ("%s.flags", path);
  JsonArray *flags;

  g_ptr_array_add (holder, step);
  if (!read_string (object, path, "treatment", &step->treatment, error) ||
      !read_uint (object, path, "start_week", 10000, &step->start_week, error) ||
      !read_uint (object, path, "sessions", 1000, &step->sessions, error) ||
      !read_uint (object, path, "interval_weeks", 1000, &step->interval_weeks, error) ||
      !read_string (object, path, "performer", &performer, error) ||
      !read_boolean (object, path, "requires_physician", &step->requires_physician, error) ||
      !read_string (object, path, "rationale", &step->rationale, error) ||
      !read_rules (object, path, &step->rules, error))
    return NULL;

  if (!consult_performer_from_string (performer, &step->performer))
    {
      g_autofree char *p = g_strdup_printf ("%s.performer", path);
      fail (error, p, "one of esthetician, nurse, physician_supervised, physician");
      return NULL;
    }

  if ((flags = read_array (object, path, "flags", error)) == NULL)
    return NULL;
  for (guint i = 0; i < json_array_get_length (flags); i++)
    {
      JsonNode *node = json_array_get_element (flags, i);
      ConsultStepFlags flag;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
          !consult_step_flag_from_string (json_node_get_string (node), &flag))
        {
          g_autofree char *item = g_strdup_printf ("%s[%u]", flags_path, i);
          fail (error, item, "one of test_spot, conservative, physician_review, "
                "antiviral_prophylaxis, bruising_consent, reassess");
          return NULL;
        }
      step->flags |= flag;
    }

  return g_ptr_array_steal_index (holder, 0);
}

static ConsultPlanPhase *
read_phase (JsonObject  *object,
            const char  *path,
            GError     **error)
{
  static const char * const keys[] = { "stabilise", "remodel", "refine" };
  g_autofree char *key = NULL;
  g_autofree char *title = NULL;
  g_autofree char *steps_path = g_strdup_printf ("%s.steps", path);
  g_autoptr (GPtrArray) holder = g_ptr_array_new_with_free_func ((GDestroyNotify) _consult_plan_phase_free);
  ConsultPlanPhase *phase;
  guint number;
  JsonArray *steps;

  if (!read_uint (object, path, "number", 3, &number, error) ||
      !read_string (object, path, "key", &key, error) ||
      !read_string (object, path, "title", &title, error))
    return NULL;

  if (number < 1 || g_strcmp0 (keys[number - 1], key) != 0)
    {
      g_autofree char *p = g_strdup_printf ("%s.key", path);
      fail (error, p, "stabilise (1), remodel (2) or refine (3) matching the number");
      return NULL;
    }

  phase = _consult_plan_phase_new (number, key, title);
  g_ptr_array_add (holder, phase);
  if (!read_uint (object, path, "start_week", 10000, &phase->start_week, error) ||
      !read_uint (object, path, "end_week", 10000, &phase->end_week, error) ||
      (steps = read_array (object, path, "steps", error)) == NULL)
    return NULL;

  for (guint i = 0; i < json_array_get_length (steps); i++)
    {
      g_autofree char *item = g_strdup_printf ("%s[%u]", steps_path, i);
      JsonObject *step_object = array_object (steps, steps_path, i, error);
      ConsultPlanStep *step;

      if (step_object == NULL || (step = read_step (step_object, item, error)) == NULL)
        return NULL;
      g_ptr_array_add (phase->steps, step);
    }

  return g_ptr_array_steal_index (holder, 0);
}

typedef gboolean (*ReadItemFunc) (ConsultPlan *self,
                                  JsonObject  *object,
                                  const char  *path,
                                  GError     **error);

static gboolean
read_deferral (ConsultPlan *self,
               JsonObject  *object,
               const char  *path,
               GError     **error)
{
  ConsultPlanDeferral *deferral = _consult_plan_deferral_new (NULL);

  g_ptr_array_add (self->deferred, deferral);
  if (!read_string (object, path, "treatment", &deferral->treatment, error) ||
      !read_string (object, path, "until", &deferral->until, error) ||
      !read_string (object, path, "reason", &deferral->reason, error) ||
      !read_rules (object, path, &deferral->rules, error))
    return FALSE;

  /* A condition in words leaves until_date cleared. */
  consult_date_parse (deferral->until, &deferral->until_date);
  return TRUE;
}

static gboolean
read_exclusion (ConsultPlan *self,
                JsonObject  *object,
                const char  *path,
                GError     **error)
{
  ConsultPlanExclusion *exclusion = _consult_plan_exclusion_new (NULL);

  g_ptr_array_add (self->excluded, exclusion);
  return read_string (object, path, "treatment", &exclusion->treatment, error) &&
         read_string (object, path, "reason", &exclusion->reason, error) &&
         read_rules (object, path, &exclusion->rules, error);
}

static gboolean
read_referral (ConsultPlan *self,
               JsonObject  *object,
               const char  *path,
               GError     **error)
{
  ConsultPlanReferral *referral = _consult_plan_referral_new (CONSULT_REFERRAL_DERMATOLOGIST);
  g_autofree char *to = NULL;

  g_ptr_array_add (self->referrals, referral);
  if (!read_string (object, path, "to", &to, error))
    return FALSE;
  if (!consult_referral_target_from_string (to, &referral->to))
    {
      g_autofree char *p = g_strdup_printf ("%s.to", path);
      return fail (error, p, "one of dermatologist, plastic_surgeon, primary_care");
    }

  return read_string (object, path, "reason", &referral->reason, error) &&
         read_rules (object, path, &referral->rules, error);
}

static gboolean
read_warning (ConsultPlan *self,
              JsonObject  *object,
              const char  *path,
              GError     **error)
{
  ConsultPlanWarning *warning = _consult_plan_warning_new (NULL);

  g_ptr_array_add (self->warnings, warning);
  return read_string (object, path, "text", &warning->text, error) &&
         read_rules (object, path, &warning->rules, error);
}

static gboolean
read_items (ConsultPlan  *self,
            JsonObject   *root,
            const char   *name,
            ReadItemFunc  read_item,
            GError      **error)
{
  g_autofree char *path = g_strdup_printf ("plan.%s", name);
  JsonArray *array = read_array (root, "plan", name, error);

  if (array == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *item = g_strdup_printf ("%s[%u]", path, i);
      JsonObject *object = array_object (array, path, i, error);

      if (object == NULL || !read_item (self, object, item, error))
        return FALSE;
    }

  return TRUE;
}

ConsultPlan *
consult_plan_new_from_json (const char  *data,
                            gssize       length,
                            GError     **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (ConsultPlan) self = NULL;
  g_autofree char *format = NULL;
  g_autofree char *start = NULL;
  g_autoptr (GError) local_error = NULL;
  JsonNode *root_node;
  JsonObject *root;
  JsonArray *phases;
  guint version;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_set_error (error, CONSULT_PLAN_ERROR, CONSULT_PLAN_ERROR_INVALID,
                   "plan: not valid JSON: %s", local_error->message);
      return NULL;
    }

  root_node = json_parser_get_root (parser);
  if (root_node == NULL || !JSON_NODE_HOLDS_OBJECT (root_node))
    {
      fail (error, "plan", "a JSON object");
      return NULL;
    }
  root = json_node_get_object (root_node);

  if (!read_string (root, "plan", "format", &format, error))
    return NULL;
  if (g_strcmp0 (format, PLAN_FORMAT) != 0)
    {
      fail (error, "plan.format", "\"" PLAN_FORMAT "\"");
      return NULL;
    }
  if (!read_uint (root, "plan", "version", G_MAXINT, &version, error))
    return NULL;
  if (version != PLAN_VERSION)
    {
      fail (error, "plan.version", "1");
      return NULL;
    }

  self = _consult_plan_new (NULL, NULL);
  if (!read_string (root, "plan", "catalogue_version", &self->catalogue_version, error) ||
      !read_string (root, "plan", "start_date", &start, error))
    return NULL;
  if (!consult_date_parse (start, &self->start_date))
    {
      fail (error, "plan.start_date", "a date YYYY-MM-DD");
      return NULL;
    }

  if ((phases = read_array (root, "plan", "phases", error)) == NULL)
    return NULL;
  for (guint i = 0; i < json_array_get_length (phases); i++)
    {
      g_autofree char *item = g_strdup_printf ("plan.phases[%u]", i);
      JsonObject *object = array_object (phases, "plan.phases", i, error);
      ConsultPlanPhase *phase;

      if (object == NULL || (phase = read_phase (object, item, error)) == NULL)
        return NULL;
      g_ptr_array_add (self->phases, phase);
    }

  if (!read_items (self, root, "deferred", read_deferral, error) ||
      !read_items (self, root, "excluded", read_exclusion, error) ||
      !read_items (self, root, "referrals", read_referral, error) ||
      !read_items (self, root, "warnings", read_warning, error) ||
      !read_boolean (root, "plan", "requires_physician_signoff",
                     &self->requires_physician_signoff, error))
    return NULL;

  return g_steal_pointer (&self);
}
