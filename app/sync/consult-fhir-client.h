/* consult-fhir-client.h
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "consult-sync-settings.h"

G_BEGIN_DECLS

/* What the server answered, besides the resource: filled in whether the
 * call succeeded or not, so a caller can schedule a retry. */
typedef struct
{
  guint  status;               /* HTTP status, 0 when no answer came */
  gint64 retry_after_seconds;  /* from Retry-After; -1 when none */
  char  *outcome_text;         /* the server's OperationOutcome text, or a short
                                * summary of a body that is not FHIR; NULL if none */
} ConsultFhirResult;

#define CONSULT_FHIR_RESULT_INIT { 0, -1, NULL }

void consult_fhir_result_clear (ConsultFhirResult *result);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ConsultFhirResult, consult_fhir_result_clear)

/* How long a request may take, in seconds. */
typedef struct
{
  guint connect;    /* to connect, TLS handshake included */
  guint total;      /* for the whole request */
  guint low_speed;  /* abandon when less than a byte a second arrives for this long */
} ConsultFhirTimeouts;

#define CONSULT_FHIR_TIMEOUTS_DEFAULT { 10, 120, 30 }

#define CONSULT_TYPE_FHIR_CLIENT (consult_fhir_client_get_type ())

G_DECLARE_FINAL_TYPE (ConsultFhirClient, consult_fhir_client, CONSULT, FHIR_CLIENT, GObject)

/* One connection (a libcurl easy handle) to one FHIR R4 server.  Use it
 * from one thread at a time; its calls block.  TLS verification is
 * always on; with a CA file set, that file replaces the system's
 * certificate authorities.  Redirects are not followed.  Nothing it logs
 * holds a request or response body, or the token. */

/* Fails (CONSULT_SYNC_ERROR_NOT_CONFIGURED or _INVALID) when @settings do
 * not pass consult_sync_settings_validate(). */
ConsultFhirClient *consult_fhir_client_new               (const ConsultSyncSettings *settings,
                                                          GError                   **error);

/* The defaults suit a clinic's network; tests shorten them. */
void               consult_fhir_client_set_timeouts      (ConsultFhirClient         *self,
                                                          const ConsultFhirTimeouts *timeouts);

/* GET [base]/metadata; returns the CapabilityStatement. */
JsonNode          *consult_fhir_client_read_metadata     (ConsultFhirClient         *self,
                                                          GCancellable              *cancellable,
                                                          ConsultFhirResult         *result,
                                                          GError                   **error);
gboolean           consult_fhir_capability_supports_transaction (JsonNode           *capability);

/* Sends @bundle as one transaction (POST [base]) or, when @transactions
 * is FALSE, each entry as its own conditional request in order (POST with
 * an If-None-Exist header for ifNoneExist; PUT to the conditional URL),
 * rewriting urn:uuid references to the server ids (ResourceType/id)
 * returned by earlier entries.  Returns a transaction-response Bundle
 * (synthesised in per-request mode), with one entry per entry of
 * @bundle, in order.  In per-request mode, a failure stops at that
 * entry; the earlier ones stay on the server (each request is
 * conditional, so sending the Bundle again creates no duplicates).
 *
 * Errors (CONSULT_SYNC_ERROR): _NETWORK when no answer came, or 408,
 * 429, 500, 502, 503 or 504 (worth retrying); _UNAUTHORIZED for 401 and
 * 403; _UNTRUSTED when the certificate did not verify; _REJECTED for the
 * other 4xx, with the server's text in the message; _FAILED otherwise.
 * G_IO_ERROR_CANCELLED when @cancellable was cancelled. */
JsonNode          *consult_fhir_client_send_bundle       (ConsultFhirClient         *self,
                                                          JsonNode                  *bundle,
                                                          gboolean                   transactions,
                                                          GCancellable              *cancellable,
                                                          ConsultFhirResult         *result,
                                                          GError                   **error);

/* Pure helpers, public for the worker and the tests. */

/* A Retry-After value: delta-seconds or an HTTP-date, as seconds from
 * @now (seconds since the epoch); -1 when it is neither. */
gint64             consult_fhir_parse_retry_after        (const char                *value,
                                                          gint64                     now);

/* "Type/id", "Type/id/_history/vid", or either after an absolute base
 * URL.  @version_id is set to NULL when the location has none. */
gboolean           consult_fhir_parse_location           (const char                *location,
                                                          char                     **resource_type,
                                                          char                     **id,
                                                          char                     **version_id);

/* The text a person should read from an error body: an OperationOutcome's
 * issues (diagnostics, else details.text) joined with "; ", or the first
 * line (or HTML title) of a text body; at most a few hundred characters.
 * NULL when there is nothing readable. */
char              *consult_fhir_outcome_text             (const char                *body,
                                                          gsize                      length,
                                                          const char                *content_type);

G_END_DECLS
