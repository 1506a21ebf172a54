/* consult-intake.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-intake"

#include "config.h"

#include <glib/gi18n.h>

#include "consult-date.h"
#include "consult-intake-private.h"

/* An intake is a map from schema field to value, so that the schema stays
 * the one description of what an intake holds: the typed accessors below
 * are thin views over it. Booleans are stored only when true, because a
 * missing boolean means false and equal intakes must compare equal. */
struct _ConsultIntake
{
  GObject     parent_instance;

  GHashTable *values; /* const ConsultIntakeField* → GVariant* */
};

G_DEFINE_TYPE (ConsultIntake, consult_intake, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_QUARK (consult-intake-error-quark, consult_intake_error)

static void
consult_intake_finalize (GObject *object)
{
  ConsultIntake *self = CONSULT_INTAKE (object);

  g_clear_pointer (&self->values, g_hash_table_unref);

  G_OBJECT_CLASS (consult_intake_parent_class)->finalize (object);
}

static void
consult_intake_class_init (ConsultIntakeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = consult_intake_finalize;

  /**
   * ConsultIntake::changed:
   * @self: the intake
   * @path: the schema path of the field that changed
   *
   * Emitted after a field's value changed, with the path as detail, so
   * that a form can recompute the plan or a page can watch one field.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
consult_intake_init (ConsultIntake *self)
{
  self->values = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_variant_unref);
}

ConsultIntake *
consult_intake_new (void)
{
  return g_object_new (CONSULT_TYPE_INTAKE, NULL);
}

GVariant *
_consult_intake_peek_value (ConsultIntake            *self,
                            const ConsultIntakeField *field)
{
  g_assert (CONSULT_IS_INTAKE (self));
  g_assert (field != NULL);

  return g_hash_table_lookup (self->values, field);
}

/* Takes a floating or full reference to @value; NULL unsets. */
void
_consult_intake_store_value (ConsultIntake            *self,
                             const ConsultIntakeField *field,
                             GVariant                 *value)
{
  g_autoptr (GVariant) owned = value != NULL ? g_variant_take_ref (value) : NULL;
  GVariant *old;

  g_assert (CONSULT_IS_INTAKE (self));
  g_assert (field != NULL);
  g_assert (owned == NULL || g_variant_is_of_type (owned, consult_intake_field_get_value_type (field)));

  if (owned != NULL && field->kind == CONSULT_INTAKE_FIELD_BOOLEAN && !g_variant_get_boolean (owned))
    g_clear_pointer (&owned, g_variant_unref);

  old = g_hash_table_lookup (self->values, field);
  if (old == owned || (old != NULL && owned != NULL && g_variant_equal (old, owned)))
    return;

  if (owned != NULL)
    g_hash_table_insert (self->values, (gpointer) field, g_steal_pointer (&owned));
  else
    g_hash_table_remove (self->values, field);

  g_signal_emit (self, signals[CHANGED], g_quark_from_static_string (field->path), field->path);
}

static const ConsultIntakeField *
lookup_field (const char *path)
{
  const ConsultIntakeField *field = consult_intake_schema_lookup (path);

  g_assert (field != NULL);
  return field;
}

/**
 * consult_intake_get_value:
 * @self: an intake
 * @path: a schema path, e.g. "medical.anticoagulant"
 *
 * The value the planner's rules test: "b" for booleans (false when
 * unset), "i" for integers, "s" for enums, dates and text, "as" for
 * lists.
 *
 * Returns: (transfer full) (nullable): the value, or %NULL when an
 *   optional field other than a boolean is unset
 */
GVariant *
consult_intake_get_value (ConsultIntake *self,
                          const char    *path)
{
  const ConsultIntakeField *field;
  GVariant *value;

  g_return_val_if_fail (CONSULT_IS_INTAKE (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  field = consult_intake_schema_lookup (path);
  g_return_val_if_fail (field != NULL, NULL);

  value = _consult_intake_peek_value (self, field);
  if (value != NULL)
    return g_variant_ref (value);

  if (field->kind == CONSULT_INTAKE_FIELD_BOOLEAN)
    return g_variant_ref_sink (g_variant_new_boolean (FALSE));

  return NULL;
}

/**
 * consult_intake_set_value:
 * @self: an intake
 * @path: a schema path
 * @value: (nullable): a value of the field's type, or %NULL to unset
 * @error: return location for a #GError
 *
 * Sets a field from a generic form. A value of the wrong type or one
 * that consult_intake_field_check_value() refuses is not stored.
 *
 * Returns: %TRUE when the value was stored
 */
gboolean
consult_intake_set_value (ConsultIntake  *self,
                          const char     *path,
                          GVariant       *value,
                          GError        **error)
{
  g_autoptr (GVariant) owned = value != NULL ? g_variant_ref_sink (value) : NULL;
  g_autoptr (GPtrArray) problems = consult_intake_problems_new ();
  const ConsultIntakeField *field;

  g_return_val_if_fail (CONSULT_IS_INTAKE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  field = consult_intake_schema_lookup (path);
  if (field == NULL)
    {
      g_set_error (error, CONSULT_INTAKE_ERROR, CONSULT_INTAKE_ERROR_INVALID,
                   /* TRANSLATORS: %s is a field path such as sun.sunscreen */
                   _("intake.%s: no such field"), path);
      return FALSE;
    }

  if (owned != NULL && !consult_intake_field_check_value (field, owned, problems))
    {
      g_autofree char *message = consult_intake_problems_join (problems);

      g_set_error_literal (error, CONSULT_INTAKE_ERROR, CONSULT_INTAKE_ERROR_INVALID, message);
      return FALSE;
    }

  _consult_intake_store_value (self, field, g_steal_pointer (&owned));
  return TRUE;
}

gboolean
consult_intake_is_set (ConsultIntake *self,
                       const char    *path)
{
  const ConsultIntakeField *field;

  g_return_val_if_fail (CONSULT_IS_INTAKE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  field = consult_intake_schema_lookup (path);
  g_return_val_if_fail (field != NULL, FALSE);

  return _consult_intake_peek_value (self, field) != NULL;
}

/**
 * consult_intake_get_date:
 * @self: an intake
 * @path: the schema path of a date field
 * @date: (out caller-allocates): where to store the date
 *
 * Returns: %TRUE when the field is set to a valid date
 */
gboolean
consult_intake_get_date (ConsultIntake *self,
                         const char    *path,
                         GDate         *date)
{
  const ConsultIntakeField *field;
  GVariant *value;

  g_return_val_if_fail (CONSULT_IS_INTAKE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  field = consult_intake_schema_lookup (path);
  g_return_val_if_fail (field != NULL && field->kind == CONSULT_INTAKE_FIELD_DATE, FALSE);

  value = _consult_intake_peek_value (self, field);
  return consult_date_parse (value != NULL ? g_variant_get_string (value, NULL) : NULL, date);
}

ConsultIntake *
consult_intake_copy (ConsultIntake *self)
{
  ConsultIntake *copy;
  GHashTableIter iter;
  gpointer field, value;

  g_return_val_if_fail (CONSULT_IS_INTAKE (self), NULL);

  copy = consult_intake_new ();
  g_hash_table_iter_init (&iter, self->values);
  while (g_hash_table_iter_next (&iter, &field, &value))
    g_hash_table_insert (copy->values, field, g_variant_ref (value));

  return copy;
}

gboolean
consult_intake_equal (ConsultIntake *a,
                      ConsultIntake *b)
{
  GHashTableIter iter;
  gpointer field, value;

  g_return_val_if_fail (CONSULT_IS_INTAKE (a), FALSE);
  g_return_val_if_fail (CONSULT_IS_INTAKE (b), FALSE);

  if (g_hash_table_size (a->values) != g_hash_table_size (b->values))
    return FALSE;

  g_hash_table_iter_init (&iter, a->values);
  while (g_hash_table_iter_next (&iter, &field, &value))
    {
      GVariant *other = g_hash_table_lookup (b->values, field);

      if (other == NULL || !g_variant_equal (value, other))
        return FALSE;
    }

  return TRUE;
}

static const char *
get_text (ConsultIntake *self,
          const char    *path)
{
  GVariant *value;

  g_return_val_if_fail (CONSULT_IS_INTAKE (self), NULL);

  value = _consult_intake_peek_value (self, lookup_field (path));
  return value != NULL ? g_variant_get_string (value, NULL) : NULL;
}

static void
set_text (ConsultIntake *self,
          const char    *path,
          const char    *text)
{
  g_return_if_fail (CONSULT_IS_INTAKE (self));
  g_return_if_fail (text == NULL || g_utf8_validate (text, -1, NULL));

  _consult_intake_store_value (self, lookup_field (path),
                               text != NULL ? g_variant_new_string (text) : NULL);
}

static gboolean
get_boolean (ConsultIntake *self,
             const char    *path)
{
  g_return_val_if_fail (CONSULT_IS_INTAKE (self), FALSE);

  return _consult_intake_peek_value (self, lookup_field (path)) != NULL;
}

static void
set_boolean (ConsultIntake *self,
             const char    *path,
             gboolean       value)
{
  g_return_if_fail (CONSULT_IS_INTAKE (self));

  _consult_intake_store_value (self, lookup_field (path), g_variant_new_boolean (value));
}

static char **
dup_list (ConsultIntake *self,
          const char    *path)
{
  GVariant *value;

  g_return_val_if_fail (CONSULT_IS_INTAKE (self), NULL);

  value = _consult_intake_peek_value (self, lookup_field (path));
  return value != NULL ? g_variant_dup_strv (value, NULL) : NULL;
}

static void
set_list (ConsultIntake      *self,
          const char         *path,
          const char * const *items)
{
  g_return_if_fail (CONSULT_IS_INTAKE (self));

  _consult_intake_store_value (self, lookup_field (path),
                               items != NULL ? g_variant_new_strv (items, -1) : NULL);
}

int
consult_intake_get_fitzpatrick (ConsultIntake *self)
{
  GVariant *value;

  g_return_val_if_fail (CONSULT_IS_INTAKE (self), 0);

  value = _consult_intake_peek_value (self, lookup_field ("fitzpatrick"));
  return value != NULL ? g_variant_get_int32 (value) : 0;
}

/* 0 unsets, as the getter reports an unset type as 0. */
void
consult_intake_set_fitzpatrick (ConsultIntake *self,
                                int            value)
{
  g_return_if_fail (CONSULT_IS_INTAKE (self));

  _consult_intake_store_value (self, lookup_field ("fitzpatrick"),
                               value != 0 ? g_variant_new_int32 (value) : NULL);
}

char **
consult_intake_dup_concerns (ConsultIntake *self)
{
  return dup_list (self, "concerns");
}

void
consult_intake_set_concerns (ConsultIntake      *self,
                             const char * const *value)
{
  set_list (self, "concerns", value);
}

char **
consult_intake_dup_requested (ConsultIntake *self)
{
  return dup_list (self, "preferences.requested");
}

void
consult_intake_set_requested (ConsultIntake      *self,
                              const char * const *value)
{
  set_list (self, "preferences.requested", value);
}

/* The typed accessors are one-line views over the generic storage; the
 * macros keep the fifty pairs from drifting apart. */
#define TEXT_ACCESSORS(name, path)                       \
  const char *                                           \
  consult_intake_get_##name (ConsultIntake *self)        \
  {                                                      \
    return get_text (self, path);                        \
  }                                                      \
  void                                                   \
  consult_intake_set_##name (ConsultIntake *self,        \
                             const char    *value)       \
  {                                                      \
    set_text (self, path, value);                        \
  }

#define BOOLEAN_ACCESSORS(name, path)                    \
  gboolean                                               \
  consult_intake_get_##name (ConsultIntake *self)        \
  {                                                      \
    return get_boolean (self, path);                     \
  }                                                      \
  void                                                   \
  consult_intake_set_##name (ConsultIntake *self,        \
                             gboolean       value)       \
  {                                                      \
    set_boolean (self, path, value);                     \
  }

TEXT_ACCESSORS (consultation_date, "consultation_date")
TEXT_ACCESSORS (given_name, "client.given_name")
TEXT_ACCESSORS (family_name, "client.family_name")
TEXT_ACCESSORS (date_of_birth, "client.date_of_birth")
TEXT_ACCESSORS (sex, "client.sex")
TEXT_ACCESSORS (phone, "client.phone")
TEXT_ACCESSORS (email, "client.email")
TEXT_ACCESSORS (preferred_language, "client.preferred_language")
TEXT_ACCESSORS (reactivity, "reactivity")
TEXT_ACCESSORS (sun_exposure, "sun.exposure")
TEXT_ACCESSORS (sunscreen, "sun.sunscreen")
TEXT_ACCESSORS (pregnancy, "pregnancy")
TEXT_ACCESSORS (melasma, "melasma")
TEXT_ACCESSORS (isotretinoin, "medical.isotretinoin")
TEXT_ACCESSORS (isotretinoin_stopped_on, "medical.isotretinoin_stopped_on")
TEXT_ACCESSORS (downtime, "preferences.downtime")
TEXT_ACCESSORS (event_date, "preferences.event_date")
TEXT_ACCESSORS (notes, "notes")

BOOLEAN_ACCESSORS (rosacea, "rosacea")
BOOLEAN_ACCESSORS (recent_tan_or_burn, "sun.recent_tan_or_burn")
BOOLEAN_ACCESSORS (upcoming_sun_exposure, "sun.upcoming_sun_exposure")
BOOLEAN_ACCESSORS (topical_retinoid, "medical.topical_retinoid")
BOOLEAN_ACCESSORS (anticoagulant, "medical.anticoagulant")
BOOLEAN_ACCESSORS (bleeding_disorder, "medical.bleeding_disorder")
BOOLEAN_ACCESSORS (hsv_history, "medical.hsv_history")
BOOLEAN_ACCESSORS (active_cold_sore, "medical.active_cold_sore")
BOOLEAN_ACCESSORS (keloid_history, "medical.keloid_history")
BOOLEAN_ACCESSORS (neuromuscular_disorder, "medical.neuromuscular_disorder")
BOOLEAN_ACCESSORS (aminoglycoside, "medical.aminoglycoside")
BOOLEAN_ACCESSORS (botulinum_allergy, "medical.botulinum_allergy")
BOOLEAN_ACCESSORS (anaphylaxis_or_severe_allergies, "medical.anaphylaxis_or_severe_allergies")
BOOLEAN_ACCESSORS (lidocaine_allergy, "medical.lidocaine_allergy")
BOOLEAN_ACCESSORS (autoimmune, "medical.autoimmune")
BOOLEAN_ACCESSORS (vitiligo, "medical.vitiligo")
BOOLEAN_ACCESSORS (photosensitizing_medication, "medical.photosensitizing_medication")
BOOLEAN_ACCESSORS (thrombosis_risk, "medical.thrombosis_risk")
BOOLEAN_ACCESSORS (hormonal_contraception, "medical.hormonal_contraception")
BOOLEAN_ACCESSORS (implanted_device, "medical.implanted_device")
BOOLEAN_ACCESSORS (active_infection_at_site, "medical.active_infection_at_site")
BOOLEAN_ACCESSORS (active_acne, "medical.active_acne")
BOOLEAN_ACCESSORS (suspicious_lesion, "medical.suspicious_lesion")
BOOLEAN_ACCESSORS (eczema_or_psoriasis, "medical.eczema_or_psoriasis")
BOOLEAN_ACCESSORS (significant_laxity, "medical.significant_laxity")

static void
check_dates (ConsultIntake *self,
             GPtrArray     *problems)
{
  GDate consultation, date;

  if (!consult_intake_get_date (self, "consultation_date", &consultation))
    return;

  if (consult_intake_get_date (self, "client.date_of_birth", &date) &&
      consult_date_compare (&date, &consultation) > 0)
    consult_intake_problems_add (problems, "client.date_of_birth", "%s",
                                 _("must not be after the consultation date"));

  if (consult_intake_get_date (self, "medical.isotretinoin_stopped_on", &date) &&
      consult_date_compare (&date, &consultation) > 0)
    consult_intake_problems_add (problems, "medical.isotretinoin_stopped_on", "%s",
                                 _("must not be after the consultation date"));
}

void
_consult_intake_add_problems (ConsultIntake *self,
                              GPtrArray     *problems)
{
  const ConsultIntakeField *fields;
  guint n_fields;

  g_assert (CONSULT_IS_INTAKE (self));
  g_assert (problems != NULL);

  fields = consult_intake_schema_get_fields (&n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      GVariant *value = _consult_intake_peek_value (self, &fields[i]);

      if (value != NULL)
        consult_intake_field_check_value (&fields[i], value, problems);
      else if (fields[i].required)
        consult_intake_problems_add (problems, fields[i].path, "%s", _("required"));
    }

  if (g_strcmp0 (consult_intake_get_isotretinoin (self), "stopped") == 0 &&
      consult_intake_get_isotretinoin_stopped_on (self) == NULL)
    consult_intake_problems_add (problems, "medical.isotretinoin_stopped_on", "%s",
                                 _("required when medical.isotretinoin is \"stopped\""));

  check_dates (self, problems);
}

/**
 * consult_intake_validate:
 * @self: an intake
 *
 * Checks every field and every rule between fields, as the reader does.
 *
 * Returns: (transfer full) (element-type ConsultIntakeProblem): every
 *   problem found, field by field in schema order, then those between
 *   fields; empty when the intake is valid
 */
GPtrArray *
consult_intake_validate (ConsultIntake *self)
{
  GPtrArray *problems;

  g_return_val_if_fail (CONSULT_IS_INTAKE (self), NULL);

  problems = consult_intake_problems_new ();
  _consult_intake_add_problems (self, problems);
  return problems;
}
