/* test-sync.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The outbox sender against a real FHIR server on loopback
 * (tests/fhir-server/): what reaches the server, and what the outbox
 * records.  Faults and refusals are in test-sync-faults.c.
 */

#include "config.h"

#include <string.h>

#include "consult-fhir.h"
#include "consult-store-clients.h"
#include "consult-store-intake.h"
#include "consult-store-plans.h"
#include "consult-sync-error.h"
#include "consult-test-planner.h"
#include "consult-test-store.h"
#include "test-sync.h"

/* Every log line of the program, to look for patient data in.  A test
 * program's own state; Check forks each test from main(), where the
 * writer is installed once (GLib allows only that). */
static GMutex log_lock;
static GString *log_text;

static GLogWriterOutput
capture_log (GLogLevelFlags   log_level,
             const GLogField *fields,
             gsize            n_fields,
             gpointer         user_data)
{
  g_mutex_lock (&log_lock);
  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, "MESSAGE") || g_str_equal (fields[i].key, "GLIB_DOMAIN"))
      {
        if (fields[i].length < 0)
          g_string_append (log_text, fields[i].value);
        else
          g_string_append_len (log_text, fields[i].value, fields[i].length);
        g_string_append_c (log_text, ' ');
      }
  g_string_append_c (log_text, '\n');
  g_mutex_unlock (&log_lock);

  if (log_level & (G_LOG_LEVEL_DEBUG | G_LOG_LEVEL_INFO))
    return G_LOG_WRITER_HANDLED;

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

void
test_sync_init (TestSync *fixture,
                gboolean  signed_with_consent)
{
  g_autoptr (ConsultIntake) intake = consult_test_intake_load ("seed-2-expression-lines.json");
  g_autoptr (ConsultPlan) plan = consult_test_plan (intake);
  g_autoptr (GError) error = NULL;

  *fixture = (TestSync) { 0 };
  fixture->server = consult_test_fhir_server_start (&error);
  ck_assert_msg (fixture->server != NULL, "server: %s", error != NULL ? error->message : "");

  fixture->dir = consult_test_store_make_dir ();
  fixture->store = consult_test_store_open (fixture->dir);
  ck_assert_msg (consult_store_save_intake (fixture->store, intake, plan, &fixture->client_id,
                                            &fixture->consultation_id, &fixture->plan_id, &error),
                 "save: %s", error != NULL ? error->message : "");

  if (signed_with_consent)
    {
      g_autofree char *consent_id = NULL;

      ck_assert (consult_store_sign_plan (fixture->store, fixture->plan_id, "Dr. Helen Park", NULL));
      consent_id = consult_store_record_consent (fixture->store, fixture->plan_id, "2026-1",
                                                 "2026-11-23", "Daniel Okafor", &error);
      ck_assert_msg (consent_id != NULL, "consent: %s", error != NULL ? error->message : "");
    }

  fixture->settings = consult_sync_settings_new ();
  fixture->settings->base_url = g_strdup (consult_test_fhir_server_get_base_url (fixture->server));
  fixture->settings->identifier_system = g_strdup (TEST_SYNC_SYSTEM);
  fixture->settings->token = g_strdup (consult_test_fhir_server_get_token (fixture->server));
  fixture->settings->ca_file = g_strdup (consult_test_fhir_server_get_ca_file (fixture->server));

  fixture->worker = consult_sync_worker_new (fixture->store, consult_test_catalogue ());
  g_object_set (fixture->worker, "random-seed", 42, NULL);
  consult_sync_worker_set_settings (fixture->worker, fixture->settings);
}

void
test_sync_clear (TestSync *fixture)
{
  g_clear_object (&fixture->worker);
  g_clear_object (&fixture->store);
  g_clear_pointer (&fixture->settings, consult_sync_settings_free);
  g_clear_pointer (&fixture->server, consult_test_fhir_server_stop);
  consult_test_store_remove_dir (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->client_id, g_free);
  g_clear_pointer (&fixture->consultation_id, g_free);
  g_clear_pointer (&fixture->plan_id, g_free);
}

