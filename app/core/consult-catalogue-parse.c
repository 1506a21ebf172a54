/* consult-catalogue-parse.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-catalogue"

#include "config.h"

#include "consult-catalogue-private.h"
#include "consult-treatments.h"

/* Reading and validating catalogue.json. Every problem is reported as
 * "FILE: ENTRY: PROBLEM" so a medical director editing a clinic's own
 * catalogue can find and fix it. */

#define CATALOGUE_FORMAT "medspa-consult/catalogue"

static const char * const downtime_names[] = { "none", "short", "extended" };

static const ConsultGroup *
lookup_group (ConsultCatalogue *self,
              const char       *id)
{
  for (guint i = 0; i < self->groups->len; i++)
    {
      const ConsultGroup *group = g_ptr_array_index (self->groups, i);

      if (g_str_equal (group->id, id))
        return group;
    }

  return NULL;
}

static void
append_target (ConsultTreatmentSet *set,
               guint8              *order,
               guint               *n_order,
               guint                index)
{
  if (*set & CONSULT_TREATMENT_BIT (index))
    return;

  *set |= CONSULT_TREATMENT_BIT (index);
  order[(*n_order)++] = index;
}

gboolean
_consult_catalogue_resolve_targets (ConsultCatalogue     *self,
                                    JsonNode             *node,
                                    const char           *where,
                                    ConsultTreatmentSet  *set,
                                    guint8               *order,
                                    guint                *n_order,
                                    GError              **error)
{
  g_autoptr (JsonArray) single = NULL;
  JsonArray *array;

  *set = 0;
  *n_order = 0;

  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      single = json_array_new ();
      json_array_add_string_element (single, json_node_get_string (node));
      array = single;
    }
  else if (node != NULL && JSON_NODE_HOLDS_ARRAY (node) && json_array_get_length (json_node_get_array (node)) > 0)
    array = json_node_get_array (node);
  else
    {
      _consult_catalogue_set_error (self, error, where, "expected treatment or group ids");
      return FALSE;
    }

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      const ConsultTreatment *treatment;
      const ConsultGroup *group;
      const char *id;

      if (!JSON_NODE_HOLDS_VALUE (item) || json_node_get_value_type (item) != G_TYPE_STRING)
        {
          _consult_catalogue_set_error (self, error, where, "expected treatment or group ids");
          return FALSE;
        }
      id = json_node_get_string (item);

      if ((treatment = g_hash_table_lookup (self->treatment_ids, id)) != NULL)
        append_target (set, order, n_order, treatment->index);
      else if ((group = lookup_group (self, id)) != NULL)
        for (guint j = 0; j < group->n_order; j++)
          append_target (set, order, n_order, group->order[j]);
      else
        {
          _consult_catalogue_set_error (self, error, where, "unknown treatment or group “%s”", id);
          return FALSE;
        }
    }

  return TRUE;
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConsultTreatment, _consult_treatment_free)

static gboolean
parse_phases_of (ConsultCatalogue  *self,
                 ConsultTreatment  *treatment,
                 JsonObject        *object,
                 const char        *where,
                 GError           **error)
{
  JsonNode *node;
  JsonArray *array;

  if (!_consult_catalogue_read_uint (self, object, where, "phase", 3, &treatment->phase, error))
    return FALSE;
  if ((node = _consult_catalogue_require_member (self, object, where, "phases", error)) == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_ARRAY (node) || json_array_get_length (json_node_get_array (node)) == 0)
    {
      _consult_catalogue_set_error (self, error, where, "“phases”: expected an array of phase numbers");
      return FALSE;
    }

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (item) || json_node_get_value_type (item) != G_TYPE_INT64 ||
          json_node_get_int (item) < 1 || json_node_get_int (item) > 3)
        {
          _consult_catalogue_set_error (self, error, where, "“phases”[%u]: expected 1, 2 or 3", i);
          return FALSE;
        }
      treatment->allowed_phases |= 1u << json_node_get_int (item);
    }

  if ((treatment->allowed_phases & (1u << treatment->phase)) == 0)
    {
      _consult_catalogue_set_error (self, error, where, "“phase” %u is not among its “phases”", treatment->phase);
      return FALSE;
    }

  return TRUE;
}

