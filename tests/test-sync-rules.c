/* test-sync-rules.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sender's rules that need no server: settings validation, Retry-After,
 * the backoff, reading OperationOutcomes and locations, capabilities.
 */

#include "config.h"

#include <string.h>

#include "consult-fhir-client.h"
#include "consult-sync-error.h"
#include "consult-sync-settings.h"
#include "consult-sync-worker.h"
#include "consult-test.h"

static ConsultSyncSettings *
settings_for (const char *base_url)
{
  ConsultSyncSettings *settings = consult_sync_settings_new ();

  settings->base_url = g_strdup (base_url);
  settings->identifier_system = g_strdup ("urn:medspa-consult:records");
  return settings;
}

static void
assert_valid (const char *base_url)
{
  g_autoptr (ConsultSyncSettings) settings = settings_for (base_url);
  g_autoptr (GError) error = NULL;

  ck_assert_msg (consult_sync_settings_validate (settings, &error),
                 "%s refused: %s", base_url, error != NULL ? error->message : "");
}

static void
assert_invalid (const ConsultSyncSettings *settings,
                gint                       code)
{
  g_autoptr (GError) error = NULL;

  ck_assert (!consult_sync_settings_validate (settings, &error));
  ck_assert_msg (g_error_matches (error, CONSULT_SYNC_ERROR, code),
                 "expected code %d, got %s", code, error != NULL ? error->message : "no error");
}

static void
assert_invalid_url (const char *base_url)
{
  g_autoptr (ConsultSyncSettings) settings = settings_for (base_url);

  assert_invalid (settings, CONSULT_SYNC_ERROR_INVALID);
}

START_TEST (test_settings_https_or_loopback_http)
{
  assert_valid ("https://ehr.example.org/fhir/R4");
  assert_valid ("https://ehr.example.org/fhir/R4/");
  assert_valid ("HTTPS://ehr.example.org:8443/baseR4");
  assert_valid ("http://127.0.0.1:8080/fhir");
  assert_valid ("http://127.9.8.7/fhir");
  assert_valid ("http://localhost:8080/fhir");
  assert_valid ("http://[::1]:8080/fhir");

  assert_invalid_url ("http://ehr.example.org/fhir/R4");
  assert_invalid_url ("http://128.0.0.1/fhir");
  assert_invalid_url ("http://[::2]/fhir");
  assert_invalid_url ("http://localhost.example.org/fhir");
  assert_invalid_url ("ftp://ehr.example.org/fhir");
  assert_invalid_url ("file:///etc/passwd");
  assert_invalid_url ("ehr.example.org/fhir");
  assert_invalid_url ("https://");
  assert_invalid_url ("https://user:secret@ehr.example.org/fhir");
  assert_invalid_url ("https://ehr.example.org/fhir?x=1");
  assert_invalid_url ("https://ehr.example.org/fhir#top");
}
END_TEST

START_TEST (test_settings_other_members)
{
  g_autoptr (ConsultSyncSettings) settings = settings_for ("https://ehr.example.org/fhir");
  g_autoptr (ConsultSyncSettings) copy = NULL;
  g_autofree char *ca_file = consult_test_source_path ("meson.build", NULL);

  g_clear_pointer (&settings->base_url, g_free);
  assert_invalid (settings, CONSULT_SYNC_ERROR_NOT_CONFIGURED);
  settings->base_url = g_strdup ("");
  assert_invalid (settings, CONSULT_SYNC_ERROR_NOT_CONFIGURED);
  g_free (settings->base_url);
  settings->base_url = g_strdup ("https://ehr.example.org/fhir");

  g_free (settings->identifier_system);
  settings->identifier_system = g_strdup ("records");
  assert_invalid (settings, CONSULT_SYNC_ERROR_INVALID);
  g_clear_pointer (&settings->identifier_system, g_free);
  assert_invalid (settings, CONSULT_SYNC_ERROR_INVALID);
  settings->identifier_system = g_strdup ("https://clinic.example.org/ids");

  settings->token = g_strdup ("abc\r\nX-Injected: 1");
  assert_invalid (settings, CONSULT_SYNC_ERROR_INVALID);
  g_free (settings->token);
  settings->token = g_strdup ("eyJhbGciOi.J9-_~+/=");

  settings->ca_file = g_strdup ("/nonexistent/ca.pem");
  assert_invalid (settings, CONSULT_SYNC_ERROR_INVALID);
  g_free (settings->ca_file);
  settings->ca_file = g_strdup (ca_file);
  ck_assert (consult_sync_settings_validate (settings, NULL));

  copy = consult_sync_settings_copy (settings);
  ck_assert_str_eq (copy->base_url, settings->base_url);
  ck_assert_str_eq (copy->identifier_system, settings->identifier_system);
  ck_assert_str_eq (copy->token, settings->token);
  ck_assert_str_eq (copy->ca_file, settings->ca_file);
  ck_assert_ptr_ne (copy->token, settings->token);
}
END_TEST

