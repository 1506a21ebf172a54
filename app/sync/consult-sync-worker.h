/* consult-sync-worker.h
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "consult-catalogue.h"
#include "consult-fhir-client.h"
#include "consult-store.h"
#include "consult-sync-settings.h"

G_BEGIN_DECLS

/* What one run did.  Times are microseconds since the epoch, as in the
 * store. */
typedef struct
{
  guint   n_sent;
  guint   n_retrying;       /* rescheduled by this run */
  guint   n_failed;         /* refused by this run; a person must act */
  gint64  next_attempt_at;  /* the earliest pending entry's next attempt after the run, 0 none */
  char   *first_error;      /* the first failure's message, for a person, or NULL */
} ConsultSyncReport;

void consult_sync_report_free (ConsultSyncReport *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConsultSyncReport, consult_sync_report_free)

/* The retry policy, pure so it can be tested: the delay in seconds after
 * the @attempts-th failed attempt (1 for the first), "full jitter": a
 * uniformly random delay from 1 s up to a ceiling that starts at 30 s and
 * doubles with each attempt, capped at one hour.  @random is a number
 * from [0, 1). */
#define CONSULT_SYNC_BACKOFF_BASE_SECONDS 30
#define CONSULT_SYNC_BACKOFF_MAX_SECONDS  3600
/* A server's Retry-After is honoured up to this. */
#define CONSULT_SYNC_RETRY_AFTER_MAX_SECONDS (24 * 3600)

gint64 consult_sync_backoff_delay (guint   attempts,
                                   gdouble random);

#define CONSULT_TYPE_SYNC_WORKER (consult_sync_worker_get_type ())

G_DECLARE_FINAL_TYPE (ConsultSyncWorker, consult_sync_worker, CONSULT, SYNC_WORKER, GObject)

/* Sends the store's FHIR outbox to the clinic's server.  Thread-safe: the
 * settings may change while a run goes on (the run keeps the ones it
 * started with).  The store is only called between network requests, never
 * held across one.
 *
 * Runs never overlap: a run that starts while another is going waits for
 * it and then runs too, so entries made due meanwhile ("Send now") go out
 * at once; a third that comes while one runs and one waits fails at once
 * with G_IO_ERROR_PENDING (the waiting run will send what it would have).
 *
 * A run reads /metadata once to choose between one transaction per plan
 * version and, for servers without transactions, one request per
 * resource.  Then, for each due entry, oldest first: build its Bundle from
 * the store's current records, send it, and record the outcome:
 *  - accepted: the entry is sent and the server's ids are stored;
 *  - refused (401/403, other 4xx, an untrusted certificate, a record that
 *    cannot be mapped): the entry fails with the text a person should see,
 *    and the run goes on with the next one;
 *  - unreachable or busy (network errors, 408, 429, 500, 502, 503, 504):
 *    the run stops, because the other entries would meet the same server.
 *    This entry and every other due one are rescheduled to the same next
 *    attempt: now + Retry-After when the server sent one (up to a day),
 *    otherwise consult_sync_backoff_delay() of this entry's attempts.
 *  - superseded by a newer write before or while it was sent: dropped;
 *    the newer entry carries the newer content.
 * A failure of /metadata itself applies to every due entry the same way.
 *
 * Properties: "store", "catalogue" (construct-only); "random-seed" (0:
 * unpredictable; anything else makes the backoff's jitter repeatable, for
 * tests). */

ConsultSyncWorker *consult_sync_worker_new           (ConsultStore              *store,
                                                      ConsultCatalogue          *catalogue);
/* NULL: not configured; a run then fails with
 * CONSULT_SYNC_ERROR_NOT_CONFIGURED and touches nothing. */
void               consult_sync_worker_set_settings  (ConsultSyncWorker         *self,
                                                      const ConsultSyncSettings *settings);

/* For the clients of later runs: CONSULT_FHIR_TIMEOUTS_DEFAULT unless
 * set (tests shorten them). */
void               consult_sync_worker_set_timeouts  (ConsultSyncWorker         *self,
                                                      const ConsultFhirTimeouts *timeouts);

/* Sends every entry due at @now (microseconds since the epoch) once.
 * Blocking: for the CLI and the worker thread.  Returns NULL with an error
 * only when the run could not go on at all (not configured, invalid
 * settings, a store failure, cancelled, G_IO_ERROR_PENDING); failures of
 * entries are in the report. */
ConsultSyncReport *consult_sync_worker_run           (ConsultSyncWorker         *self,
                                                      gint64                     now,
                                                      GCancellable              *cancellable,
                                                      GError                   **error);
/* The same in a GTask thread, with the current time. */
void               consult_sync_worker_run_async     (ConsultSyncWorker         *self,
                                                      GCancellable              *cancellable,
                                                      GAsyncReadyCallback        callback,
                                                      gpointer                   user_data);
ConsultSyncReport *consult_sync_worker_run_finish    (ConsultSyncWorker         *self,
                                                      GAsyncResult              *result,
                                                      GError                   **error);
/* Whether a run is going on or waiting (any thread). */
gboolean           consult_sync_worker_is_running    (ConsultSyncWorker         *self);

/* "Test connection": reads /metadata with @settings (not necessarily the
 * worker's); on success returns a one-line description for a person:
 * the server software's name and version, the FHIR version, and whether
 * it takes transactions. */
void               consult_sync_worker_test_connection_async  (ConsultSyncWorker         *self,
                                                               const ConsultSyncSettings *settings,
                                                               GCancellable              *cancellable,
                                                               GAsyncReadyCallback        callback,
                                                               gpointer                   user_data);
char              *consult_sync_worker_test_connection_finish (ConsultSyncWorker         *self,
                                                               GAsyncResult              *result,
                                                               GError                   **error);

G_END_DECLS
