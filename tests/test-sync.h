/* test-sync.h
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "consult-store-outbox.h"
#include "consult-sync-worker.h"
#include "consult-test.h"
#include "consult-test-fhir-server.h"

G_BEGIN_DECLS

#define TEST_SYNC_SYSTEM "https://clinic.example.org/fhir/ids"

/* Shared by the sync test program's files: one FHIR test server, one
 * store in a private folder holding one seed consultation, and a worker
 * pointed at the server. */
typedef struct
{
  ConsultTestFhirServer *server;
  char                  *dir;
  ConsultStore          *store;
  ConsultSyncWorker     *worker;
  ConsultSyncSettings   *settings;
  char                  *client_id;
  char                  *consultation_id;
  char                  *plan_id;
} TestSync;

/* Starts the server and saves seed-2 (signed with a consent when
 * @signed_with_consent); the worker's jitter is seeded. */
void                     test_sync_init           (TestSync         *fixture,
                                                   gboolean          signed_with_consent);
void                     test_sync_clear          (TestSync         *fixture);
/* Closes the store and the worker and opens new ones on the same file,
 * as when the application restarts. */
void                     test_sync_restart        (TestSync         *fixture);
void                     test_sync_command        (TestSync         *fixture,
                                                   const char       *command);
ConsultSyncReport       *test_sync_run            (TestSync         *fixture,
                                                   gint64            now);
/* The consultation's outbox entry that gives its sync state. */
ConsultStoreOutboxEntry *test_sync_entry          (TestSync         *fixture);
/* How many requests the server has received so far. */
guint                    test_sync_count_requests (TestSync         *fixture);
/* Saves the draft again unchanged: the plan version is queued anew. */
void                     test_sync_touch_draft    (TestSync         *fixture);

/* Starts a new draft version from the signed plan: queued too. */
void                     test_sync_amend          (TestSync         *fixture);
/* The client's details, which must never be logged. */
GStrv                    test_sync_patient_data   (TestSync         *fixture);

/* Every message logged so far in this test's process, all levels. */
char                    *test_sync_log            (void);

/* test-sync-faults.c */
TCase                   *test_sync_faults_case    (void);

G_END_DECLS