START_TEST (test_client_refuses_invalid_settings)
{
  g_autoptr (ConsultSyncSettings) settings = settings_for ("http://ehr.example.org/fhir");
  g_autoptr (ConsultFhirClient) client = NULL;
  g_autoptr (GError) error = NULL;

  client = consult_fhir_client_new (settings, &error);
  ck_assert_ptr_null (client);
  ck_assert (g_error_matches (error, CONSULT_SYNC_ERROR, CONSULT_SYNC_ERROR_INVALID));
}
END_TEST

START_TEST (test_retry_after)
{
  /* Sun, 06 Nov 1994 08:49:37 GMT, RFC 9110's example. */
  const gint64 date = 784111777;

  ck_assert_int_eq (consult_fhir_parse_retry_after ("120", 0), 120);
  ck_assert_int_eq (consult_fhir_parse_retry_after (" 0 ", 0), 0);
  ck_assert_int_eq (consult_fhir_parse_retry_after ("Sun, 06 Nov 1994 08:49:37 GMT", date - 90), 90);
  ck_assert_int_eq (consult_fhir_parse_retry_after ("Sunday, 06-Nov-94 08:49:37 GMT", date - 5), 5);
  ck_assert_int_eq (consult_fhir_parse_retry_after ("Sun Nov  6 08:49:37 1994", date - 7), 7);
  /* A date already past means "now". */
  ck_assert_int_eq (consult_fhir_parse_retry_after ("Sun, 06 Nov 1994 08:49:37 GMT", date + 60), 0);

  ck_assert_int_eq (consult_fhir_parse_retry_after (NULL, 0), -1);
  ck_assert_int_eq (consult_fhir_parse_retry_after ("", 0), -1);
  ck_assert_int_eq (consult_fhir_parse_retry_after ("-5", 0), -1);
  ck_assert_int_eq (consult_fhir_parse_retry_after ("12s", 0), -1);
  ck_assert_int_eq (consult_fhir_parse_retry_after ("soon", 0), -1);
}
END_TEST

START_TEST (test_backoff_bounds)
{
  ck_assert_int_eq (consult_sync_backoff_delay (1, 0.0), 1);
  ck_assert_int_eq (consult_sync_backoff_delay (1, 0.999999), 30);
  ck_assert_int_eq (consult_sync_backoff_delay (2, 0.999999), 60);
  ck_assert_int_eq (consult_sync_backoff_delay (3, 0.5), 61);
  ck_assert_int_eq (consult_sync_backoff_delay (8, 0.999999), CONSULT_SYNC_BACKOFF_MAX_SECONDS);
  ck_assert_int_eq (consult_sync_backoff_delay (1000, 0.999999), CONSULT_SYNC_BACKOFF_MAX_SECONDS);

  for (guint attempts = 1; attempts < 40; attempts++)
    for (gdouble random = 0.0; random < 1.0; random += 0.0625)
      {
        gint64 delay = consult_sync_backoff_delay (attempts, random);

        ck_assert_int_ge (delay, 1);
        ck_assert_int_le (delay, MIN ((gint64) 30 << MIN (attempts - 1, 20), 3600));
      }
}
END_TEST

static char *
outcome_text (const char *body,
              const char *content_type)
{
  return consult_fhir_outcome_text (body, strlen (body), content_type);
}

START_TEST (test_outcome_text)
{
  g_autofree char *issues = NULL;
  g_autofree char *details = NULL;
  g_autofree char *html = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *garbage = NULL;
  g_autofree char *odd = NULL;
  g_autofree char *long_text = NULL;
  g_autofree char *long_body = NULL;

  issues = outcome_text ("{\"resourceType\":\"OperationOutcome\",\"issue\":["
                         "{\"severity\":\"error\",\"code\":\"required\",\"diagnostics\":\"Missing required property\","
                         "\"expression\":[\"Patient.gender\"]},"
                         "{\"severity\":\"error\",\"code\":\"value\",\"details\":{\"text\":\"Invalid code\"}}]}",
                         "application/fhir+json");
  ck_assert_str_eq (issues, "Missing required property (Patient.gender); Invalid code");

  details = outcome_text ("{\"resourceType\":\"OperationOutcome\",\"issue\":"
                          "[{\"severity\":\"error\",\"details\":\"not an object\",\"expression\":\"no\"},"
                          "{\"severity\":\"error\",\"details\":{\"text\":\"Second\\nline\"}}]}", NULL);
  ck_assert_str_eq (details, "Second line");

  html = outcome_text ("<html><head><TITLE>502 Bad Gateway</TITLE></head><body>x</body></html>",
                       "text/html");
  ck_assert_str_eq (html, "502 Bad Gateway");

  plain = outcome_text ("\n\n  Service unavailable\nmore\n", "text/plain");
  ck_assert_str_eq (plain, "Service unavailable");

  garbage = consult_fhir_outcome_text ("\xff\xfe\x00", 3, "application/octet-stream");
  ck_assert_ptr_null (garbage);
  odd = outcome_text ("{\"resourceType\":\"OperationOutcome\",\"issue\":{}}", NULL);
  ck_assert_str_eq (odd, "{\"resourceType\":\"OperationOutcome\",\"issue\":{}}");
  ck_assert_ptr_null (consult_fhir_outcome_text (NULL, 0, NULL));

  long_body = g_strnfill (2000, 'x');
  long_text = outcome_text (long_body, "text/plain");
  ck_assert_int_eq (g_utf8_strlen (long_text, -1), 400);
  ck_assert (g_str_has_suffix (long_text, "…"));
}
END_TEST