static gboolean
parse_downtime (ConsultCatalogue  *self,
                ConsultTreatment  *treatment,
                JsonObject        *object,
                const char        *where,
                GError           **error)
{
  JsonNode *node = _consult_catalogue_require_member (self, object, where, "downtime", error);
  g_autofree char *path = g_strdup_printf ("%s: downtime", where);
  guint level;

  if (node == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      _consult_catalogue_set_error (self, error, where, "“downtime”: expected {\"days\": N, \"level\": ...}");
      return FALSE;
    }

  object = json_node_get_object (node);
  if (!_consult_catalogue_check_members (self, object, path, " days level ", error) ||
      !_consult_catalogue_read_uint (self, object, path, "days", 365, &treatment->downtime_days, error) ||
      !_consult_catalogue_read_choice (self, object, path, "level", downtime_names, G_N_ELEMENTS (downtime_names), &level, error))
    return FALSE;

  treatment->downtime = level;
  return TRUE;
}

static gboolean
parse_indications (ConsultCatalogue  *self,
                   ConsultTreatment  *treatment,
                   JsonObject        *object,
                   const char        *where,
                   GError           **error)
{
  if (!_consult_catalogue_read_strv (self, object, where, "indications", TRUE, &treatment->indications, error))
    return FALSE;

  for (guint i = 0; treatment->indications[i] != NULL; i++)
    {
      guint64 bit = _consult_catalogue_concern_bit (self, treatment->indications[i]);

      if (bit == 0)
        {
          _consult_catalogue_set_error (self, error, where, "“indications”: unknown concern “%s”",
                                        treatment->indications[i]);
          return FALSE;
        }
      treatment->indication_mask |= bit;
    }

  return TRUE;
}

static gboolean
parse_treatment (ConsultCatalogue  *self,
                 JsonNode          *node,
                 guint              index,
                 GError           **error)
{
  static const char * const performers[] = { "esthetician", "nurse", "physician_supervised", "physician", NULL };
  g_autofree char *where = g_strdup_printf ("treatments[%u]", index);
  g_autoptr (ConsultTreatment) treatment = g_new0 (ConsultTreatment, 1);
  JsonObject *object;
  JsonNode *energy;
  guint performer;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      _consult_catalogue_set_error (self, error, where, "expected a treatment object");
      return FALSE;
    }
  object = json_node_get_object (node);

  if (!_consult_catalogue_read_text (self, object, where, "id", &treatment->id, error))
    return FALSE;
  g_free (where);
  where = g_strdup_printf ("treatment “%s”", treatment->id);

  if (!consult_treatment_id_is_known (treatment->id))
    {
      _consult_catalogue_set_error (self, error, where, "unknown treatment id (not in the interchange format)");
      return FALSE;
    }
  if (g_hash_table_contains (self->treatment_ids, treatment->id))
    {
      _consult_catalogue_set_error (self, error, where, "duplicate treatment id");
      return FALSE;
    }

  if (!_consult_catalogue_check_members (self, object, where,
                      " id name phase phases heat_or_light depth pregnancy fitzpatrick_4_6 melasma_risk sessions "
                      "interval_weeks downtime performer indications summary expect preparation aftercare "
                      "common_practice ", error) ||
      !_consult_catalogue_read_text (self, object, where, "name", &treatment->name, error) ||
      !parse_phases_of (self, treatment, object, where, error) ||
      (energy = _consult_catalogue_require_member (self, object, where, "heat_or_light", error)) == NULL)
    return FALSE;

  if (!JSON_NODE_HOLDS_VALUE (energy) || json_node_get_value_type (energy) != G_TYPE_BOOLEAN)
    {
      _consult_catalogue_set_error (self, error, where, "“heat_or_light”: expected true or false");
      return FALSE;
    }
  treatment->heat_or_light = json_node_get_boolean (energy);

  if (!_consult_catalogue_read_text (self, object, where, "depth", &treatment->depth, error) ||
      !_consult_catalogue_read_text (self, object, where, "pregnancy", &treatment->pregnancy, error) ||
      !_consult_catalogue_read_text (self, object, where, "fitzpatrick_4_6", &treatment->dark_skin, error) ||
      !_consult_catalogue_read_text (self, object, where, "melasma_risk", &treatment->melasma_risk, error) ||
      !_consult_catalogue_read_uint (self, object, where, "sessions", 100, &treatment->sessions, error) ||
      !_consult_catalogue_read_uint (self, object, where, "interval_weeks", 104, &treatment->interval_weeks, error) ||
      !parse_downtime (self, treatment, object, where, error) ||
      !_consult_catalogue_read_choice (self, object, where, "performer", performers, 4, &performer, error) ||
      !parse_indications (self, treatment, object, where, error) ||
      !_consult_catalogue_read_text (self, object, where, "summary", &treatment->summary, error) ||
      !_consult_catalogue_read_text (self, object, where, "expect", &treatment->expect, error) ||
      !_consult_catalogue_read_text (self, object, where, "preparation", &treatment->preparation, error) ||
      !_consult_catalogue_read_text (self, object, where, "aftercare", &treatment->aftercare, error) ||
      !_consult_catalogue_read_strv (self, object, where, "common_practice", FALSE, &treatment->common_practice, error))
    return FALSE;

  treatment->performer = performer;
  treatment->index = self->treatments->len;
  g_hash_table_insert (self->treatment_ids, treatment->id, treatment);
  g_ptr_array_add (self->treatments, g_steal_pointer (&treatment));
  return TRUE;
}

