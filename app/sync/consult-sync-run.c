/* consult-sync-run.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-sync"

#include "config.h"

#include <math.h>
#include <string.h>

#include "consult-fhir.h"
#include "consult-store-outbox.h"
#include "consult-sync-error.h"
#include "consult-sync-worker-private.h"

/* One run over the due outbox entries (the policy is in
 * consult-sync-worker.h).  The store is called between requests only;
 * each call takes the store's lock for itself, so the main thread is never
 * kept waiting for the network.  Log lines name entries by their ids and
 * outcomes by their codes: never a message, which may quote the server's
 * text about a record. */

typedef struct
{
  ConsultSyncWorker         *worker;
  ConsultStore              *store;
  const ConsultSyncSettings *settings;
  ConsultFhirClient         *client;
  GCancellable              *cancellable;
  gint64                     now;
  gboolean                   transactions;
  ConsultSyncReport         *report;
} SyncRun;

void
consult_sync_report_free (ConsultSyncReport *report)
{
  if (report == NULL)
    return;

  g_free (report->first_error);
  g_free (report);
}

gint64
consult_sync_backoff_delay (guint   attempts,
                            gdouble random)
{
  gint64 ceiling = CONSULT_SYNC_BACKOFF_BASE_SECONDS;

  g_return_val_if_fail (random >= 0.0 && random < 1.0, CONSULT_SYNC_BACKOFF_BASE_SECONDS);

  for (guint i = 1; i < attempts && ceiling < CONSULT_SYNC_BACKOFF_MAX_SECONDS; i++)
    ceiling *= 2;
  ceiling = MIN (ceiling, CONSULT_SYNC_BACKOFF_MAX_SECONDS);

  return 1 + (gint64) floor (random * (gdouble) ceiling);
}

static void
note_error (SyncRun    *run,
            const char *message)
{
  if (run->report->first_error == NULL)
    run->report->first_error = g_strdup (message);
}

/* A write that finds the entry superseded meanwhile has nothing to do:
 * the newer entry carries the newer content. */
static gboolean
ignore_conflict (const char  *entry_id,
                 GError      *local_error,
                 GError     **error)
{
  if (g_error_matches (local_error, CONSULT_STORE_ERROR, CONSULT_STORE_ERROR_CONFLICT))
    {
      g_debug ("Outbox entry %s was superseded while it was sent", entry_id);
      g_error_free (local_error);
      return TRUE;
    }

  g_propagate_error (error, local_error);
  return FALSE;
}

static gboolean
fail_entry (SyncRun                       *run,
            const ConsultStoreOutboxEntry *entry,
            guint                          status,
            const char                    *message,
            GError                       **error)
{
  GError *local_error = NULL;

  if (!consult_store_outbox_mark_failed (run->store, entry->id, status, message, &local_error))
    return ignore_conflict (entry->id, local_error, error);

  g_debug ("Outbox entry %s failed, HTTP %u", entry->id, status);
  run->report->n_failed++;
  note_error (run, message);
  return TRUE;
}

static gboolean
retry_entry (SyncRun                       *run,
             const ConsultStoreOutboxEntry *entry,
             gint64                         next_attempt_at,
             guint                          status,
             const char                    *message,
             GError                       **error)
{
  GError *local_error = NULL;

  if (!consult_store_outbox_schedule_retry (run->store, entry->id, next_attempt_at, status, message,
                                            &local_error))
    return ignore_conflict (entry->id, local_error, error);

  g_debug ("Outbox entry %s will be retried in %" G_GINT64_FORMAT " s, HTTP %u",
           entry->id, (next_attempt_at - run->now) / G_USEC_PER_SEC, status);
  run->report->n_retrying++;
  note_error (run, message);
  return TRUE;
}

static gint64
next_attempt (SyncRun                       *run,
              const ConsultStoreOutboxEntry *entry,
              const ConsultFhirResult       *result)
{
  gint64 delay;

  if (result->retry_after_seconds >= 0)
    delay = MIN (result->retry_after_seconds, CONSULT_SYNC_RETRY_AFTER_MAX_SECONDS);
  else
    delay = consult_sync_backoff_delay (entry->attempts + 1, _consult_sync_worker_random (run->worker));

  return run->now + delay * G_USEC_PER_SEC;
}

