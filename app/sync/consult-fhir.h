/* consult-fhir.h
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "consult-catalogue.h"
#include "consult-store-clients.h"
#include "consult-store-consents.h"
#include "consult-store-consultations.h"
#include "consult-store-plans.h"

G_BEGIN_DECLS

/* The identifier system used when the clinic has not configured one. */
#define CONSULT_FHIR_DEFAULT_IDENTIFIER_SYSTEM "urn:medspa-consult:records"

/* Where the application's own canonical URLs (the intake Questionnaire,
 * its answer code systems, the consent texts) live. */
#define CONSULT_FHIR_CANONICAL_BASE "https://medspa-consult.github.io/fhir"

/* Everything one plan version's Bundle is made from, as stored. */
typedef struct
{
  ConsultStoreClient       *client;
  ConsultStoreConsultation *consultation;
  ConsultStorePlanVersion  *plan;
  GPtrArray                *consents;  /* of ConsultStoreConsent */
} ConsultFhirRecords;

ConsultFhirRecords *consult_fhir_records_load          (ConsultStore              *store,
                                                        const char                *plan_id,
                                                        GError                   **error);
void                consult_fhir_records_free          (ConsultFhirRecords        *records);

/* The intake Questionnaire (every field of consult-intake-schema.h) and
 * its versioned canonical, "URL|VERSION". */
JsonNode           *consult_fhir_questionnaire_new     (ConsultCatalogue          *catalogue);
char               *consult_fhir_questionnaire_canonical (ConsultCatalogue        *catalogue);

/* The transaction Bundle for one plan version: Patient (conditional
 * create), Questionnaire (update by url and version),
 * QuestionnaireResponse and CarePlan (conditional updates by identifier)
 * and a Consent per recorded consent.  Record ids become identifiers
 * under @identifier_system (an absolute URI); @timestamp is the Bundle's. */
JsonNode           *consult_fhir_bundle_new            (const ConsultFhirRecords  *records,
                                                        ConsultCatalogue          *catalogue,
                                                        const char                *identifier_system,
                                                        GDateTime                 *timestamp,
                                                        GError                   **error);

/* Pretty-printed JSON, members in the order they were built. */
char               *consult_fhir_to_string             (JsonNode                  *node);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConsultFhirRecords, consult_fhir_records_free)

G_END_DECLS
