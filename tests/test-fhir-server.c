/* test-fhir-server.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "consult-test.h"
#include "consult-test-fhir-server.h"

/* The harness itself: the loopback FHIR server behaves as the sync tests
 * rely on, and it accepts the golden Bundles (tests/fixtures/fhir/). */

/* A draft's Bundle, and a signed plan's with its Consent. */
#define GOLDEN_DRAFT "seed-1-glow.bundle.json"
#define GOLDEN_SIGNED "seed-2-expression-lines.bundle.json"

static ConsultTestFhirServer *
start_server (void)
{
  g_autoptr (GError) error = NULL;
  ConsultTestFhirServer *server = consult_test_fhir_server_start (&error);

  ck_assert_msg (server != NULL, "%s", error != NULL ? error->message : "");

  return server;
}

static void
send_command (ConsultTestFhirServer *server,
              const char            *command)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) answer = consult_test_fhir_server_command (server, command, &error);

  ck_assert_msg (answer != NULL, "%s: %s", command, error != NULL ? error->message : "");
}

static ConsultTestFhirResponse *
request (ConsultTestFhirServer *server,
         const char            *method,
         const char            *path,
         const char            *body)
{
  g_autoptr (GError) error = NULL;
  ConsultTestFhirResponse *response;

  response = consult_test_fhir_server_request (server, method, path, body,
                                               consult_test_fhir_server_get_token (server), &error);
  ck_assert_msg (response != NULL, "%s %s: %s", method, path, error != NULL ? error->message : "");

  return response;
}

static char *
read_golden_bundle (const char *name)
{
  g_autofree char *path = consult_test_source_path ("fixtures", "fhir", name, NULL);
  g_autoptr (GError) error = NULL;
  char *text = NULL;

  ck_assert_msg (g_file_get_contents (path, &text, NULL, &error), "%s", error != NULL ? error->message : "");

  return text;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/* Every golden Bundle's file name, sorted. */
static GPtrArray *
list_golden_bundles (void)
{
  g_autofree char *path = consult_test_source_path ("fixtures", "fhir", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GDir) dir = g_dir_open (path, 0, &error);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  ck_assert_msg (dir != NULL, "%s", error != NULL ? error->message : "");
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_has_suffix (name, ".bundle.json"))
        g_ptr_array_add (names, g_strdup (name));
    }
  g_ptr_array_sort (names, compare_names);

  return names;
}

/* All the issues' diagnostics of an OperationOutcome, one per line. */
static char *
outcome_text (JsonNode *outcome)
{
  g_autoptr (GString) text = g_string_new (NULL);
  JsonArray *issues;

  ck_assert_ptr_nonnull (outcome);
  ck_assert_str_eq (json_object_get_string_member (json_node_get_object (outcome), "resourceType"),
                    "OperationOutcome");
  issues = json_object_get_array_member (json_node_get_object (outcome), "issue");
  for (guint i = 0; i < json_array_get_length (issues); i++)
    g_string_append_printf (text, "%s\n",
                            json_object_get_string_member_with_default (json_array_get_object_element (issues, i),
                                                                        "diagnostics", ""));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
advertises_transaction (JsonNode *capability)
{
  JsonObject *rest = json_array_get_object_element (
    json_object_get_array_member (json_node_get_object (capability), "rest"), 0);
  JsonArray *interactions = json_object_get_array_member (rest, "interaction");

  for (guint i = 0; i < json_array_get_length (interactions); i++)
    {
      JsonObject *interaction = json_array_get_object_element (interactions, i);

      if (g_str_equal (json_object_get_string_member (interaction, "code"), "transaction"))
        return TRUE;
    }

  return FALSE;
}

START_TEST (test_fhir_server_needs_the_token)
{
  g_autoptr (ConsultTestFhirServer) server = start_server ();
  g_autoptr (ConsultTestFhirResponse) anonymous = NULL;
  g_autoptr (ConsultTestFhirResponse) wrong = NULL;
  g_autoptr (ConsultTestFhirResponse) metadata = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) log = NULL;
  g_autofree char *anonymous_text = NULL;
  JsonArray *requests;

  ck_assert (g_str_has_prefix (consult_test_fhir_server_get_base_url (server), "https://127.0.0.1:"));
  ck_assert (g_str_has_suffix (consult_test_fhir_server_get_base_url (server), "/fhir/R4/"));

  anonymous = consult_test_fhir_server_request (server, "GET", "metadata", NULL, NULL, &error);
  g_assert_no_error (error);
  ck_assert_uint_eq (anonymous->status, 401);
  anonymous_text = outcome_text (anonymous->body);
  ck_assert_ptr_nonnull (strstr (anonymous_text, "Missing bearer token"));

  wrong = consult_test_fhir_server_request (server, "GET", "metadata", NULL, "not-the-token", &error);
  g_assert_no_error (error);
  ck_assert_uint_eq (wrong->status, 401);

  metadata = request (server, "GET", "metadata", NULL);
  ck_assert_uint_eq (metadata->status, 200);
  ck_assert (advertises_transaction (metadata->body));

  /* The log has whether a token came, never the token or a body. */
  log = consult_test_fhir_server_command (server, "{\"cmd\":\"requests\"}", &error);
  g_assert_no_error (error);
  requests = json_object_get_array_member (json_node_get_object (log), "requests");
  ck_assert_uint_eq (json_array_get_length (requests), 3);
  ck_assert (!json_object_get_boolean_member (json_array_get_object_element (requests, 0), "bearer"));
  ck_assert (json_object_get_boolean_member (json_array_get_object_element (requests, 2), "bearer"));
  ck_assert_int_eq (json_object_get_int_member (json_array_get_object_element (requests, 2), "status"), 200);
  ck_assert_str_eq (json_object_get_string_member (json_array_get_object_element (requests, 2), "path"),
                    "/fhir/R4/metadata");
}
END_TEST