static gboolean
parse_treatments (ConsultCatalogue  *self,
                  JsonObject        *root,
                  GError           **error)
{
  JsonNode *node = _consult_catalogue_require_member (self, root, "catalogue", "treatments", error);
  const char * const *known = consult_treatment_ids ();
  JsonArray *array;

  if (node == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      _consult_catalogue_set_error (self, error, "treatments", "expected an array");
      return FALSE;
    }

  array = json_node_get_array (node);
  if (json_array_get_length (array) > CONSULT_CATALOGUE_MAX_TREATMENTS)
    {
      _consult_catalogue_set_error (self, error, "treatments", "too many treatments");
      return FALSE;
    }
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (!parse_treatment (self, json_array_get_element (array, i), i, error))
      return FALSE;

  for (guint i = 0; known[i] != NULL; i++)
    if (!g_hash_table_contains (self->treatment_ids, known[i]))
      {
        g_autofree char *where = g_strdup_printf ("treatment “%s”", known[i]);
        _consult_catalogue_set_error (self, error, where, "missing: every treatment of the interchange format needs an entry");
        return FALSE;
      }

  return TRUE;
}

static gboolean
parse_groups (ConsultCatalogue  *self,
              JsonObject        *root,
              GError           **error)
{
  JsonNode *node = _consult_catalogue_require_member (self, root, "catalogue", "groups", error);
  JsonArray *array;

  if (node == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      _consult_catalogue_set_error (self, error, "groups", "expected an array");
      return FALSE;
    }

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      g_autofree char *where = g_strdup_printf ("groups[%u]", i);
      g_autofree char *id = NULL;
      ConsultGroup *group;
      JsonObject *object;

      if (!JSON_NODE_HOLDS_OBJECT (item))
        {
          _consult_catalogue_set_error (self, error, where, "expected a group object");
          return FALSE;
        }
      object = json_node_get_object (item);
      if (!_consult_catalogue_check_members (self, object, where, " id treatments ", error) ||
          !_consult_catalogue_read_text (self, object, where, "id", &id, error))
        return FALSE;

      g_free (where);
      where = g_strdup_printf ("group “%s”", id);
      if (g_hash_table_contains (self->treatment_ids, id) || lookup_group (self, id) != NULL)
        {
          _consult_catalogue_set_error (self, error, where, "duplicate id (groups and treatments share one namespace)");
          return FALSE;
        }

      group = g_new0 (ConsultGroup, 1);
      group->id = g_steal_pointer (&id);
      if (!_consult_catalogue_resolve_targets (self, json_object_get_member (object, "treatments"), where,
                                               &group->members, group->order, &group->n_order, error))
        {
          g_free (group->id);
          g_free (group);
          return FALSE;
        }
      /* Added after resolving, so a group can only name earlier groups. */
      g_ptr_array_add (self->groups, group);
    }

  return TRUE;
}

