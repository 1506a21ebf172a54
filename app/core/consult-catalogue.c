/* consult-catalogue.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-catalogue"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "consult-catalogue-private.h"
#include "consult-core-resources.h"

#define CATALOGUE_RESOURCE RESOURCE_BASE "/catalogue/catalogue.json"
#define CATALOGUE_DIR "medspa-consult"
#define CATALOGUE_FILE "catalogue.json"

G_DEFINE_QUARK (consult-catalogue-error-quark, consult_catalogue_error)

G_DEFINE_FINAL_TYPE (ConsultCatalogue, consult_catalogue, G_TYPE_OBJECT)

static const char * const core_field_paths[CONSULT_N_CORE_FIELDS] = {
  [CONSULT_CORE_FIELD_CONSULTATION_DATE] = "consultation_date",
  [CONSULT_CORE_FIELD_CONCERNS] = "concerns",
  [CONSULT_CORE_FIELD_REQUESTED] = "preferences.requested",
  [CONSULT_CORE_FIELD_DOWNTIME] = "preferences.downtime",
  [CONSULT_CORE_FIELD_EVENT_DATE] = "preferences.event_date",
};

const char *
consult_downtime_to_string (ConsultDowntime downtime)
{
  static const char * const names[] = { "none", "short", "extended" };

  g_return_val_if_fail (downtime <= CONSULT_DOWNTIME_EXTENDED, NULL);

  return names[downtime];
}

void
_consult_catalogue_set_error (ConsultCatalogue  *self,
                              GError           **error,
                              const char        *where,
                              const char        *format,
                              ...)
{
  g_autofree char *problem = NULL;
  va_list args;

  if (error == NULL || *error != NULL)
    return;

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, CONSULT_CATALOGUE_ERROR, CONSULT_CATALOGUE_ERROR_INVALID,
               "%s: %s: %s", self->origin, where, problem);
}

guint
_consult_catalogue_intern_field (ConsultCatalogue         *self,
                                 const ConsultIntakeField *field)
{
  guint index;

  if (g_ptr_array_find (self->fields, field, &index))
    return index;

  g_ptr_array_add (self->fields, (gpointer) field);
  return self->fields->len - 1;
}

const char *
_consult_catalogue_translate (const char *text)
{
  return g_dgettext (GETTEXT_PACKAGE, text);
}

static void
rule_free (ConsultRule *rule)
{
  g_free (rule->id);
  g_free (rule->title);
  g_free (rule->rationale);
  g_strfreev (rule->sources);
  g_clear_pointer (&rule->when, _consult_condition_free);
  g_ptr_array_unref (rule->effects);
  g_strfreev (rule->treatments);
  g_free (rule->when_json);
  g_free (rule->then_json);
  g_free (rule);
}

static void
group_free (ConsultGroup *group)
{
  g_free (group->id);
  g_free (group);
}

static void
choice_free (ConsultChoice *choice)
{
  g_free (choice->id);
  g_free (choice);
}

void
_consult_treatment_free (ConsultTreatment *treatment)
{
  g_free (treatment->id);
  g_free (treatment->name);
  g_free (treatment->summary);
  g_free (treatment->expect);
  g_free (treatment->preparation);
  g_free (treatment->aftercare);
  g_free (treatment->depth);
  g_free (treatment->pregnancy);
  g_free (treatment->dark_skin);
  g_free (treatment->melasma_risk);
  g_strfreev (treatment->indications);
  g_strfreev (treatment->common_practice);
  g_free (treatment);
}

static void
consult_catalogue_finalize (GObject *object)
{
  ConsultCatalogue *self = CONSULT_CATALOGUE (object);

  g_clear_pointer (&self->origin, g_free);
  g_clear_pointer (&self->version, g_free);
  g_clear_pointer (&self->treatment_ids, g_hash_table_unref);
  g_clear_pointer (&self->treatments, g_ptr_array_unref);
  g_clear_pointer (&self->rules, g_ptr_array_unref);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->choices, g_ptr_array_unref);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  for (guint i = 0; i < G_N_ELEMENTS (self->phase_titles); i++)
    g_clear_pointer (&self->phase_titles[i], g_free);

  G_OBJECT_CLASS (consult_catalogue_parent_class)->finalize (object);
}

static void
consult_catalogue_class_init (ConsultCatalogueClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = consult_catalogue_finalize;
}

static void
consult_catalogue_init (ConsultCatalogue *self)
{
  self->treatments = g_ptr_array_new_with_free_func ((GDestroyNotify) _consult_treatment_free);
  self->treatment_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->rules = g_ptr_array_new_with_free_func ((GDestroyNotify) rule_free);
  self->groups = g_ptr_array_new_with_free_func ((GDestroyNotify) group_free);
  self->choices = g_ptr_array_new_with_free_func ((GDestroyNotify) choice_free);
  self->fields = g_ptr_array_new ();

  for (guint i = 0; i < CONSULT_N_CORE_FIELDS; i++)
    {
      const ConsultIntakeField *field = consult_intake_schema_lookup (core_field_paths[i]);

      g_assert (field != NULL);
      g_ptr_array_add (self->fields, (gpointer) field);
    }
}

ConsultCatalogue *
consult_catalogue_new_from_data (const char  *data,
                                 gssize       length,
                                 const char  *origin,
                                 GError     **error)
{
  g_autoptr (ConsultCatalogue) self = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) local_error = NULL;
  JsonNode *root;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (CONSULT_TYPE_CATALOGUE, NULL);
  self->origin = g_strdup (origin != NULL ? origin : "catalogue");

  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_set_error (error, CONSULT_CATALOGUE_ERROR, CONSULT_CATALOGUE_ERROR_PARSE,
                   "%s: not valid JSON: %s", self->origin, local_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, CONSULT_CATALOGUE_ERROR, CONSULT_CATALOGUE_ERROR_PARSE,
                   "%s: expected a JSON object", self->origin);
      return NULL;
    }

  if (!_consult_catalogue_parse (self, json_node_get_object (root), error))
    return NULL;

  return g_steal_pointer (&self);
}

ConsultCatalogue *
consult_catalogue_new_from_file (const char  *path,
                                 GError     **error)
{
  g_autofree char *contents = NULL;
  g_autoptr (GError) local_error = NULL;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, CONSULT_CATALOGUE_ERROR, CONSULT_CATALOGUE_ERROR_PARSE,
                   "%s: %s", path, local_error->message);
      return NULL;
    }

  return consult_catalogue_new_from_data (contents, length, path, error);
}

ConsultCatalogue *
consult_catalogue_new_default (GError **error)
{
  g_autoptr (GBytes) bytes = NULL;
  gsize length;
  const char *data;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Looked up through the resource itself, so the linker keeps it in the
   * static library (TOOLCHAIN.md). */
  bytes = g_resource_lookup_data (consult_core_get_resource (), CATALOGUE_RESOURCE,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  data = g_bytes_get_data (bytes, &length);
  return consult_catalogue_new_from_data (data, length, "catalogue.json (built-in)", error);
}