static void
assert_bundle_response (ConsultTestFhirResponse *response,
                        const char              *name)
{
  g_autofree char *text = NULL;

  if (response->status != 200 && response->body != NULL)
    text = outcome_text (response->body);
  ck_assert_msg (response->status == 200, "%s refused with %u: %s", name, response->status, text);
  ck_assert_str_eq (json_object_get_string_member (json_node_get_object (response->body), "type"),
                    "transaction-response");
}

/* The number of entries of each resource type in BUNDLE: what one
 * transaction creates when none of its records is on the server yet. */
static GHashTable *
count_entries (const char *bundle)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonArray *entries;

  ck_assert_msg (json_parser_load_from_data (parser, bundle, -1, &error), "%s", error ? error->message : "");
  entries = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "entry");
  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonObject *resource = json_object_get_object_member (json_array_get_object_element (entries, i),
                                                            "resource");
      const char *type = json_object_get_string_member (resource, "resourceType");
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, type));

      g_hash_table_replace (counts, g_strdup (type), GUINT_TO_POINTER (count + 1));
    }

  return counts;
}

static void
assert_counts (ConsultTestFhirServer *server,
               GHashTable            *expected,
               const char            *name)
{
  GHashTableIter iter;
  gpointer type, count;

  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &type, &count))
    ck_assert_msg (consult_test_fhir_server_count (server, type) == GPOINTER_TO_UINT (count),
                   "%s: %s count is not %u", name, (const char *) type, GPOINTER_TO_UINT (count));
}

/* Each golden Bundle passes the server's validation, creates its records,
 * and sending it again duplicates nothing. The golden files number their
 * record ids alike, so the server is reset between them. */
START_TEST (test_fhir_server_accepts_golden_bundles)
{
  g_autoptr (ConsultTestFhirServer) server = start_server ();
  g_autoptr (GPtrArray) names = list_golden_bundles ();

  ck_assert_uint_ge (names->len, 2);
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *bundle = read_golden_bundle (name);
      g_autoptr (GHashTable) expected = count_entries (bundle);

      ck_assert_uint_eq (GPOINTER_TO_UINT (g_hash_table_lookup (expected, "Patient")), 1);
      ck_assert_uint_eq (GPOINTER_TO_UINT (g_hash_table_lookup (expected, "CarePlan")), 1);
      ck_assert_uint_eq (GPOINTER_TO_UINT (g_hash_table_lookup (expected, "QuestionnaireResponse")), 1);

      send_command (server, "{\"cmd\":\"reset\"}");
      for (guint sent = 0; sent < 2; sent++)
        {
          g_autoptr (ConsultTestFhirResponse) response = request (server, "POST", "", bundle);

          assert_bundle_response (response, name);
          assert_counts (server, expected, name);
        }
    }
}
END_TEST