void
test_sync_restart (TestSync *fixture)
{
  g_clear_object (&fixture->worker);
  g_clear_object (&fixture->store);

  fixture->store = consult_test_store_open (fixture->dir);
  fixture->worker = consult_sync_worker_new (fixture->store, consult_test_catalogue ());
  g_object_set (fixture->worker, "random-seed", 7, NULL);
  consult_sync_worker_set_settings (fixture->worker, fixture->settings);
}

void
test_sync_command (TestSync   *fixture,
                   const char *command)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) answer = consult_test_fhir_server_command (fixture->server, command, &error);

  ck_assert_msg (answer != NULL, "%s: %s", command, error != NULL ? error->message : "");
}

ConsultSyncReport *
test_sync_run (TestSync *fixture,
               gint64    now)
{
  g_autoptr (GError) error = NULL;
  ConsultSyncReport *report = consult_sync_worker_run (fixture->worker, now, NULL, &error);

  ck_assert_msg (report != NULL, "run: %s", error != NULL ? error->message : "");
  return report;
}

ConsultStoreOutboxEntry *
test_sync_entry (TestSync *fixture)
{
  g_autoptr (GError) error = NULL;
  ConsultStoreOutboxEntry *entry;

  entry = consult_store_outbox_get_for_consultation (fixture->store, fixture->consultation_id, &error);
  ck_assert_msg (entry != NULL, "outbox: %s", error != NULL ? error->message : "");
  return entry;
}

guint
test_sync_count_requests (TestSync *fixture)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) answer = NULL;

  answer = consult_test_fhir_server_command (fixture->server, "{\"cmd\":\"requests\"}", &error);
  ck_assert_msg (answer != NULL, "requests: %s", error != NULL ? error->message : "");
  return json_array_get_length (json_object_get_array_member (json_node_get_object (answer), "requests"));
}

void
test_sync_touch_draft (TestSync *fixture)
{
  g_autoptr (ConsultStorePlanVersion) plan = NULL;
  g_autoptr (GError) error = NULL;

  plan = consult_store_get_plan (fixture->store, fixture->plan_id, &error);
  ck_assert_msg (plan != NULL, "plan: %s", error != NULL ? error->message : "");
  ck_assert_msg (consult_store_update_plan_draft (fixture->store, fixture->plan_id, plan->plan_json,
                                                  plan->catalogue_version, &error),
                 "update: %s", error != NULL ? error->message : "");
}

void
test_sync_amend (TestSync *fixture)
{
  g_autoptr (ConsultStorePlanVersion) plan = NULL;
  g_autofree char *amended = NULL;
  g_autoptr (GError) error = NULL;

  plan = consult_store_get_plan (fixture->store, fixture->plan_id, &error);
  ck_assert_msg (plan != NULL, "plan: %s", error != NULL ? error->message : "");
  amended = consult_store_amend_plan (fixture->store, fixture->plan_id, plan->plan_json,
                                      plan->catalogue_version, &error);
  ck_assert_msg (amended != NULL, "amend: %s", error != NULL ? error->message : "");
}

GStrv
test_sync_patient_data (TestSync *fixture)
{
  g_autoptr (ConsultStoreClient) client = consult_store_get_client (fixture->store, fixture->client_id, NULL);
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  ck_assert_ptr_nonnull (client);
  g_strv_builder_add_many (builder, client->given_name, client->family_name, client->date_of_birth,
                           client->phone, client->email, NULL);
  return g_strv_builder_end (builder);
}

/* The one resource of @type on the server. */
static JsonObject *
only_resource (TestSync   *fixture,
               const char *type,
               JsonNode  **answer)
{
  g_autofree char *command = g_strdup_printf ("{\"cmd\":\"search\",\"type\":\"%s\"}", type);
  g_autoptr (GError) error = NULL;
  JsonArray *resources;

  *answer = consult_test_fhir_server_command (fixture->server, command, &error);
  ck_assert_msg (*answer != NULL, "search: %s", error != NULL ? error->message : "");
  resources = json_object_get_array_member (json_node_get_object (*answer), "resources");
  ck_assert_uint_eq (json_array_get_length (resources), 1);
  return json_array_get_object_element (resources, 0);
}

