/* consult-intake-values.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "consult-intake-values.h"

typedef struct
{
  const char *path;
  const char *value;
  const char *label;
  const char *description;
} ValueLabel;

static const ValueLabel value_labels[] = {
  { "client.sex", "female", N_("Female"), NULL },
  { "client.sex", "male", N_("Male"), NULL },
  { "client.sex", "other", N_("Other"), NULL },
  { "client.sex", "unknown", N_("Not stated"), NULL },

  { "fitzpatrick", "1", N_("Type I"), N_("Very fair; always burns, never tans") },
  { "fitzpatrick", "2", N_("Type II"), N_("Fair; usually burns, tans with difficulty") },
  { "fitzpatrick", "3", N_("Type III"), N_("Medium; sometimes burns, tans gradually") },
  { "fitzpatrick", "4", N_("Type IV"), N_("Olive; rarely burns, tans easily") },
  { "fitzpatrick", "5", N_("Type V"), N_("Brown; very rarely burns, tans darkly") },
  { "fitzpatrick", "6", N_("Type VI"), N_("Deeply pigmented dark brown to black; never burns") },

  { "concerns", "dullness", N_("Dullness"), N_("Skin looks tired, lacks glow") },
  { "concerns", "dehydration", N_("Dehydration"), N_("Tight, dry-feeling skin") },
  { "concerns", "dynamic_wrinkles", N_("Expression lines"), N_("Forehead, frown lines, crow’s feet") },
  { "concerns", "fine_lines", N_("Fine lines"), N_("Fine creasing at rest") },
  { "concerns", "pigment", N_("Pigment and sun spots"), N_("Brown spots, uneven tone, sun damage") },
  { "concerns", "melasma", N_("Melasma"), N_("Patchy brown pigment, often hormonal") },
  { "concerns", "redness_vessels", N_("Redness and vessels"), N_("Persistent redness, broken capillaries") },
  { "concerns", "acne_active", N_("Active acne"), N_("Current breakouts") },
  { "concerns", "acne_scarring", N_("Acne scars"), N_("Rolling, boxcar or icepick scars") },
  { "concerns", "texture_pores", N_("Texture and pores"), N_("Rough texture, enlarged pores") },
  { "concerns", "volume_loss", N_("Volume loss"), N_("Hollowing of cheeks, temples or under-eyes") },
  { "concerns", "laxity", N_("Skin laxity"), N_("Loosening and sagging skin") },
  { "concerns", "unwanted_hair", N_("Unwanted hair"), N_("Hair removal") },

  { "reactivity", "none", N_("Not reactive"), N_("Tolerates most products") },
  { "reactivity", "mild", N_("Mildly reactive"), N_("Occasional stinging or redness") },
  { "reactivity", "moderate", N_("Moderately reactive"), N_("Often reacts to new products") },
  { "reactivity", "high", N_("Highly reactive"), N_("Reacts to most actives; not ready for correction") },

  { "sun.exposure", "low", N_("Low"), N_("Mostly indoors") },
  { "sun.exposure", "moderate", N_("Moderate"), N_("Some time outdoors most days") },
  { "sun.exposure", "high", N_("High"), N_("Outdoors daily, or strong local sun") },

  { "sun.sunscreen", "daily", N_("Every day"), NULL },
  { "sun.sunscreen", "sometimes", N_("Some days"), NULL },
  { "sun.sunscreen", "rarely", N_("Rarely or never"), NULL },

  { "pregnancy", "none", N_("Not pregnant"), NULL },
  { "pregnancy", "trying", N_("Trying to conceive"), NULL },
  { "pregnancy", "pregnant", N_("Pregnant"), NULL },
  { "pregnancy", "breastfeeding", N_("Breastfeeding"), NULL },

  { "melasma", "none", N_("Never"), NULL },
  { "melasma", "past", N_("In the past"), NULL },
  { "melasma", "active", N_("Active now"), NULL },

  { "medical.isotretinoin", "never", N_("Never taken"), NULL },
  { "medical.isotretinoin", "current", N_("Taking it now"), NULL },
  { "medical.isotretinoin", "stopped", N_("Stopped"), NULL },

  { "preferences.downtime", "none", N_("None"), N_("Must look normal the next day") },
  { "preferences.downtime", "short", N_("Short"), N_("Up to 3 days of redness or peeling") },
  { "preferences.downtime", "extended", N_("Extended"), N_("A week or more is acceptable") },
};

static const ValueLabel *
lookup (const char *path,
        const char *value)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (value != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (value_labels); i++)
    if (g_str_equal (value_labels[i].path, path) && g_str_equal (value_labels[i].value, value))
      return &value_labels[i];

  return NULL;
}

const char *
consult_intake_value_get_label (const char *path,
                                const char *value)
{
  const ValueLabel *entry = lookup (path, value);

  return entry != NULL ? _(entry->label) : NULL;
}

const char *
consult_intake_value_get_description (const char *path,
                                      const char *value)
{
  const ValueLabel *entry = lookup (path, value);

  return entry != NULL && entry->description != NULL ? _(entry->description) : NULL;
}