/* A required binding Medplum's validateResource() alone lets through. */
START_TEST (test_fhir_server_refuses_invalid_resources)
{
  g_autoptr (ConsultTestFhirServer) server = start_server ();
  g_autofree char *golden = read_golden_bundle (GOLDEN_DRAFT);
  g_autofree char *bundle = NULL;
  g_autofree char *bundle_text = NULL;
  g_autofree char *patient_text = NULL;
  g_autoptr (ConsultTestFhirResponse) refused = NULL;
  g_autoptr (ConsultTestFhirResponse) patient = NULL;
  g_autoptr (GRegex) gender = g_regex_new ("\"gender\" : \"[a-z]+\"", 0, 0, NULL);

  bundle = g_regex_replace_literal (gender, golden, -1, 0, "\"gender\" : \"man\"", 0, NULL);
  ck_assert_str_ne (bundle, golden);
  refused = request (server, "POST", "", bundle);
  ck_assert_uint_eq (refused->status, 422);
  bundle_text = outcome_text (refused->body);
  ck_assert_msg (strstr (bundle_text, "\"man\"") != NULL
                 && strstr (bundle_text, "administrative-gender") != NULL
                 && strstr (bundle_text, "Bundle.entry[0].resource.gender") != NULL,
                 "%s", bundle_text);
  /* Nothing of a refused transaction is kept. */
  ck_assert_uint_eq (consult_test_fhir_server_count (server, "Patient"), 0);
  ck_assert_uint_eq (consult_test_fhir_server_count (server, "CarePlan"), 0);

  patient = request (server, "POST", "Patient", "{\"resourceType\":\"Patient\",\"birthDate\":\"1990-02-30x\"}");
  ck_assert_uint_eq (patient->status, 422);
  patient_text = outcome_text (patient->body);
  ck_assert_ptr_nonnull (strstr (patient_text, "Patient.birthDate"));
}
END_TEST

START_TEST (test_fhir_server_injects_faults)
{
  g_autoptr (ConsultTestFhirServer) server = start_server ();
  g_autoptr (GError) error = NULL;
  g_autoptr (ConsultTestFhirResponse) dropped = NULL;

  send_command (server, "{\"cmd\":\"fault\",\"faults\":[{\"status\":503,\"retryAfter\":2,\"times\":2},"
                        "{\"status\":429,\"retryAfter\":7},{\"status\":422,\"text\":\"Plan refused\"}]}");
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr (ConsultTestFhirResponse) unavailable = request (server, "GET", "metadata", NULL);

      ck_assert_uint_eq (unavailable->status, 503);
      ck_assert_str_eq (unavailable->retry_after, "2");
    }
  {
    g_autoptr (ConsultTestFhirResponse) throttled = request (server, "GET", "metadata", NULL);
    g_autoptr (ConsultTestFhirResponse) refused = request (server, "GET", "metadata", NULL);
    g_autoptr (ConsultTestFhirResponse) served = request (server, "GET", "metadata", NULL);
    g_autofree char *refused_text = NULL;

    ck_assert_uint_eq (throttled->status, 429);
    ck_assert_str_eq (throttled->retry_after, "7");
    ck_assert_uint_eq (refused->status, 422);
    refused_text = outcome_text (refused->body);
    ck_assert_str_eq (refused_text, "Plan refused\n");
    ck_assert_uint_eq (served->status, 200);
    ck_assert_ptr_null (served->retry_after);
  }

  send_command (server, "{\"cmd\":\"fault\",\"faults\":[{\"drop\":true}]}");
  dropped = consult_test_fhir_server_request (server, "GET", "metadata", NULL,
                                              consult_test_fhir_server_get_token (server), &error);
  ck_assert_ptr_null (dropped);
  ck_assert_ptr_nonnull (error);
}
END_TEST

