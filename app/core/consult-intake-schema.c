/* consult-intake-schema.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-intake"

#include "config.h"

#include <glib/gi18n.h>

#include "consult-date.h"
#include "consult-intake-problem.h"
#include "consult-intake-private.h"
#include "consult-intake-schema.h"
#include "consult-treatments-private.h"

static const char * const sex_values[] = { "female", "male", "other", "unknown", NULL };
static const char * const reactivity_values[] = { "none", "mild", "moderate", "high", NULL };
static const char * const exposure_values[] = { "low", "moderate", "high", NULL };
static const char * const sunscreen_values[] = { "daily", "sometimes", "rarely", NULL };
static const char * const pregnancy_values[] = { "none", "trying", "pregnant", "breastfeeding", NULL };
static const char * const melasma_values[] = { "none", "past", "active", NULL };
static const char * const isotretinoin_values[] = { "never", "current", "stopped", NULL };
static const char * const downtime_values[] = { "none", "short", "extended", NULL };

#define BOOLEAN(p, l, h)        { p, CONSULT_INTAKE_FIELD_BOOLEAN, FALSE, NULL, 0, 0, 0, l, h }
#define ENUM(p, r, v, l, h)     { p, CONSULT_INTAKE_FIELD_ENUM, r, v, 0, 0, 0, l, h }
#define DATE(p, r, l, h)        { p, CONSULT_INTAKE_FIELD_DATE, r, NULL, 0, 0, 0, l, h }
#define STRING(p, r, n, l, h)   { p, CONSULT_INTAKE_FIELD_STRING, r, NULL, 0, 0, n, l, h }

/* The interchange intake, in the spec's field order, which is also the
 * order the writer emits and the order of the GUI's questions. Members of
 * one object are contiguous. */
