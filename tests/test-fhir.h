/* test-fhir.h
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "consult-fhir.h"
#include "consult-test.h"

G_BEGIN_DECLS

#define TEST_FHIR_SYSTEM "https://clinic.example.org/fhir/ids"
#define TEST_FHIR_PHYSICIAN "Dr. Helen Park"

/* Shared by the fhir test program's files. */

/* Saves the intake @fixture (tests/fixtures/intake) and its plan in
 * @store; signs the plan and records a consent when @signed_with_consent;
 * returns the records the Bundle is made from. */
ConsultFhirRecords *test_fhir_save_seed     (ConsultStore       *store,
                                             const char         *fixture,
                                             gboolean            signed_with_consent);
/* The Bundle under TEST_FHIR_SYSTEM at a fixed time. */
JsonNode           *test_fhir_bundle        (const ConsultFhirRecords *records);
/* The first entry whose resource is a @type, or NULL. */
JsonObject         *test_fhir_entry         (JsonNode           *bundle,
                                             const char         *type);
JsonObject         *test_fhir_resource      (JsonNode           *bundle,
                                             const char         *type);

TCase              *test_fhir_seeds_case    (void);

G_END_DECLS