START_TEST (test_fhir_server_down_and_up_keeps_data)
{
  g_autoptr (ConsultTestFhirServer) server = start_server ();
  g_autofree char *bundle = read_golden_bundle (GOLDEN_SIGNED);
  g_autoptr (ConsultTestFhirResponse) sent = request (server, "POST", "", bundle);
  g_autoptr (ConsultTestFhirResponse) refused = NULL;
  g_autoptr (ConsultTestFhirResponse) metadata = NULL;
  g_autoptr (GError) error = NULL;
  guint16 port = consult_test_fhir_server_get_port (server);

  ck_assert_uint_eq (sent->status, 200);

  send_command (server, "{\"cmd\":\"down\"}");
  refused = consult_test_fhir_server_request (server, "GET", "metadata", NULL,
                                              consult_test_fhir_server_get_token (server), &error);
  ck_assert_ptr_null (refused);
  ck_assert_msg (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED), "%s", error->message);

  send_command (server, "{\"cmd\":\"up\"}");
  ck_assert_uint_eq (consult_test_fhir_server_get_port (server), port);
  metadata = request (server, "GET", "metadata", NULL);
  ck_assert_uint_eq (metadata->status, 200);
  ck_assert_uint_eq (consult_test_fhir_server_count (server, "Patient"), 1);
  ck_assert_uint_eq (consult_test_fhir_server_count (server, "CarePlan"), 1);
}
END_TEST

START_TEST (test_fhir_server_untrusted_certificate)
{
  g_autoptr (ConsultTestFhirServer) server = start_server ();
  g_autoptr (ConsultTestFhirResponse) refused = NULL;
  g_autoptr (ConsultTestFhirResponse) trusted = NULL;
  g_autoptr (GError) error = NULL;

  ck_assert_str_ne (consult_test_fhir_server_get_ca_file (server),
                    consult_test_fhir_server_get_untrusted_ca_file (server));
  ck_assert (g_file_test (consult_test_fhir_server_get_untrusted_ca_file (server), G_FILE_TEST_IS_REGULAR));

  consult_test_fhir_server_use_untrusted_certificate (server, TRUE);
  refused = consult_test_fhir_server_request (server, "GET", "metadata", NULL,
                                              consult_test_fhir_server_get_token (server), &error);
  ck_assert_ptr_null (refused);
  ck_assert_msg (g_error_matches (error, G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE), "%s", error->message);

  consult_test_fhir_server_use_untrusted_certificate (server, FALSE);
  trusted = request (server, "GET", "metadata", NULL);
  ck_assert_uint_eq (trusted->status, 200);
}
END_TEST

START_TEST (test_fhir_server_without_transactions)
{
  g_autoptr (ConsultTestFhirServer) server = start_server ();
  g_autofree char *bundle = read_golden_bundle (GOLDEN_DRAFT);
  g_autoptr (ConsultTestFhirResponse) metadata = NULL;
  g_autoptr (ConsultTestFhirResponse) refused = NULL;

  send_command (server, "{\"cmd\":\"transactions\",\"enabled\":false}");
  metadata = request (server, "GET", "metadata", NULL);
  ck_assert_uint_eq (metadata->status, 200);
  ck_assert (!advertises_transaction (metadata->body));

  refused = request (server, "POST", "", bundle);
  ck_assert_uint_eq (refused->status, 501);
  ck_assert_uint_eq (consult_test_fhir_server_count (server, "Patient"), 0);
}
END_TEST

static Suite *
fhir_server_suite (void)
{
  Suite *suite = suite_create ("fhir-server");
  TCase *harness = tcase_create ("harness");

  /* Each test starts its own server: a few seconds of Node start-up. */
  tcase_set_timeout (harness, 240);
  tcase_add_test (harness, test_fhir_server_needs_the_token);
  tcase_add_test (harness, test_fhir_server_accepts_golden_bundles);
  tcase_add_test (harness, test_fhir_server_refuses_invalid_resources);
  tcase_add_test (harness, test_fhir_server_injects_faults);
  tcase_add_test (harness, test_fhir_server_down_and_up_keeps_data);
  tcase_add_test (harness, test_fhir_server_untrusted_certificate);
  tcase_add_test (harness, test_fhir_server_without_transactions);
  suite_add_tcase (suite, harness);

  return suite;
}

int
main (void)
{
  return consult_test_run_suite (fhir_server_suite ());
}
