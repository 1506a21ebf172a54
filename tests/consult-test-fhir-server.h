/* consult-test-fhir-server.h
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The loopback HTTPS FHIR R4 server of tests/fhir-server/ (Medplum's
 * FhirRouter over an in-memory repository), run as a child process and
 * driven over its stdin/stdout; docs/fhir.md, "Test server", lists the
 * commands. Each server has its own throwaway CA, certificates and bearer
 * token, under a fresh folder of the test output dir.
 *
 * Available to tests of the `sync` suite, whose environment (set in
 * tests/meson.build) names the installed server:
 * CONSULT_TEST_FHIR_NODE, CONSULT_TEST_FHIR_SERVER,
 * CONSULT_TEST_FHIR_NODE_MODULES, CONSULT_TEST_FHIR_MAKE_CERTS and
 * CONSULT_TEST_FHIR_SETUP_ERROR. When the installation failed, start()
 * fails with the reason: the suite never skips. */
typedef struct _ConsultTestFhirServer ConsultTestFhirServer;

ConsultTestFhirServer *consult_test_fhir_server_start            (GError                **error);
void                   consult_test_fhir_server_stop             (ConsultTestFhirServer  *server);

/* https://127.0.0.1:PORT/fhir/R4/ (with the final slash). The port stays
 * the same across {"cmd":"down"} and {"cmd":"up"}. */
const char            *consult_test_fhir_server_get_base_url     (ConsultTestFhirServer  *server);
guint16                consult_test_fhir_server_get_port         (ConsultTestFhirServer  *server);
/* The CA that issued the server's certificate: what the app is told to
 * trust. */
const char            *consult_test_fhir_server_get_ca_file      (ConsultTestFhirServer  *server);
/* An unrelated CA, the issuer of the certificate the server presents after
 * consult_test_fhir_server_use_untrusted_certificate(). */
const char            *consult_test_fhir_server_get_untrusted_ca_file (ConsultTestFhirServer *server);
const char            *consult_test_fhir_server_get_token        (ConsultTestFhirServer  *server);

/* Sends one command line, e.g. "{\"cmd\":\"fault\",\"faults\":[...]}", and
 * returns the server's answer object ({"ok":true,...}). An answer with
 * "ok": false becomes a G_IO_ERROR_FAILED error carrying its "error"
 * text; no answer within 30 s is G_IO_ERROR_TIMED_OUT. */
JsonNode              *consult_test_fhir_server_command          (ConsultTestFhirServer  *server,
                                                                  const char             *command_json,
                                                                  GError                **error);

/* The number of current resources of a type on the server. ck_assert()s
 * that the server answered. */
guint                  consult_test_fhir_server_count            (ConsultTestFhirServer  *server,
                                                                  const char             *resource_type);

/* From now on, new connections get a certificate for 127.0.0.1 issued by
 * the untrusted CA (TRUE) or the trusted one again (FALSE); open
 * connections are cut. ck_assert()s that the server answered. */
void                   consult_test_fhir_server_use_untrusted_certificate (ConsultTestFhirServer *server,
                                                                           gboolean               untrusted);

/* One HTTPS request to the server, made with GIO (not the app's code), for
 * tests that check the server or what the app stored there. The server's
 * certificate is checked against get_ca_file(). */
typedef struct
{
  guint     status;
  char     *retry_after;  /* the Retry-After header, or NULL */
  JsonNode *body;         /* the parsed JSON body, or NULL if empty */
} ConsultTestFhirResponse;

/* PATH is relative to the base URL ("metadata", "Patient?identifier=…", ""
 * for the base itself). BODY may be NULL. TOKEN is sent as a bearer token
 * unless NULL. Fails on a network or TLS error (G_TLS_ERROR_BAD_CERTIFICATE
 * for an untrusted certificate), or after 30 s. */
ConsultTestFhirResponse *consult_test_fhir_server_request       (ConsultTestFhirServer  *server,
                                                                  const char             *method,
                                                                  const char             *path,
                                                                  const char             *body,
                                                                  const char             *token,
                                                                  GError                **error);
void                   consult_test_fhir_response_free           (ConsultTestFhirResponse *response);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConsultTestFhirServer, consult_test_fhir_server_stop)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConsultTestFhirResponse, consult_test_fhir_response_free)

G_END_DECLS