static const ConsultIntakeField fields[] = {
  DATE ("consultation_date", TRUE, N_("Consultation date"),
        N_("Every interval and waiting period of the plan counts from this day.")),
  STRING ("client.given_name", TRUE, 200, N_("Given name"),
          N_("Identifies the client on the plan and in the records.")),
  STRING ("client.family_name", FALSE, 200, N_("Family name"),
          N_("Identifies the client on the plan and in the records.")),
  DATE ("client.date_of_birth", FALSE, N_("Date of birth"),
        N_("Age changes how skin ages and heals, and which treatments make sense.")),
  ENUM ("client.sex", FALSE, sex_values, N_("Sex"),
        N_("Anatomy and doses differ, for example neuromodulator units.")),
  STRING ("client.phone", FALSE, 64, N_("Phone"),
          N_("To reach the client about appointments and aftercare.")),
  STRING ("client.email", FALSE, 254, N_("Email"),
          N_("To reach the client about appointments and aftercare.")),
  STRING ("client.preferred_language", FALSE, 35, N_("Preferred language"),
          N_("The patient summary is printed in this language when a translation exists.")),
  { "fitzpatrick", CONSULT_INTAKE_FIELD_INTEGER, TRUE, NULL, 1, 6, 0, N_("Fitzpatrick skin type"),
    N_("Darker skin types (IV to VI) risk pigment changes after lasers, light and deep peels.") },
  { "concerns", CONSULT_INTAKE_FIELD_ENUM_LIST, TRUE, _consult_concern_ids, 0, 0, 0, N_("Concerns"),
    N_("What the client wants treated, most important first; the plan follows this order.") },
  ENUM ("reactivity", FALSE, reactivity_values, N_("Skin reactivity"),
        N_("Reactive skin needs gentler products and slower steps.")),
  BOOLEAN ("rosacea", N_("Rosacea"),
           N_("Heat, peels and some lasers can make rosacea flare.")),
  ENUM ("sun.exposure", FALSE, exposure_values, N_("Sun exposure"),
        N_("Daily time outdoors; strong sun raises the risk of dark marks after treatments.")),
  ENUM ("sun.sunscreen", FALSE, sunscreen_values, N_("Sunscreen use"),
        N_("Without daily sunscreen, pigment treatments fail and devices must wait.")),
  BOOLEAN ("sun.recent_tan_or_burn", N_("Tan or sunburn in the last 4 weeks"),
           N_("Tanned skin soaks up laser and light energy; devices wait until the tan fades.")),
  BOOLEAN ("sun.upcoming_sun_exposure", N_("Strong sun coming up"),
           N_("Resurfacing and pigment work are not done shortly before a sunny holiday.")),
  ENUM ("pregnancy", TRUE, pregnancy_values, N_("Pregnancy"),
        N_("Pregnancy and breastfeeding rule out injectables, devices and several creams.")),
  ENUM ("melasma", FALSE, melasma_values, N_("Melasma"),
        N_("Heat, light and strong exfoliation can worsen melasma; it changes the whole plan.")),
  ENUM ("medical.isotretinoin", FALSE, isotretinoin_values, N_("Isotretinoin"),
        N_("Skin heals poorly on isotretinoin and for months after; it delays resurfacing and waxing.")),
  DATE ("medical.isotretinoin_stopped_on", FALSE, N_("Isotretinoin stopped on"),
        N_("The waiting periods after isotretinoin count from this date.")),
  BOOLEAN ("medical.topical_retinoid", N_("Uses a retinoid cream"),
           N_("Retinoids thin the outer skin; they are paused before peels, waxing and resurfacing.")),
  BOOLEAN ("medical.anticoagulant", N_("Takes a blood thinner"),
           N_("Injections bruise more; the client must never stop the medicine for a cosmetic treatment.")),
  BOOLEAN ("medical.bleeding_disorder", N_("Bleeding disorder"),
           N_("Needles and injections bleed and bruise more.")),
  BOOLEAN ("medical.hsv_history", N_("History of cold sores"),
           N_("Treating around the mouth can set off an outbreak; antiviral cover may be needed.")),
  BOOLEAN ("medical.active_cold_sore", N_("Cold sore right now"),
           N_("Nothing is done near an active sore until it has healed.")),
  BOOLEAN ("medical.keloid_history", N_("Keloids or raised scars"),
           N_("Needles, lasers and peels can leave thick scars.")),
  BOOLEAN ("medical.neuromuscular_disorder", N_("Neuromuscular disorder"),
           N_("Conditions such as myasthenia rule out botulinum toxin.")),
  BOOLEAN ("medical.aminoglycoside", N_("Takes an aminoglycoside antibiotic"),
           N_("These antibiotics strengthen the effect of botulinum toxin.")),
  BOOLEAN ("medical.botulinum_allergy", N_("Allergy to botulinum toxin"),
           N_("Rules out wrinkle-relaxing injections.")),
  BOOLEAN ("medical.anaphylaxis_or_severe_allergies", N_("Anaphylaxis or severe allergies"),
           N_("Fillers and biostimulators are avoided after severe allergic reactions.")),
  BOOLEAN ("medical.lidocaine_allergy", N_("Allergy to lidocaine"),
           N_("Many fillers and numbing creams contain lidocaine.")),
  BOOLEAN ("medical.autoimmune", N_("Autoimmune disease"),
           N_("Can slow healing and change how the skin reacts to fillers and devices.")),
  BOOLEAN ("medical.vitiligo", N_("Vitiligo"),
           N_("Injured skin can lose its colour in new white patches.")),
  BOOLEAN ("medical.photosensitizing_medication", N_("Takes a light-sensitising medicine"),
           N_("Some medicines make the skin burn under lasers and light.")),
  BOOLEAN ("medical.thrombosis_risk", N_("Risk of blood clots"),
           N_("Oral tranexamic acid is not given when clots are a risk.")),
  BOOLEAN ("medical.hormonal_contraception", N_("Hormonal contraception"),
           N_("Hormones can drive melasma and add to the clot risk of oral tranexamic acid.")),
  BOOLEAN ("medical.implanted_device", N_("Implanted electronic device"),
           N_("Radiofrequency devices are kept away from pacemakers and other implants.")),
  BOOLEAN ("medical.active_infection_at_site", N_("Infection where treatment is wanted"),
           N_("Nothing is done on infected skin until it has healed.")),
  BOOLEAN ("medical.active_acne", N_("Active acne"),
           N_("Inflamed acne is treated first; some procedures spread or worsen it.")),
  BOOLEAN ("medical.suspicious_lesion", N_("Suspicious mole or spot"),
           N_("A doctor must examine it before any treatment over it.")),
  BOOLEAN ("medical.eczema_or_psoriasis", N_("Eczema or psoriasis"),
           N_("A weak skin barrier reacts more to peels and devices; flares must settle first.")),
  BOOLEAN ("medical.significant_laxity", N_("Marked skin sagging"),
           N_("Devices do little for marked sagging; a surgical opinion may serve the client better.")),
  ENUM ("preferences.downtime", FALSE, downtime_values, N_("Acceptable downtime"),
        N_("How many days of redness, swelling or peeling the client can accept.")),
  DATE ("preferences.event_date", FALSE, N_("Upcoming event"),
        N_("Treatments with downtime are scheduled to settle before this date.")),
  { "preferences.requested", CONSULT_INTAKE_FIELD_TREATMENT_LIST, FALSE, _consult_treatment_ids, 0, 0, 0,
    N_("Requested treatments"),
    N_("Each requested treatment is planned, postponed or declined, always with a reason.") },
  STRING ("notes", FALSE, 64 * 1024, N_("Notes"),
          N_("Anything else the consultant should know; the planner's rules do not read it.")),
};

