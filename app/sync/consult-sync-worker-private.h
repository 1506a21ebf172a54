/* consult-sync-worker-private.h
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "consult-fhir-client.h"
#include "consult-sync-worker.h"

G_BEGIN_DECLS

/* consult-sync-worker.c */
ConsultStore      *_consult_sync_worker_get_store     (ConsultSyncWorker         *self);
ConsultCatalogue  *_consult_sync_worker_get_catalogue (ConsultSyncWorker         *self);
/* A number from [0, 1) from the worker's own generator. */
gdouble            _consult_sync_worker_random        (ConsultSyncWorker         *self);

/* consult-sync-run.c: one run over the due entries, with @client made
 * from @settings. */
ConsultSyncReport *_consult_sync_run                  (ConsultSyncWorker         *self,
                                                       const ConsultSyncSettings *settings,
                                                       ConsultFhirClient         *client,
                                                       gint64                     now,
                                                       GCancellable              *cancellable,
                                                       GError                   **error);

G_END_DECLS
