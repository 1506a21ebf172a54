/* consult-treatments.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-treatments"

#include "config.h"

#include "consult-treatments.h"
#include "consult-treatments-private.h"

/* Public contract (interchange v1): ids are never renamed or removed
 * without bumping the format's version. */
const char * const _consult_treatment_ids[] = {
  "spf",
  "barrier-repair",
  "hydroquinone",
  "azelaic-acid",
  "tranexamic-acid-oral",
  "tranexamic-acid-topical",
  "retinoid",
  "vitamin-c",
  "kojic-acid",
  "peel-superficial",
  "peel-medium",
  "peel-deep",
  "microdermabrasion",
  "hydrafacial",
  "microneedling",
  "rf-microneedling",
  "laser-nonablative-fractional",
  "laser-ablative-fractional",
  "ipl",
  "vascular-laser",
  "pigment-laser",
  "laser-hair-nd-yag",
  "laser-hair-diode",
  "laser-hair-alexandrite",
  "neuromodulator",
  "ha-filler",
  "biostimulator",
  "skin-tightening",
  "led",
  "facial",
  NULL
};

const char * const _consult_concern_ids[] = {
  "dullness",
  "dehydration",
  "dynamic_wrinkles",
  "fine_lines",
  "pigment",
  "melasma",
  "redness_vessels",
  "acne_active",
  "acne_scarring",
  "texture_pores",
  "volume_loss",
  "laxity",
  "unwanted_hair",
  NULL
};

const char * const *
consult_treatment_ids (void)
{
  return _consult_treatment_ids;
}

gboolean
consult_treatment_id_is_known (const char *id)
{
  return id != NULL && g_strv_contains (_consult_treatment_ids, id);
}

const char * const *
consult_concern_ids (void)
{
  return _consult_concern_ids;
}

gboolean
consult_concern_is_known (const char *concern)
{
  return concern != NULL && g_strv_contains (_consult_concern_ids, concern);
}