#undef BOOLEAN
#undef ENUM
#undef DATE
#undef STRING

const ConsultIntakeField *
consult_intake_schema_get_fields (guint *n_fields)
{
  g_return_val_if_fail (n_fields != NULL, NULL);

  *n_fields = G_N_ELEMENTS (fields);
  return fields;
}

const ConsultIntakeField *
consult_intake_schema_lookup (const char *path)
{
  g_return_val_if_fail (path != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_str_equal (fields[i].path, path))
      return &fields[i];

  return NULL;
}

const char *
consult_intake_field_get_label (const ConsultIntakeField *field)
{
  g_return_val_if_fail (field != NULL, NULL);

  return _(field->label);
}

const char *
consult_intake_field_get_hint (const ConsultIntakeField *field)
{
  g_return_val_if_fail (field != NULL, NULL);

  return _(field->hint);
}

const GVariantType *
consult_intake_field_get_value_type (const ConsultIntakeField *field)
{
  g_return_val_if_fail (field != NULL, NULL);

  switch (field->kind)
    {
    case CONSULT_INTAKE_FIELD_BOOLEAN:
      return G_VARIANT_TYPE_BOOLEAN;
    case CONSULT_INTAKE_FIELD_INTEGER:
      return G_VARIANT_TYPE_INT32;
    case CONSULT_INTAKE_FIELD_ENUM_LIST:
    case CONSULT_INTAKE_FIELD_TREATMENT_LIST:
      return G_VARIANT_TYPE_STRING_ARRAY;
    case CONSULT_INTAKE_FIELD_ENUM:
    case CONSULT_INTAKE_FIELD_DATE:
    case CONSULT_INTAKE_FIELD_STRING:
    default:
      return G_VARIANT_TYPE_STRING;
    }
}

gboolean
consult_intake_field_is_list (const ConsultIntakeField *field)
{
  g_return_val_if_fail (field != NULL, FALSE);

  return field->kind == CONSULT_INTAKE_FIELD_ENUM_LIST ||
         field->kind == CONSULT_INTAKE_FIELD_TREATMENT_LIST;
}

/* Whether @value is one of the field's fixed values (for a list, one of
 * its items' values). The catalogue uses it to refuse rules that test an
 * impossible value. */
gboolean
consult_intake_field_allows (const ConsultIntakeField *field,
                             const char               *value)
{
  g_return_val_if_fail (field != NULL, FALSE);

  return field->values != NULL && value != NULL && g_strv_contains (field->values, value);
}

/* A readable, translated description of what the field accepts, as in
 * "one of daily, sometimes, rarely". */
char *
consult_intake_field_describe_kind (const ConsultIntakeField *field)
{
  g_autofree char *values = NULL;

  g_return_val_if_fail (field != NULL, NULL);

  if (field->values != NULL)
    values = g_strjoinv (", ", (char **) field->values);

  switch (field->kind)
    {
    case CONSULT_INTAKE_FIELD_BOOLEAN:
      return g_strdup (_("true or false"));
    case CONSULT_INTAKE_FIELD_INTEGER:
      return g_strdup_printf (_("an integer from %d to %d"), field->minimum, field->maximum);
    case CONSULT_INTAKE_FIELD_ENUM:
      return g_strdup_printf (_("one of %s"), values);
    case CONSULT_INTAKE_FIELD_DATE:
      return g_strdup (_("a date as YYYY-MM-DD"));
    case CONSULT_INTAKE_FIELD_ENUM_LIST:
      return g_strdup_printf (_("a list of distinct values from %s"), values);
    case CONSULT_INTAKE_FIELD_TREATMENT_LIST:
      return g_strdup (_("a list of distinct treatment ids"));
    case CONSULT_INTAKE_FIELD_STRING:
    default:
      return g_strdup_printf (_("text of at most %u bytes"), (guint) field->max_length);
    }
}

/* Quotes a found value for a message: short, and without control
 * characters, whatever the input was. */
char *
_consult_intake_quote (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  GString *quoted = g_string_new ("\"");
  const guint max_chars = 40;
  guint n_chars = 0;

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (++n_chars > max_chars)
        {
          g_string_append (quoted, "…");
          break;
        }

      if (c < 0x20 || c == 0x7f)
        g_string_append_printf (quoted, "\\u%04x", c);
      else
        g_string_append_unichar (quoted, c);
    }

  g_string_append_c (quoted, '"');
  return g_string_free (quoted, FALSE);
}