char *
consult_catalogue_find_override (void)
{
  g_autoptr (GPtrArray) dirs = g_ptr_array_new ();
  const char * const *system_dirs = g_get_system_config_dirs ();

  g_ptr_array_add (dirs, (gpointer) g_get_user_config_dir ());
  for (guint i = 0; system_dirs[i] != NULL; i++)
    g_ptr_array_add (dirs, (gpointer) system_dirs[i]);
  g_ptr_array_add (dirs, (gpointer) SYSCONFDIR);

  for (guint i = 0; i < dirs->len; i++)
    {
      g_autofree char *path = g_build_filename (g_ptr_array_index (dirs, i), CATALOGUE_DIR,
                                                CATALOGUE_FILE, NULL);

      if (g_file_test (path, G_FILE_TEST_EXISTS))
        return g_steal_pointer (&path);
    }

  return NULL;
}

ConsultCatalogue *
consult_catalogue_load (GError **error)
{
  g_autofree char *path = consult_catalogue_find_override ();

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (path != NULL)
    return consult_catalogue_new_from_file (path, error);

  return consult_catalogue_new_default (error);
}

const char *
consult_catalogue_get_version (ConsultCatalogue *self)
{
  g_return_val_if_fail (CONSULT_IS_CATALOGUE (self), NULL);

  return self->version;
}

const char *
consult_catalogue_get_origin (ConsultCatalogue *self)
{
  g_return_val_if_fail (CONSULT_IS_CATALOGUE (self), NULL);

  return self->origin;
}