/* Gives entries @from… of @due the outcome @failure: the same next attempt
 * when it is worth retrying, failed otherwise. */
static gboolean
settle_rest (SyncRun                 *run,
             GPtrArray               *due,
             guint                    from,
             const GError            *failure,
             const ConsultFhirResult *result,
             GError                 **error)
{
  gboolean retry = consult_sync_error_is_retryable (failure);
  gint64 next_attempt_at = 0;

  if (retry)
    next_attempt_at = next_attempt (run, g_ptr_array_index (due, from), result);

  for (guint i = from; i < due->len; i++)
    {
      const ConsultStoreOutboxEntry *entry = g_ptr_array_index (due, i);
      gboolean ok = retry ? retry_entry (run, entry, next_attempt_at, result->status, failure->message, error)
                          : fail_entry (run, entry, result->status, failure->message, error);

      if (!ok)
        return FALSE;
    }

  return TRUE;
}

/* Our record id in @resource: its identifier (an array, or R4's single
 * Identifier of a QuestionnaireResponse) under the clinic's system. */
static const char *
record_id (JsonObject *resource,
           const char *system)
{
  JsonNode *node = json_object_get_member (resource, "identifier");
  JsonArray *identifiers;

  if (node == NULL)
    return NULL;

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *identifier = json_node_get_object (node);

      return g_strcmp0 (json_object_get_string_member_with_default (identifier, "system", NULL), system) == 0
             ? json_object_get_string_member_with_default (identifier, "value", NULL) : NULL;
    }

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return NULL;

  identifiers = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (identifiers); i++)
    {
      JsonNode *element = json_array_get_element (identifiers, i);
      JsonObject *identifier;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;

      identifier = json_node_get_object (element);
      if (g_strcmp0 (json_object_get_string_member_with_default (identifier, "system", NULL), system) == 0)
        return json_object_get_string_member_with_default (identifier, "value", NULL);
    }

  return NULL;
}

/* W/"3" or "3": the version id a server gives as an entity tag. */
static char *
etag_version (const char *etag)
{
  g_autofree char *version = NULL;

  if (etag == NULL)
    return NULL;

  if (g_str_has_prefix (etag, "W/"))
    etag += 2;
  if (!g_str_has_prefix (etag, "\"") || !g_str_has_suffix (etag, "\"") || strlen (etag) < 3)
    return NULL;

  version = g_strndup (etag + 1, strlen (etag) - 2);
  return strchr (version, '"') == NULL ? g_steal_pointer (&version) : NULL;
}

/* meta.versionId of the resource an answer entry returned, if it is the
 * one with @server_id. */
static char *
returned_version (JsonObject *answer_entry,
                  const char *server_id)
{
  JsonNode *resource = json_object_get_member (answer_entry, "resource");
  JsonNode *meta;

  if (resource == NULL || !JSON_NODE_HOLDS_OBJECT (resource) ||
      g_strcmp0 (json_object_get_string_member_with_default (json_node_get_object (resource), "id", NULL),
                 server_id) != 0 ||
      !(meta = json_object_get_member (json_node_get_object (resource), "meta")) ||
      !JSON_NODE_HOLDS_OBJECT (meta))
    return NULL;

  return g_strdup (json_object_get_string_member_with_default (json_node_get_object (meta), "versionId", NULL));
}

/* The server's ids of our records, from the transaction-response: its
 * entries answer the Bundle's in order (FHIR requires it), so entry i's
 * location belongs to the record in our entry i. */
