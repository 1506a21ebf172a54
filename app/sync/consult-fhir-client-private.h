/* consult-fhir-client-private.h
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "consult-fhir-client.h"

G_BEGIN_DECLS

/* One HTTP exchange, shared by consult-fhir-client.c (transport),
 * consult-fhir-client-each.c (per-request mode) and consult-fhir-http.c
 * (reading answers). */
typedef struct
{
  const char *method;          /* "GET", "POST" or "PUT" */
  const char *path;            /* after "[base]/", "" for the base itself */
  const char *body;            /* NULL for none */
  gsize       body_length;
  const char *if_none_exist;   /* the query only, or NULL */
  const char *what;            /* for the debug log: never a body or a query value */
} ConsultFhirRequest;

typedef struct
{
  guint       status;
  GByteArray *body;
  char       *content_type;
  char       *location;
  char       *retry_after;
} ConsultFhirResponse;

void      _consult_fhir_response_clear  (ConsultFhirResponse       *response);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ConsultFhirResponse, _consult_fhir_response_clear)

/* consult-fhir-client.c: sends @request and waits for the answer.  FALSE
 * (with @error) only when no HTTP answer came; any status is TRUE. */
gboolean  _consult_fhir_client_perform  (ConsultFhirClient         *self,
                                         const ConsultFhirRequest  *request,
                                         ConsultFhirResponse       *response,
                                         GCancellable              *cancellable,
                                         GError                   **error);

/* consult-fhir-http.c: turns a non-2xx @response into @error (TRUE for
 * 2xx) and fills @result either way. */
gboolean  _consult_fhir_check_response  (const ConsultFhirResponse *response,
                                         ConsultFhirResult         *result,
                                         GError                   **error);
/* The body as JSON: an object whose resourceType is @resource_type. */
JsonNode *_consult_fhir_parse_resource  (const ConsultFhirResponse *response,
                                         const char                *resource_type,
                                         GError                   **error);

/* consult-fhir-client-each.c */
JsonNode *_consult_fhir_client_send_each (ConsultFhirClient        *self,
                                          JsonNode                 *bundle,
                                          GCancellable             *cancellable,
                                          ConsultFhirResult        *result,
                                          GError                  **error);

G_END_DECLS