guint
consult_catalogue_get_n_treatments (ConsultCatalogue *self)
{
  g_return_val_if_fail (CONSULT_IS_CATALOGUE (self), 0);

  return self->treatments->len;
}

const ConsultTreatment *
consult_catalogue_get_treatment (ConsultCatalogue *self,
                                 guint             index)
{
  g_return_val_if_fail (CONSULT_IS_CATALOGUE (self), NULL);
  g_return_val_if_fail (index < self->treatments->len, NULL);

  return g_ptr_array_index (self->treatments, index);
}

const ConsultTreatment *
consult_catalogue_lookup_treatment (ConsultCatalogue *self,
                                    const char       *id)
{
  g_return_val_if_fail (CONSULT_IS_CATALOGUE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->treatment_ids, id);
}

guint
consult_catalogue_get_n_rules (ConsultCatalogue *self)
{
  g_return_val_if_fail (CONSULT_IS_CATALOGUE (self), 0);

  return self->rules->len;
}

const ConsultRule *
consult_catalogue_get_rule (ConsultCatalogue *self,
                            guint             index)
{
  g_return_val_if_fail (CONSULT_IS_CATALOGUE (self), NULL);
  g_return_val_if_fail (index < self->rules->len, NULL);

  return g_ptr_array_index (self->rules, index);
}

const ConsultRule *
consult_catalogue_lookup_rule (ConsultCatalogue *self,
                               const char       *id)
{
  g_return_val_if_fail (CONSULT_IS_CATALOGUE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < self->rules->len; i++)
    {
      const ConsultRule *rule = g_ptr_array_index (self->rules, i);

      if (g_str_equal (rule->id, id))
        return rule;
    }

  return NULL;
}

const char *
consult_catalogue_get_phase_title (ConsultCatalogue *self,
                                   guint             number)
{
  g_return_val_if_fail (CONSULT_IS_CATALOGUE (self), NULL);
  g_return_val_if_fail (number >= 1 && number <= 3, NULL);

  return _consult_catalogue_translate (self->phase_titles[number - 1]);
}

static void
foreach_effect_text (const ConsultRule        *rule,
                     ConsultCatalogueTextFunc  func,
                     gpointer                  user_data)
{
  for (guint i = 0; i < rule->effects->len; i++)
    {
      const ConsultEffect *effect = g_ptr_array_index (rule->effects, i);
      g_autofree char *where = NULL;

      if (effect->text == NULL)
        continue;

      where = g_strdup_printf ("rule %s: %s", rule->id,
                               effect->kind == CONSULT_EFFECT_WARN ? "warning" : "deferred until");
      func (where, effect->text, user_data);
    }
}

void
consult_catalogue_foreach_text (ConsultCatalogue         *self,
                                ConsultCatalogueTextFunc  func,
                                gpointer                  user_data)
{
  g_return_if_fail (CONSULT_IS_CATALOGUE (self));
  g_return_if_fail (func != NULL);

  for (guint i = 0; i < G_N_ELEMENTS (self->phase_titles); i++)
    {
      g_autofree char *where = g_strdup_printf ("phase %u: title", i + 1);

      func (where, self->phase_titles[i], user_data);
    }

  for (guint i = 0; i < self->treatments->len; i++)
    {
      const ConsultTreatment *treatment = g_ptr_array_index (self->treatments, i);
      const struct { const char *name; const char *text; } texts[] = {
        { "name", treatment->name },
        { "summary", treatment->summary },
        { "what to expect", treatment->expect },
        { "preparation", treatment->preparation },
        { "aftercare", treatment->aftercare },
      };

      for (guint j = 0; j < G_N_ELEMENTS (texts); j++)
        {
          g_autofree char *where = g_strdup_printf ("treatment %s: %s", treatment->id, texts[j].name);

          func (where, texts[j].text, user_data);
        }
    }

  for (guint i = 0; i < self->rules->len; i++)
    {
      const ConsultRule *rule = g_ptr_array_index (self->rules, i);
      g_autofree char *title = g_strdup_printf ("rule %s: title", rule->id);
      g_autofree char *rationale = g_strdup_printf ("rule %s: rationale", rule->id);

      func (title, rule->title, user_data);
      func (rationale, rule->rationale, user_data);
      foreach_effect_text (rule, func, user_data);
    }
}