static gboolean
parse_settings (ConsultCatalogue  *self,
                JsonObject        *root,
                GError           **error)
{
  JsonNode *node = _consult_catalogue_require_member (self, root, "catalogue", "settings", error);
  guint8 order[CONSULT_CATALOGUE_MAX_TREATMENTS];
  guint n_order;
  guint downtime;
  JsonObject *object;

  if (node == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      _consult_catalogue_set_error (self, error, "settings", "expected an object");
      return FALSE;
    }
  object = json_node_get_object (node);

  if (!_consult_catalogue_check_members (self, object, "settings",
                      " always device_group phase1_min_weeks event_buffer_weeks default_downtime common_practice ",
                      error) ||
      !_consult_catalogue_resolve_targets (self, _consult_catalogue_require_member (self, object, "settings", "always", error),
                                           "settings: always", &self->always, order, &n_order, error) ||
      !_consult_catalogue_resolve_targets (self, _consult_catalogue_require_member (self, object, "settings", "device_group", error),
                                           "settings: device_group", &self->devices, order, &n_order, error) ||
      !_consult_catalogue_read_uint (self, object, "settings", "phase1_min_weeks", 52, &self->phase1_min_weeks, error) ||
      !_consult_catalogue_read_uint (self, object, "settings", "event_buffer_weeks", 52, &self->event_buffer_weeks, error) ||
      !_consult_catalogue_read_choice (self, object, "settings", "default_downtime", downtime_names,
                    G_N_ELEMENTS (downtime_names), &downtime, error))
    return FALSE;

  self->default_downtime = downtime;

  {
    const char *spf_barrier[] = { "spf", "barrier-repair" };

    /* The shape of every plan (CLINICAL.md) is not negotiable. */
    for (guint i = 0; i < G_N_ELEMENTS (spf_barrier); i++)
      {
        const ConsultTreatment *treatment = g_hash_table_lookup (self->treatment_ids, spf_barrier[i]);

        if ((self->always & CONSULT_TREATMENT_BIT (treatment->index)) == 0 || treatment->phase != 1)
          {
            _consult_catalogue_set_error (self, error, "settings: always",
                                          "“%s” must always be planned, in phase 1", spf_barrier[i]);
            return FALSE;
          }
      }
  }

  return TRUE;
}

static gboolean
parse_phases (ConsultCatalogue  *self,
              JsonObject        *root,
              GError           **error)
{
  static const char * const keys[] = { "stabilise", "remodel", "refine" };
  JsonNode *node = _consult_catalogue_require_member (self, root, "catalogue", "phases", error);
  JsonArray *array;

  if (node == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_ARRAY (node) || json_array_get_length (json_node_get_array (node)) != 3)
    {
      _consult_catalogue_set_error (self, error, "phases", "expected the three phases");
      return FALSE;
    }

  array = json_node_get_array (node);
  for (guint i = 0; i < 3; i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      g_autofree char *where = g_strdup_printf ("phases[%u]", i);
      g_autofree char *key = NULL;
      JsonObject *object;
      guint number;

      if (!JSON_NODE_HOLDS_OBJECT (item))
        {
          _consult_catalogue_set_error (self, error, where, "expected a phase object");
          return FALSE;
        }
      object = json_node_get_object (item);
      if (!_consult_catalogue_check_members (self, object, where, " number key title ", error) ||
          !_consult_catalogue_read_uint (self, object, where, "number", 3, &number, error) ||
          !_consult_catalogue_read_text (self, object, where, "key", &key, error) ||
          !_consult_catalogue_read_text (self, object, where, "title", &self->phase_titles[i], error))
        return FALSE;
      if (number != i + 1 || !g_str_equal (key, keys[i]))
        {
          _consult_catalogue_set_error (self, error, where, "expected number %u with key “%s”", i + 1, keys[i]);
          return FALSE;
        }
    }

  return TRUE;
}