static void
assert_server_id (TestSync   *fixture,
                  const char *type,
                  const char *record_id)
{
  g_autoptr (JsonNode) answer = NULL;
  g_autoptr (ConsultStoreServerId) id = NULL;
  g_autoptr (GError) error = NULL;
  JsonObject *resource = only_resource (fixture, type, &answer);

  id = consult_store_get_server_id (fixture->store, type, record_id, &error);
  ck_assert_msg (id != NULL, "%s server id: %s", type, error != NULL ? error->message : "");
  ck_assert_str_eq (id->server_id, json_object_get_string_member (resource, "id"));
  ck_assert_str_eq (id->version_id,
                    json_object_get_string_member (json_object_get_object_member (resource, "meta"),
                                                   "versionId"));
}

static const char *
reference_of (JsonObject *resource,
              const char *member)
{
  JsonNode *node = json_object_get_member (resource, member);

  if (JSON_NODE_HOLDS_ARRAY (node))
    node = json_array_get_element (json_node_get_array (node), 0);

  return json_object_get_string_member (json_node_get_object (node), "reference");
}

/* The Bundle's urn:uuid links became links between the stored resources. */
static void
assert_linked (TestSync *fixture)
{
  g_autoptr (JsonNode) patient_answer = NULL;
  g_autoptr (JsonNode) response_answer = NULL;
  g_autoptr (JsonNode) care_plan_answer = NULL;
  JsonObject *patient = only_resource (fixture, "Patient", &patient_answer);
  JsonObject *response = only_resource (fixture, "QuestionnaireResponse", &response_answer);
  JsonObject *care_plan = only_resource (fixture, "CarePlan", &care_plan_answer);
  g_autofree char *patient_ref = g_strdup_printf ("Patient/%s", json_object_get_string_member (patient, "id"));
  g_autofree char *response_ref = g_strdup_printf ("QuestionnaireResponse/%s",
                                                   json_object_get_string_member (response, "id"));

  ck_assert_str_eq (reference_of (response, "subject"), patient_ref);
  ck_assert_str_eq (reference_of (care_plan, "subject"), patient_ref);
  ck_assert_str_eq (reference_of (care_plan, "supportingInfo"), response_ref);
}

static void
assert_one_of_each (TestSync *fixture)
{
  ck_assert_uint_eq (consult_test_fhir_server_count (fixture->server, "Patient"), 1);
  ck_assert_uint_eq (consult_test_fhir_server_count (fixture->server, "Questionnaire"), 1);
  ck_assert_uint_eq (consult_test_fhir_server_count (fixture->server, "QuestionnaireResponse"), 1);
  ck_assert_uint_eq (consult_test_fhir_server_count (fixture->server, "CarePlan"), 1);
}

START_TEST (test_sync_first_send_creates_the_records)
{
  TestSync fixture;
  g_autoptr (ConsultSyncReport) report = NULL;
  g_autoptr (ConsultStoreOutboxEntry) entry = NULL;
  g_autofree char *consent_id = NULL;
  gint64 now;

  test_sync_init (&fixture, TRUE);
  now = g_get_real_time ();
  report = test_sync_run (&fixture, now);

  ck_assert_uint_eq (report->n_sent, 1);
  ck_assert_uint_eq (report->n_retrying, 0);
  ck_assert_uint_eq (report->n_failed, 0);
  ck_assert_ptr_null (report->first_error);
  ck_assert_int_eq (report->next_attempt_at, 0);

  assert_one_of_each (&fixture);
  ck_assert_uint_eq (consult_test_fhir_server_count (fixture.server, "Consent"), 1);
  assert_linked (&fixture);

  entry = test_sync_entry (&fixture);
  ck_assert_int_eq (entry->state, CONSULT_STORE_OUTBOX_SENT);
  ck_assert_uint_eq (entry->attempts, 1);
  ck_assert_int_ge (entry->sent_at, now);
  assert_server_id (&fixture, "Patient", fixture.client_id);
  assert_server_id (&fixture, "QuestionnaireResponse", fixture.consultation_id);
  assert_server_id (&fixture, "CarePlan", fixture.plan_id);

  /* metadata, then the transaction; nothing is left to send. */
  ck_assert_uint_eq (test_sync_count_requests (&fixture), 2);
  g_clear_pointer (&report, consult_sync_report_free);
  report = test_sync_run (&fixture, now + G_USEC_PER_SEC);
  ck_assert_uint_eq (report->n_sent, 0);
  ck_assert_uint_eq (test_sync_count_requests (&fixture), 2);

  test_sync_clear (&fixture);
}
END_TEST

