/* consult-catalogue-treatment.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-catalogue"

#include "config.h"

#include "consult-catalogue-private.h"

/* Accessors of the catalogue's treatments and rules; texts come back
 * translated (consult-catalogue.h). */

const char *
consult_treatment_get_id (const ConsultTreatment *treatment)
{
  g_return_val_if_fail (treatment != NULL, NULL);
  return treatment->id;
}

const char *
consult_treatment_get_name (const ConsultTreatment *treatment)
{
  g_return_val_if_fail (treatment != NULL, NULL);
  return _consult_catalogue_translate (treatment->name);
}

const char *
consult_treatment_get_summary (const ConsultTreatment *treatment)
{
  g_return_val_if_fail (treatment != NULL, NULL);
  return _consult_catalogue_translate (treatment->summary);
}

const char *
consult_treatment_get_expectations (const ConsultTreatment *treatment)
{
  g_return_val_if_fail (treatment != NULL, NULL);
  return _consult_catalogue_translate (treatment->expect);
}

const char *
consult_treatment_get_preparation (const ConsultTreatment *treatment)
{
  g_return_val_if_fail (treatment != NULL, NULL);
  return _consult_catalogue_translate (treatment->preparation);
}

const char *
consult_treatment_get_aftercare (const ConsultTreatment *treatment)
{
  g_return_val_if_fail (treatment != NULL, NULL);
  return _consult_catalogue_translate (treatment->aftercare);
}

guint
consult_treatment_get_phase (const ConsultTreatment *treatment)
{
  g_return_val_if_fail (treatment != NULL, 0);
  return treatment->phase;
}

guint
consult_treatment_get_allowed_phases (const ConsultTreatment *treatment)
{
  g_return_val_if_fail (treatment != NULL, 0);
  return treatment->allowed_phases;
}

gboolean
consult_treatment_is_energy_based (const ConsultTreatment *treatment)
{
  g_return_val_if_fail (treatment != NULL, FALSE);
  return treatment->heat_or_light;
}

const char *
consult_treatment_get_depth (const ConsultTreatment *treatment)
{
  g_return_val_if_fail (treatment != NULL, NULL);
  return treatment->depth;
}

const char *
consult_treatment_get_pregnancy_safety (const ConsultTreatment *treatment)
{
  g_return_val_if_fail (treatment != NULL, NULL);
  return treatment->pregnancy;
}

const char *
consult_treatment_get_dark_skin_suitability (const ConsultTreatment *treatment)
{
  g_return_val_if_fail (treatment != NULL, NULL);
  return treatment->dark_skin;
}

const char *
consult_treatment_get_melasma_risk (const ConsultTreatment *treatment)
{
  g_return_val_if_fail (treatment != NULL, NULL);
  return treatment->melasma_risk;
}

guint
consult_treatment_get_sessions (const ConsultTreatment *treatment)
{
  g_return_val_if_fail (treatment != NULL, 0);
  return treatment->sessions;
}

guint
consult_treatment_get_interval_weeks (const ConsultTreatment *treatment)
{
  g_return_val_if_fail (treatment != NULL, 0);
  return treatment->interval_weeks;
}

guint
consult_treatment_get_downtime_days (const ConsultTreatment *treatment)
{
  g_return_val_if_fail (treatment != NULL, 0);
  return treatment->downtime_days;
}

ConsultDowntime
consult_treatment_get_downtime (const ConsultTreatment *treatment)
{
  g_return_val_if_fail (treatment != NULL, CONSULT_DOWNTIME_NONE);
  return treatment->downtime;
}

ConsultPerformer
consult_treatment_get_performer (const ConsultTreatment *treatment)
{
  g_return_val_if_fail (treatment != NULL, CONSULT_PERFORMER_PHYSICIAN);
  return treatment->performer;
}

const char * const *
consult_treatment_get_indications (const ConsultTreatment *treatment)
{
  g_return_val_if_fail (treatment != NULL, NULL);
  return (const char * const *) treatment->indications;
}

const char *
consult_rule_get_id (const ConsultRule *rule)
{
  g_return_val_if_fail (rule != NULL, NULL);
  return rule->id;
}

const char *
consult_rule_get_title (const ConsultRule *rule)
{
  g_return_val_if_fail (rule != NULL, NULL);
  return _consult_catalogue_translate (rule->title);
}

const char *
consult_rule_get_rationale (const ConsultRule *rule)
{
  g_return_val_if_fail (rule != NULL, NULL);
  return _consult_catalogue_translate (rule->rationale);
}

const char * const *
consult_rule_get_sources (const ConsultRule *rule)
{
  g_return_val_if_fail (rule != NULL, NULL);
  return (const char * const *) rule->sources;
}

const char * const *
consult_rule_get_treatments (const ConsultRule *rule)
{
  g_return_val_if_fail (rule != NULL, NULL);
  return (const char * const *) rule->treatments;
}

const char *
consult_rule_get_condition_json (const ConsultRule *rule)
{
  g_return_val_if_fail (rule != NULL, NULL);
  return rule->when_json;
}

const char *
consult_rule_get_effects_json (const ConsultRule *rule)
{
  g_return_val_if_fail (rule != NULL, NULL);
  return rule->then_json;
}