static GPtrArray *
server_ids (const SyncRun *run,
            JsonNode      *bundle,
            JsonNode      *answer)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func ((GDestroyNotify) consult_store_server_id_free);
  JsonArray *entries = json_object_get_array_member (json_node_get_object (bundle), "entry");
  JsonArray *answers = json_object_get_array_member (json_node_get_object (answer), "entry");

  for (guint i = 0; i < json_array_get_length (entries) && i < json_array_get_length (answers); i++)
    {
      JsonObject *resource = json_object_get_object_member (json_array_get_object_element (entries, i),
                                                            "resource");
      const char *type = json_object_get_string_member (resource, "resourceType");
      const char *id = record_id (resource, run->settings->identifier_system);
      JsonNode *answer_entry = json_array_get_element (answers, i);
      JsonNode *response = JSON_NODE_HOLDS_OBJECT (answer_entry)
                           ? json_object_get_member (json_node_get_object (answer_entry), "response") : NULL;
      const char *location = NULL;
      const char *etag = NULL;
      g_autofree char *server_type = NULL;
      g_autofree char *server_id = NULL;
      g_autofree char *version_id = NULL;

      if (id == NULL)
        continue;

      if (response != NULL && JSON_NODE_HOLDS_OBJECT (response))
        {
          location = json_object_get_string_member_with_default (json_node_get_object (response),
                                                                 "location", NULL);
          etag = json_object_get_string_member_with_default (json_node_get_object (response),
                                                             "etag", NULL);
        }

      if (!consult_fhir_parse_location (location, &server_type, &server_id, &version_id) ||
          !g_str_equal (server_type, type))
        {
          g_debug ("The server gave no usable location for a %s", type);
          continue;
        }

      /* Some servers (Medplum) give the version only in the returned
       * resource, others only in the etag. */
      if (version_id == NULL)
        version_id = returned_version (json_node_get_object (answer_entry), server_id);
      if (version_id == NULL)
        version_id = etag_version (etag);

      g_ptr_array_add (ids, consult_store_server_id_new (type, id, server_id, version_id));
    }

  return ids;
}

/* Whether @entry is still pending: it may have been superseded, or
 * deleted with its draft, since the run listed it.  FALSE (with @error)
 * only when the store fails. */
