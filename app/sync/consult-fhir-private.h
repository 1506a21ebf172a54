/* consult-fhir-private.h
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "consult-fhir.h"
#include "consult-intake.h"
#include "consult-intake-schema.h"
#include "consult-plan.h"

G_BEGIN_DECLS

/* What the resources of one Bundle refer to each other by. */
typedef struct
{
  const char *system;
  const char *patient_url;
  const char *response_url;
  const char *care_plan_url;
  const char *questionnaire;   /* versioned canonical */
} ConsultFhirLinks;

/* consult-fhir.c */
char       *_consult_fhir_full_url            (const char         *resource_type,
                                               const char         *key);
JsonObject *_consult_fhir_add_object          (JsonObject         *parent,
                                               const char         *member);
JsonArray  *_consult_fhir_add_array           (JsonObject         *parent,
                                               const char         *member);
JsonObject *_consult_fhir_append_object       (JsonArray          *array);
void        _consult_fhir_set_reference       (JsonObject         *parent,
                                               const char         *member,
                                               const char         *full_url);
JsonObject *_consult_fhir_identifier_new       (const char         *system,
                                               const char         *value);
void        _consult_fhir_add_identifier      (JsonObject         *resource,
                                               const char         *system,
                                               const char         *value);
void        _consult_fhir_add_coding          (JsonObject         *concept,
                                               const char         *system,
                                               const char         *code,
                                               const char         *display);
char       *_consult_fhir_format_time         (gint64              unix_usec);

/* consult-fhir-questionnaire.c */
char       *_consult_fhir_answer_system       (const ConsultIntakeField *field);
const char *_consult_fhir_answer_display      (const ConsultIntakeField *field,
                                               ConsultCatalogue         *catalogue,
                                               const char               *code);

/* consult-fhir-response.c */
JsonObject *_consult_fhir_response_new        (ConsultIntake            *intake,
                                               ConsultCatalogue         *catalogue,
                                               const ConsultStoreConsultation *consultation,
                                               const ConsultFhirLinks   *links);

/* consult-fhir-patient.c */
JsonObject *_consult_fhir_patient_new         (const ConsultStoreClient *client,
                                               const ConsultFhirLinks   *links);
JsonObject *_consult_fhir_consent_new         (const ConsultStoreConsent *consent,
                                               const ConsultFhirLinks    *links);

/* consult-fhir-care-plan.c */
JsonObject *_consult_fhir_care_plan_new       (const ConsultStorePlanVersion *version,
                                               ConsultPlan                   *plan,
                                               ConsultCatalogue              *catalogue,
                                               const ConsultFhirLinks        *links);

G_END_DECLS