START_TEST (test_sync_sending_again_creates_no_duplicate)
{
  TestSync fixture;
  g_autoptr (ConsultSyncReport) first = NULL;
  g_autoptr (ConsultSyncReport) second = NULL;
  g_autoptr (ConsultStoreServerId) care_plan = NULL;
  g_autoptr (ConsultStoreServerId) updated = NULL;

  test_sync_init (&fixture, FALSE);
  first = test_sync_run (&fixture, g_get_real_time ());
  ck_assert_uint_eq (first->n_sent, 1);
  care_plan = consult_store_get_server_id (fixture.store, "CarePlan", fixture.plan_id, NULL);
  ck_assert_ptr_nonnull (care_plan);

  test_sync_touch_draft (&fixture);
  second = test_sync_run (&fixture, g_get_real_time ());
  ck_assert_uint_eq (second->n_sent, 1);

  assert_one_of_each (&fixture);
  /* The CarePlan was updated in place: a new version of the same one. */
  updated = consult_store_get_server_id (fixture.store, "CarePlan", fixture.plan_id, NULL);
  ck_assert_ptr_nonnull (updated);
  ck_assert_str_eq (updated->server_id, care_plan->server_id);
  ck_assert_str_ne (updated->version_id, care_plan->version_id);
  assert_server_id (&fixture, "CarePlan", fixture.plan_id);

  test_sync_clear (&fixture);
}
END_TEST

START_TEST (test_sync_per_request_mode)
{
  TestSync fixture;
  g_autoptr (ConsultSyncReport) first = NULL;
  g_autoptr (ConsultSyncReport) second = NULL;

  test_sync_init (&fixture, TRUE);
  test_sync_command (&fixture, "{\"cmd\":\"transactions\",\"enabled\":false}");

  first = test_sync_run (&fixture, g_get_real_time ());
  ck_assert_msg (first->n_sent == 1, "not sent: %s", first->first_error);
  assert_one_of_each (&fixture);
  ck_assert_uint_eq (consult_test_fhir_server_count (fixture.server, "Consent"), 1);
  assert_linked (&fixture);
  assert_server_id (&fixture, "Patient", fixture.client_id);
  assert_server_id (&fixture, "QuestionnaireResponse", fixture.consultation_id);
  assert_server_id (&fixture, "CarePlan", fixture.plan_id);
  /* metadata, then one request per entry: Patient, Questionnaire,
   * QuestionnaireResponse, CarePlan, Consent. */
  ck_assert_uint_eq (test_sync_count_requests (&fixture), 6);

  /* A new amendment goes the same way, conditionally: still one of each. */
  test_sync_amend (&fixture);
  second = test_sync_run (&fixture, g_get_real_time ());
  ck_assert_msg (second->n_sent == 1, "not sent: %s", second->first_error);
  ck_assert_uint_eq (consult_test_fhir_server_count (fixture.server, "Patient"), 1);
  ck_assert_uint_eq (consult_test_fhir_server_count (fixture.server, "QuestionnaireResponse"), 1);
  ck_assert_uint_eq (consult_test_fhir_server_count (fixture.server, "CarePlan"), 2);
  ck_assert_uint_eq (consult_test_fhir_server_count (fixture.server, "Consent"), 1);

  test_sync_clear (&fixture);
}
END_TEST

START_TEST (test_sync_superseded_entry_is_not_sent)
{
  TestSync fixture;
  g_autoptr (ConsultSyncReport) report = NULL;
  g_autoptr (GPtrArray) due = NULL;
  ConsultStoreOutboxEntry *old_entry;
  g_autoptr (ConsultStoreOutboxEntry) old_now = NULL;

  test_sync_init (&fixture, FALSE);
  due = consult_store_outbox_list_due (fixture.store, g_get_real_time (), 0, NULL);
  ck_assert_uint_eq (due->len, 1);
  old_entry = g_ptr_array_index (due, 0);

  test_sync_touch_draft (&fixture);
  report = test_sync_run (&fixture, g_get_real_time ());
  ck_assert_uint_eq (report->n_sent, 1);
  ck_assert_uint_eq (test_sync_count_requests (&fixture), 2);

  old_now = consult_store_outbox_get (fixture.store, old_entry->id, NULL);
  ck_assert_int_eq (old_now->state, CONSULT_STORE_OUTBOX_SUPERSEDED);
  ck_assert_uint_eq (old_now->attempts, 0);

  test_sync_clear (&fixture);
}
END_TEST