static void
assert_location (const char *location,
                 const char *type,
                 const char *id,
                 const char *version)
{
  g_autofree char *parsed_type = NULL;
  g_autofree char *parsed_id = NULL;
  g_autofree char *parsed_version = NULL;

  ck_assert_msg (consult_fhir_parse_location (location, &parsed_type, &parsed_id, &parsed_version),
                 "cannot parse %s", location);
  ck_assert_str_eq (parsed_type, type);
  ck_assert_str_eq (parsed_id, id);
  ck_assert_pstr_eq (parsed_version, version);
}

static void
assert_no_location (const char *location)
{
  g_autofree char *type = NULL;
  g_autofree char *id = NULL;
  g_autofree char *version = NULL;

  ck_assert_msg (!consult_fhir_parse_location (location, &type, &id, &version), "parsed %s", location);
  ck_assert_ptr_null (type);
  ck_assert_ptr_null (id);
  ck_assert_ptr_null (version);
}

START_TEST (test_location)
{
  assert_location ("Patient/123/_history/1", "Patient", "123", "1");
  assert_location ("CarePlan/a-b.c", "CarePlan", "a-b.c", NULL);
  assert_location ("https://ehr.example.org/fhir/R4/QuestionnaireResponse/9f/_history/7",
                   "QuestionnaireResponse", "9f", "7");
  assert_location ("https://ehr.example.org/fhir/R4/Consent/42?_format=json", "Consent", "42", NULL);

  assert_no_location (NULL);
  assert_no_location ("");
  assert_no_location ("Patient");
  assert_no_location ("patient/123");
  assert_no_location ("Patient/1 2");
  assert_no_location ("Patient/123/_history/");
}
END_TEST

static JsonNode *
parse (const char *json)
{
  g_autoptr (GError) error = NULL;
  JsonNode *node = json_from_string (json, &error);

  g_assert_no_error (error);
  return node;
}

START_TEST (test_capability_transactions)
{
  g_autoptr (JsonNode) with = parse ("{\"resourceType\":\"CapabilityStatement\",\"rest\":[{\"mode\":\"server\","
                                     "\"interaction\":[{\"code\":\"batch\"},{\"code\":\"transaction\"}]}]}");
  g_autoptr (JsonNode) client_only = parse ("{\"resourceType\":\"CapabilityStatement\",\"rest\":[{\"mode\":\"client\","
                                            "\"interaction\":[{\"code\":\"transaction\"}]}]}");
  g_autoptr (JsonNode) batch_only = parse ("{\"resourceType\":\"CapabilityStatement\",\"rest\":[{\"mode\":\"server\","
                                           "\"interaction\":[{\"code\":\"batch\"}]}]}");
  g_autoptr (JsonNode) odd = parse ("{\"resourceType\":\"CapabilityStatement\",\"rest\":{\"mode\":\"server\"}}");

  ck_assert (consult_fhir_capability_supports_transaction (with));
  ck_assert (!consult_fhir_capability_supports_transaction (client_only));
  ck_assert (!consult_fhir_capability_supports_transaction (batch_only));
  ck_assert (!consult_fhir_capability_supports_transaction (odd));
}
END_TEST

static Suite *
sync_rules_suite (void)
{
  Suite *suite = suite_create ("sync-rules");
  TCase *settings = tcase_create ("settings");
  TCase *retry = tcase_create ("retry");
  TCase *answers = tcase_create ("answers");

  tcase_add_test (settings, test_settings_https_or_loopback_http);
  tcase_add_test (settings, test_settings_other_members);
  tcase_add_test (settings, test_client_refuses_invalid_settings);
  suite_add_tcase (suite, settings);

  tcase_add_test (retry, test_retry_after);
  tcase_add_test (retry, test_backoff_bounds);
  suite_add_tcase (suite, retry);

  tcase_add_test (answers, test_outcome_text);
  tcase_add_test (answers, test_location);
  tcase_add_test (answers, test_capability_transactions);
  suite_add_tcase (suite, answers);

  return suite;
}

int
main (void)
{
  return consult_test_run_suite (sync_rules_suite ());
}
