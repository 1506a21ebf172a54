/* consult-catalogue.h
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "consult-plan.h"

G_BEGIN_DECLS

#define CONSULT_CATALOGUE_ERROR (consult_catalogue_error_quark ())

typedef enum
{
  CONSULT_CATALOGUE_ERROR_PARSE,    /* not JSON, or not readable */
  CONSULT_CATALOGUE_ERROR_INVALID,  /* JSON, but not a valid catalogue */
} ConsultCatalogueError;

GQuark consult_catalogue_error_quark (void);

typedef enum
{
  CONSULT_DOWNTIME_NONE,
  CONSULT_DOWNTIME_SHORT,     /* up to 3 days */
  CONSULT_DOWNTIME_EXTENDED,
} ConsultDowntime;

const char *consult_downtime_to_string (ConsultDowntime downtime);

/* Treatments and rules are owned by their catalogue and live as long as
 * it does. Text getters return the text translated into the current
 * locale (GETTEXT_PACKAGE), or the catalogue's English when no
 * translation exists, as for a clinic's own catalogue. */
typedef struct _ConsultTreatment ConsultTreatment;
typedef struct _ConsultRule      ConsultRule;

const char        *consult_treatment_get_id                  (const ConsultTreatment *treatment);
const char        *consult_treatment_get_name                (const ConsultTreatment *treatment);
const char        *consult_treatment_get_summary             (const ConsultTreatment *treatment);
const char        *consult_treatment_get_expectations        (const ConsultTreatment *treatment);
const char        *consult_treatment_get_preparation         (const ConsultTreatment *treatment);
const char        *consult_treatment_get_aftercare           (const ConsultTreatment *treatment);
guint              consult_treatment_get_phase               (const ConsultTreatment *treatment);
/* A bit per allowed phase: 1 << 1, 1 << 2, 1 << 3. */
guint              consult_treatment_get_allowed_phases      (const ConsultTreatment *treatment);
gboolean           consult_treatment_is_energy_based         (const ConsultTreatment *treatment);
const char        *consult_treatment_get_depth               (const ConsultTreatment *treatment);
/* "yes", "no", "caution" or "unknown" (the catalogue's words). */
const char        *consult_treatment_get_pregnancy_safety    (const ConsultTreatment *treatment);
const char        *consult_treatment_get_dark_skin_suitability (const ConsultTreatment *treatment);
const char        *consult_treatment_get_melasma_risk        (const ConsultTreatment *treatment);
guint              consult_treatment_get_sessions            (const ConsultTreatment *treatment);
guint              consult_treatment_get_interval_weeks      (const ConsultTreatment *treatment);
guint              consult_treatment_get_downtime_days       (const ConsultTreatment *treatment);
ConsultDowntime    consult_treatment_get_downtime            (const ConsultTreatment *treatment);
ConsultPerformer   consult_treatment_get_performer           (const ConsultTreatment *treatment);
/* The concerns it treats (interchange concern names), NULL-terminated. */
const char * const *consult_treatment_get_indications        (const ConsultTreatment *treatment);

const char        *consult_rule_get_id                       (const ConsultRule      *rule);
const char        *consult_rule_get_title                    (const ConsultRule      *rule);
const char        *consult_rule_get_rationale                (const ConsultRule      *rule);
/* Source keys of CLINICAL.md ("L-BTX", "seed 003"), NULL-terminated. */
const char * const *consult_rule_get_sources                 (const ConsultRule      *rule);
/* Every treatment id its effects touch (groups expanded), in catalogue
 * order, NULL-terminated. */
const char * const *consult_rule_get_treatments              (const ConsultRule      *rule);
/* The rule's `when` and `then` as written in the catalogue (compact JSON),
 * for documentation and review. */
const char        *consult_rule_get_condition_json           (const ConsultRule      *rule);
const char        *consult_rule_get_effects_json             (const ConsultRule      *rule);

#define CONSULT_TYPE_CATALOGUE (consult_catalogue_get_type ())

G_DECLARE_FINAL_TYPE (ConsultCatalogue, consult_catalogue, CONSULT, CATALOGUE, GObject)

/* The catalogue in effect: the first catalogue.json found in
 * $XDG_CONFIG_HOME/medspa-consult/, each system config dir's
 * medspa-consult/ and SYSCONFDIR/medspa-consult/ replaces the built-in
 * default. A file that is present but invalid is an error, never a
 * silent fallback. */
ConsultCatalogue       *consult_catalogue_load                (GError           **error);
ConsultCatalogue       *consult_catalogue_new_default         (GError           **error);
ConsultCatalogue       *consult_catalogue_new_from_file       (const char        *path,
                                                               GError           **error);
/* @origin names the data in error messages (a file name). */
ConsultCatalogue       *consult_catalogue_new_from_data       (const char        *data,
                                                               gssize             length,
                                                               const char        *origin,
                                                               GError           **error);
/* The override file consult_catalogue_load() would use, or NULL. */
char                   *consult_catalogue_find_override       (void);

const char             *consult_catalogue_get_version         (ConsultCatalogue  *self);
const char             *consult_catalogue_get_origin          (ConsultCatalogue  *self);

guint                   consult_catalogue_get_n_treatments    (ConsultCatalogue  *self);
const ConsultTreatment *consult_catalogue_get_treatment       (ConsultCatalogue  *self,
                                                               guint              index);
const ConsultTreatment *consult_catalogue_lookup_treatment    (ConsultCatalogue  *self,
                                                               const char        *id);
guint                   consult_catalogue_get_n_rules         (ConsultCatalogue  *self);
const ConsultRule      *consult_catalogue_get_rule            (ConsultCatalogue  *self,
                                                               guint              index);
const ConsultRule      *consult_catalogue_lookup_rule         (ConsultCatalogue  *self,
                                                               const char        *id);
/* Every translatable text of the catalogue, untranslated (the msgid), in
 * catalogue order; @where says where it is used ("treatment spf: name"). */
typedef void (*ConsultCatalogueTextFunc) (const char *where,
                                          const char *msgid,
                                          gpointer    user_data);

void                    consult_catalogue_foreach_text        (ConsultCatalogue  *self,
                                                               ConsultCatalogueTextFunc func,
                                                               gpointer           user_data);

/* The title of phase 1, 2 or 3, translated. */
const char             *consult_catalogue_get_phase_title     (ConsultCatalogue  *self,
                                                               guint              number);

G_END_DECLS