typedef struct
{
  GAsyncResult *result;
} Waiter;

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Waiter *waiter = user_data;

  waiter->result = g_object_ref (result);
}

static ConsultSyncReport *
finish_run (TestSync *fixture,
            Waiter   *waiter,
            GError  **error)
{
  ConsultSyncReport *report;

  while (waiter->result == NULL)
    g_main_context_iteration (NULL, TRUE);

  report = consult_sync_worker_run_finish (fixture->worker, waiter->result, error);
  g_clear_object (&waiter->result);
  return report;
}

/* The draft changes while its Bundle is on the way: the entry sent is
 * superseded, so it is dropped, and the newer one goes next time. */
START_TEST (test_sync_superseded_while_sending)
{
  TestSync fixture;
  Waiter waiter = { NULL };
  g_autoptr (ConsultSyncReport) report = NULL;
  g_autoptr (ConsultSyncReport) next = NULL;
  g_autoptr (ConsultStoreOutboxEntry) entry = NULL;
  g_autoptr (GError) error = NULL;

  test_sync_init (&fixture, FALSE);
  test_sync_command (&fixture, "{\"cmd\":\"fault\",\"faults\":[{\"delayMs\":0},{\"delayMs\":1500}]}");

  consult_sync_worker_run_async (fixture.worker, NULL, on_done, &waiter);
  while (test_sync_count_requests (&fixture) < 2)
    g_usleep (20000);
  test_sync_touch_draft (&fixture);
  ck_assert (consult_sync_worker_is_running (fixture.worker));

  report = finish_run (&fixture, &waiter, &error);
  ck_assert_msg (report != NULL, "run: %s", error != NULL ? error->message : "");
  ck_assert_uint_eq (report->n_sent, 0);
  ck_assert_uint_eq (report->n_failed, 0);

  entry = test_sync_entry (&fixture);
  ck_assert_int_eq (entry->state, CONSULT_STORE_OUTBOX_PENDING);
  ck_assert_uint_eq (entry->attempts, 0);

  next = test_sync_run (&fixture, g_get_real_time ());
  ck_assert_uint_eq (next->n_sent, 1);
  assert_one_of_each (&fixture);

  test_sync_clear (&fixture);
}
END_TEST

/* One run sends, one waits for it; a third has nothing to add. */
START_TEST (test_sync_runs_never_overlap)
{
  TestSync fixture;
  Waiter waiters[3] = { { NULL }, { NULL }, { NULL } };
  guint n_reports = 0;
  guint n_pending = 0;
  guint n_sent = 0;

  test_sync_init (&fixture, FALSE);
  test_sync_command (&fixture, "{\"cmd\":\"fault\",\"faults\":[{\"delayMs\":0},{\"delayMs\":2000}]}");

  consult_sync_worker_run_async (fixture.worker, NULL, on_done, &waiters[0]);
  while (test_sync_count_requests (&fixture) < 2)
    g_usleep (20000);
  consult_sync_worker_run_async (fixture.worker, NULL, on_done, &waiters[1]);
  consult_sync_worker_run_async (fixture.worker, NULL, on_done, &waiters[2]);

  for (guint i = 0; i < G_N_ELEMENTS (waiters); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (ConsultSyncReport) report = finish_run (&fixture, &waiters[i], &error);

      if (report != NULL)
        {
          n_reports++;
          n_sent += report->n_sent;
        }
      else
        {
          ck_assert_msg (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PENDING), "%s", error->message);
          n_pending++;
        }
    }

  ck_assert_uint_eq (n_reports, 2);
  ck_assert_uint_eq (n_pending, 1);
  ck_assert_uint_eq (n_sent, 1);
  ck_assert (!consult_sync_worker_is_running (fixture.worker));
  assert_one_of_each (&fixture);

  test_sync_clear (&fixture);
}
END_TEST