void
_consult_intake_add_mismatch (GPtrArray                *problems,
                              const char               *path,
                              const ConsultIntakeField *field,
                              const char               *found)
{
  g_autofree char *expected = consult_intake_field_describe_kind (field);

  /* TRANSLATORS: the first %s says what a field accepts ("one of daily,
   * sometimes, rarely"), the second what the document holds ("\"often\"") */
  consult_intake_problems_add (problems, path, _("expected %s; got %s"), expected, found);
}

static void
add_item_mismatch (GPtrArray                *problems,
                   const char               *path,
                   const ConsultIntakeField *field,
                   const char               *found)
{
  g_autofree char *values = g_strjoinv (", ", (char **) field->values);
  g_autofree char *expected = g_strdup_printf (_("one of %s"), values);

  consult_intake_problems_add (problems, path, _("expected %s; got %s"), expected, found);
}

static gboolean
check_list (const ConsultIntakeField *field,
            GVariant                 *value,
            GPtrArray                *problems)
{
  g_autofree const char **items = g_variant_get_strv (value, NULL);
  gboolean valid = TRUE;

  for (guint i = 0; items[i] != NULL; i++)
    {
      g_autofree char *path = g_strdup_printf ("%s[%u]", field->path, i);
      g_autofree char *quoted = _consult_intake_quote (items[i]);

      if (!g_strv_contains (field->values, items[i]))
        {
          if (field->kind == CONSULT_INTAKE_FIELD_TREATMENT_LIST)
            consult_intake_problems_add (problems, path, _("unknown treatment id %s"), quoted);
          else
            add_item_mismatch (problems, path, field, quoted);
          valid = FALSE;
          continue;
        }

      for (guint j = 0; j < i; j++)
        if (g_str_equal (items[j], items[i]))
          {
            consult_intake_problems_add (problems, path, _("%s is listed more than once"), quoted);
            valid = FALSE;
            break;
          }
    }

  return valid;
}

static gboolean
check_scalar (const ConsultIntakeField *field,
              GVariant                 *value,
              GPtrArray                *problems)
{
  g_autofree char *found = NULL;
  const char *text;
  gsize length;

  if (field->kind == CONSULT_INTAKE_FIELD_BOOLEAN)
    return TRUE;

  if (field->kind == CONSULT_INTAKE_FIELD_INTEGER)
    {
      gint32 number = g_variant_get_int32 (value);

      if (number >= field->minimum && number <= field->maximum)
        return TRUE;

      found = g_strdup_printf ("%d", number);
      _consult_intake_add_mismatch (problems, field->path, field, found);
      return FALSE;
    }

  text = g_variant_get_string (value, &length);

  if ((field->kind == CONSULT_INTAKE_FIELD_ENUM && !g_strv_contains (field->values, text)) ||
      (field->kind == CONSULT_INTAKE_FIELD_DATE && !consult_date_is_valid_iso (text)))
    {
      found = _consult_intake_quote (text);
      _consult_intake_add_mismatch (problems, field->path, field, found);
      return FALSE;
    }

  if (field->kind == CONSULT_INTAKE_FIELD_STRING && length > field->max_length)
    {
      found = g_strdup_printf (_("%u bytes"), (guint) MIN (length, G_MAXUINT));
      _consult_intake_add_mismatch (problems, field->path, field, found);
      return FALSE;
    }

  if (field->required && length == 0)
    {
      consult_intake_problems_add (problems, field->path, "%s", _("must not be empty"));
      return FALSE;
    }

  return TRUE;
}

/**
 * consult_intake_field_check_value:
 * @field: a field of the schema
 * @value: a value for it
 * @problems: (nullable) (element-type ConsultIntakeProblem): where to add
 *   what is wrong
 *
 * Checks @value against the field's type, range, allowed values, date
 * syntax, length and uniqueness rules. Cross-field rules (a stop date
 * required by "stopped") belong to consult_intake_validate().
 *
 * Returns: %TRUE when @value is acceptable.
 */
gboolean
consult_intake_field_check_value (const ConsultIntakeField *field,
                                  GVariant                 *value,
                                  GPtrArray                *problems)
{
  g_return_val_if_fail (field != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  if (!g_variant_is_of_type (value, consult_intake_field_get_value_type (field)))
    {
      _consult_intake_add_mismatch (problems, field->path, field, g_variant_get_type_string (value));
      return FALSE;
    }

  if (consult_intake_field_is_list (field))
    return check_list (field, value, problems);

  return check_scalar (field, value, problems);
}