/* A choice's optional "concern": the concern whose options it ranks. */
static gboolean
read_concern (ConsultCatalogue  *self,
              JsonObject        *object,
              const char        *where,
              guint64           *mask,
              GError           **error)
{
  g_autofree char *concern = NULL;

  *mask = 0;
  if (!json_object_has_member (object, "concern"))
    return TRUE;
  if (!_consult_catalogue_read_text (self, object, where, "concern", &concern, error))
    return FALSE;

  if ((*mask = _consult_catalogue_concern_bit (self, concern)) == 0)
    {
      _consult_catalogue_set_error (self, error, where, "“concern”: unknown concern “%s”", concern);
      return FALSE;
    }

  return TRUE;
}

static gboolean
parse_choices (ConsultCatalogue  *self,
               JsonObject        *root,
               GError           **error)
{
  JsonNode *node = _consult_catalogue_require_member (self, root, "catalogue", "choices", error);
  JsonArray *array;

  if (node == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      _consult_catalogue_set_error (self, error, "choices", "expected an array");
      return FALSE;
    }

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      g_autofree char *where = g_strdup_printf ("choices[%u]", i);
      ConsultTreatmentSet members;
      ConsultChoice *choice;
      JsonObject *object;

      if (!JSON_NODE_HOLDS_OBJECT (item))
        {
          _consult_catalogue_set_error (self, error, where, "expected a choice object");
          return FALSE;
        }
      object = json_node_get_object (item);

      choice = g_new0 (ConsultChoice, 1);
      g_ptr_array_add (self->choices, choice);
      if (!_consult_catalogue_check_members (self, object, where, " id pick concern treatments ", error) ||
          !_consult_catalogue_read_text (self, object, where, "id", &choice->id, error) ||
          !read_concern (self, object, where, &choice->concerns, error) ||
          !_consult_catalogue_read_uint (self, object, where, "pick", CONSULT_CATALOGUE_MAX_TREATMENTS, &choice->pick, error) ||
          !_consult_catalogue_resolve_targets (self, _consult_catalogue_require_member (self, object, where, "treatments", error),
                                               where, &members, choice->order, &choice->n_order, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
_consult_catalogue_parse (ConsultCatalogue  *self,
                          JsonObject        *root,
                          GError           **error)
{
  g_autofree char *format = NULL;
  JsonNode *rules;

  if (!_consult_catalogue_check_members (self, root, "catalogue",
                      " format catalogue_version settings phases groups choices treatments rules ", error) ||
      !_consult_catalogue_read_text (self, root, "catalogue", "format", &format, error))
    return FALSE;
  if (!g_str_equal (format, CATALOGUE_FORMAT))
    {
      _consult_catalogue_set_error (self, error, "format", "expected \"%s\"", CATALOGUE_FORMAT);
      return FALSE;
    }

  if (!_consult_catalogue_read_text (self, root, "catalogue", "catalogue_version", &self->version, error) ||
      !parse_treatments (self, root, error) ||
      !parse_groups (self, root, error) ||
      !parse_settings (self, root, error) ||
      !parse_phases (self, root, error) ||
      !parse_choices (self, root, error))
    return FALSE;

  if ((rules = _consult_catalogue_require_member (self, root, "catalogue", "rules", error)) == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_ARRAY (rules))
    {
      _consult_catalogue_set_error (self, error, "rules", "expected an array");
      return FALSE;
    }
  for (guint i = 0; i < json_array_get_length (json_node_get_array (rules)); i++)
    if (!_consult_catalogue_parse_rule (self, json_array_get_element (json_node_get_array (rules), i), i, error))
      return FALSE;

  return TRUE;
}