static char *
wait_test_connection (TestSync                  *fixture,
                      const ConsultSyncSettings *settings,
                      GError                   **error)
{
  Waiter waiter = { NULL };
  char *description;

  consult_sync_worker_test_connection_async (fixture->worker, settings, NULL, on_done, &waiter);
  while (waiter.result == NULL)
    g_main_context_iteration (NULL, TRUE);

  description = consult_sync_worker_test_connection_finish (fixture->worker, waiter.result, error);
  g_object_unref (waiter.result);
  return description;
}

START_TEST (test_sync_test_connection)
{
  TestSync fixture;
  g_autoptr (ConsultSyncSettings) wrong_token = NULL;
  g_autofree char *with = NULL;
  g_autofree char *without = NULL;
  g_autofree char *refused = NULL;
  g_autoptr (GError) error = NULL;

  test_sync_init (&fixture, FALSE);
  with = wait_test_connection (&fixture, fixture.settings, &error);
  ck_assert_msg (with != NULL, "%s", error != NULL ? error->message : "");
  ck_assert_msg (strstr (with, "Medplum") != NULL && strstr (with, "FHIR 4.0.1") != NULL &&
                 strstr (with, "takes transactions") != NULL, "%s", with);

  test_sync_command (&fixture, "{\"cmd\":\"transactions\",\"enabled\":false}");
  without = wait_test_connection (&fixture, fixture.settings, &error);
  ck_assert_msg (without != NULL && strstr (without, "one at a time") != NULL, "%s", without);

  wrong_token = consult_sync_settings_copy (fixture.settings);
  g_free (wrong_token->token);
  wrong_token->token = g_strdup ("not-the-token");
  refused = wait_test_connection (&fixture, wrong_token, &error);
  ck_assert_ptr_null (refused);
  ck_assert (g_error_matches (error, CONSULT_SYNC_ERROR, CONSULT_SYNC_ERROR_UNAUTHORIZED));

  test_sync_clear (&fixture);
}
END_TEST

START_TEST (test_sync_not_configured)
{
  g_autofree char *dir = consult_test_store_make_dir ();
  g_autoptr (ConsultStore) store = consult_test_store_open (dir);
  g_autoptr (ConsultSyncWorker) worker = consult_sync_worker_new (store, consult_test_catalogue ());
  g_autoptr (ConsultSyncReport) report = NULL;
  g_autoptr (GError) error = NULL;

  report = consult_sync_worker_run (worker, g_get_real_time (), NULL, &error);
  ck_assert_ptr_null (report);
  ck_assert (g_error_matches (error, CONSULT_SYNC_ERROR, CONSULT_SYNC_ERROR_NOT_CONFIGURED));

  g_clear_object (&worker);
  g_clear_object (&store);
  consult_test_store_remove_dir (dir);
}
END_TEST

static Suite *
sync_suite (void)
{
  Suite *suite = suite_create ("sync");
  TCase *delivery = tcase_create ("delivery");

  /* Each test starts its own server: a few seconds of Node start-up. */
  tcase_set_timeout (delivery, 240);
  tcase_add_test (delivery, test_sync_first_send_creates_the_records);
  tcase_add_test (delivery, test_sync_sending_again_creates_no_duplicate);
  tcase_add_test (delivery, test_sync_per_request_mode);
  tcase_add_test (delivery, test_sync_superseded_entry_is_not_sent);
  tcase_add_test (delivery, test_sync_superseded_while_sending);
  tcase_add_test (delivery, test_sync_runs_never_overlap);
  tcase_add_test (delivery, test_sync_test_connection);
  tcase_add_test (delivery, test_sync_not_configured);
  suite_add_tcase (suite, delivery);

  suite_add_tcase (suite, test_sync_faults_case ());

  return suite;
}

int
main (void)
{
  /* Every level reaches the writer, so that nothing the sender logs
   * escapes the check for patient data. */
  g_setenv ("G_MESSAGES_DEBUG", "all", TRUE);
  log_text = g_string_new (NULL);
  g_log_set_writer_func (capture_log, NULL, NULL);

  return consult_test_run_suite (sync_suite ());
}

char *
test_sync_log (void)
{
  g_autoptr (GMutexLocker) locker = g_mutex_locker_new (&log_lock);

  return g_strdup (log_text->str);
}