static gboolean
is_still_pending (SyncRun                       *run,
                  const ConsultStoreOutboxEntry *entry,
                  gboolean                      *pending,
                  GError                       **error)
{
  g_autoptr (ConsultStoreOutboxEntry) current = NULL;
  g_autoptr (GError) local_error = NULL;

  current = consult_store_outbox_get (run->store, entry->id, &local_error);
  if (current == NULL && !g_error_matches (local_error, CONSULT_STORE_ERROR, CONSULT_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  *pending = current != NULL && current->state == CONSULT_STORE_OUTBOX_PENDING;
  return TRUE;
}

/* The Bundle of @entry's plan version as the store holds it now.  A
 * failure of the store itself stops the run (@error); a record that is
 * gone or cannot be mapped fails the entry (@failure). */
static JsonNode *
build_bundle (SyncRun                       *run,
              const ConsultStoreOutboxEntry *entry,
              GError                       **failure,
              GError                       **error)
{
  g_autoptr (ConsultFhirRecords) records = NULL;
  g_autoptr (GDateTime) timestamp = g_date_time_new_from_unix_utc (run->now / G_USEC_PER_SEC);
  g_autoptr (GError) local_error = NULL;
  JsonNode *bundle = NULL;

  records = consult_fhir_records_load (run->store, entry->plan_id, &local_error);
  if (records != NULL)
    bundle = consult_fhir_bundle_new (records, _consult_sync_worker_get_catalogue (run->worker),
                                      run->settings->identifier_system, timestamp, &local_error);
  if (bundle != NULL)
    return bundle;

  if (local_error->domain == CONSULT_STORE_ERROR && local_error->code != CONSULT_STORE_ERROR_NOT_FOUND)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    g_propagate_error (failure, g_steal_pointer (&local_error));

  return NULL;
}

/* A refusal of the connection (the token, the certificate, the CA file)
 * would meet every entry: it settles them all, like a retryable failure.
 * Anything else concerns this record only. */
static gboolean
concerns_every_entry (const GError *failure)
{
  return consult_sync_error_is_retryable (failure) ||
         g_error_matches (failure, CONSULT_SYNC_ERROR, CONSULT_SYNC_ERROR_UNAUTHORIZED) ||
         g_error_matches (failure, CONSULT_SYNC_ERROR, CONSULT_SYNC_ERROR_UNTRUSTED) ||
         g_error_matches (failure, CONSULT_SYNC_ERROR, CONSULT_SYNC_ERROR_INVALID);
}

/* Sends entry @index of @due.  FALSE (with @error) stops the run with an
 * error; *@stop stops it normally, every remaining entry settled. */
static gboolean
send_entry (SyncRun    *run,
            GPtrArray  *due,
            guint       index,
            gboolean   *stop,
            GError    **error)
{
  const ConsultStoreOutboxEntry *entry = g_ptr_array_index (due, index);
  g_auto (ConsultFhirResult) result = CONSULT_FHIR_RESULT_INIT;
  g_autoptr (GError) failure = NULL;
  g_autoptr (JsonNode) bundle = NULL;
  g_autoptr (JsonNode) answer = NULL;
  g_autoptr (GPtrArray) ids = NULL;
  GError *local_error = NULL;
  gboolean pending;

  if (!is_still_pending (run, entry, &pending, error))
    return FALSE;
  if (!pending)
    {
      g_debug ("Outbox entry %s was superseded before it was sent", entry->id);
      return TRUE;
    }

  if (!(bundle = build_bundle (run, entry, &failure, error)))
    return failure != NULL && fail_entry (run, entry, 0, failure->message, error);

  answer = consult_fhir_client_send_bundle (run->client, bundle, run->transactions, run->cancellable,
                                            &result, &failure);
  if (answer == NULL)
    {
      if (g_error_matches (failure, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&failure));
          return FALSE;
        }

      if (!concerns_every_entry (failure))
        return fail_entry (run, entry, result.status, failure->message, error);

      *stop = TRUE;
      return settle_rest (run, due, index, failure, &result, error);
    }

  ids = server_ids (run, bundle, answer);
  if (!consult_store_outbox_mark_sent (run->store, entry->id, ids, &local_error))
    return ignore_conflict (entry->id, local_error, error);

  g_debug ("Outbox entry %s sent", entry->id);
  run->report->n_sent++;
  return TRUE;
}

static gboolean
send_due (SyncRun    *run,
          GPtrArray  *due,
          GError    **error)
{
  g_auto (ConsultFhirResult) result = CONSULT_FHIR_RESULT_INIT;
  g_autoptr (JsonNode) capability = NULL;
  g_autoptr (GError) failure = NULL;
  gboolean stop = FALSE;

  capability = consult_fhir_client_read_metadata (run->client, run->cancellable, &result, &failure);
  if (capability == NULL)
    {
      if (g_error_matches (failure, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&failure));
          return FALSE;
        }

      return settle_rest (run, due, 0, failure, &result, error);
    }

  run->transactions = consult_fhir_capability_supports_transaction (capability);
  g_debug ("Sending %u outbox entries, %s", due->len,
           run->transactions ? "one transaction each" : "one request per resource");

  for (guint i = 0; i < due->len && !stop; i++)
    {
      if (g_cancellable_set_error_if_cancelled (run->cancellable, error) ||
          !send_entry (run, due, i, &stop, error))
        return FALSE;
    }

  return TRUE;
}

ConsultSyncReport *
_consult_sync_run (ConsultSyncWorker          *self,
                   const ConsultSyncSettings  *settings,
                   ConsultFhirClient          *client,
                   gint64                      now,
                   GCancellable               *cancellable,
                   GError                    **error)
{
  g_autoptr (ConsultSyncReport) report = g_new0 (ConsultSyncReport, 1);
  g_autoptr (GPtrArray) due = NULL;
  SyncRun run = {
    .worker = self,
    .store = _consult_sync_worker_get_store (self),
    .settings = settings,
    .client = client,
    .cancellable = cancellable,
    .now = now,
    .report = report,
  };

  if (!(due = consult_store_outbox_list_due (run.store, now, 0, error)))
    return NULL;

  /* Nothing due: not even /metadata is read. */
  if (due->len > 0 && !send_due (&run, due, error))
    return NULL;

  if (!consult_store_outbox_get_counts (run.store, NULL, NULL, NULL, &report->next_attempt_at, error))
    return NULL;

  return g_steal_pointer (&report);
}
