/* test-sync-faults.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sender when the server is down, busy, slow, refuses, or cannot be
 * trusted; what a person is told; what is never logged; the CLI.
 */

#include "config.h"

#include <string.h>

#include "consult-sync-error.h"
#include "consult-test-store.h"
#include "test-sync.h"

/* The fault list that lets /metadata through and gives the transaction
 * @fault. */
static void
fault_transaction (TestSync   *fixture,
                   const char *fault)
{
  g_autofree char *command = g_strdup_printf ("{\"cmd\":\"fault\",\"faults\":[{\"delayMs\":0},%s]}", fault);

  test_sync_command (fixture, command);
}

START_TEST (test_sync_server_down_then_restarted)
{
  TestSync fixture;
  g_autoptr (ConsultSyncReport) down = NULL;
  g_autoptr (ConsultSyncReport) early = NULL;
  g_autoptr (ConsultSyncReport) up = NULL;
  g_autoptr (ConsultStoreOutboxEntry) waiting = NULL;
  g_autoptr (ConsultStoreOutboxEntry) sent = NULL;
  gint64 now;

  test_sync_init (&fixture, FALSE);
  now = g_get_real_time ();
  test_sync_command (&fixture, "{\"cmd\":\"down\"}");

  down = test_sync_run (&fixture, now);
  ck_assert_uint_eq (down->n_sent, 0);
  ck_assert_uint_eq (down->n_retrying, 1);
  ck_assert_uint_eq (down->n_failed, 0);
  ck_assert_ptr_nonnull (down->first_error);

  waiting = test_sync_entry (&fixture);
  ck_assert_int_eq (waiting->state, CONSULT_STORE_OUTBOX_PENDING);
  ck_assert_uint_eq (waiting->attempts, 1);
  ck_assert_uint_eq (waiting->last_status, 0);
  ck_assert_str_eq (waiting->last_error, down->first_error);
  /* The first backoff: from 1 s to 30 s. */
  ck_assert_int_ge (waiting->next_attempt_at, now + G_USEC_PER_SEC);
  ck_assert_int_le (waiting->next_attempt_at, now + 30 * G_USEC_PER_SEC);
  ck_assert_int_eq (down->next_attempt_at, waiting->next_attempt_at);

  /* The application restarts; the server comes back.  Before the next
   * attempt is due nothing is sent. */
  test_sync_restart (&fixture);
  test_sync_command (&fixture, "{\"cmd\":\"up\"}");
  early = test_sync_run (&fixture, waiting->next_attempt_at - 1);
  ck_assert_uint_eq (early->n_sent + early->n_retrying + early->n_failed, 0);
  ck_assert_uint_eq (test_sync_count_requests (&fixture), 0);

  up = test_sync_run (&fixture, waiting->next_attempt_at);
  ck_assert_uint_eq (up->n_sent, 1);
  ck_assert_uint_eq (consult_test_fhir_server_count (fixture.server, "CarePlan"), 1);
  sent = test_sync_entry (&fixture);
  ck_assert_int_eq (sent->state, CONSULT_STORE_OUTBOX_SENT);

  test_sync_clear (&fixture);
}
END_TEST

START_TEST (test_sync_retry_after_is_honoured)
{
  TestSync fixture;
  g_autoptr (ConsultSyncReport) throttled = NULL;
  g_autoptr (ConsultSyncReport) unavailable = NULL;
  g_autoptr (ConsultSyncReport) done = NULL;
  g_autoptr (ConsultStoreOutboxEntry) after_429 = NULL;
  g_autoptr (ConsultStoreOutboxEntry) after_503 = NULL;
  gint64 now;

  test_sync_init (&fixture, FALSE);
  now = g_get_real_time ();

  /* 429 on /metadata: every due entry waits as long as the server asked. */
  test_sync_command (&fixture, "{\"cmd\":\"fault\",\"faults\":[{\"status\":429,\"retryAfter\":7}]}");
  throttled = test_sync_run (&fixture, now);
  ck_assert_uint_eq (throttled->n_retrying, 1);
  after_429 = test_sync_entry (&fixture);
  ck_assert_uint_eq (after_429->last_status, 429);
  ck_assert_uint_eq (after_429->attempts, 1);
  ck_assert_int_eq (after_429->next_attempt_at, now + 7 * G_USEC_PER_SEC);

  /* 503 on the transaction itself. */
  now = after_429->next_attempt_at;
  fault_transaction (&fixture, "{\"status\":503,\"retryAfter\":11}");
  unavailable = test_sync_run (&fixture, now);
  ck_assert_uint_eq (unavailable->n_retrying, 1);
  after_503 = test_sync_entry (&fixture);
  ck_assert_int_eq (after_503->state, CONSULT_STORE_OUTBOX_PENDING);
  ck_assert_uint_eq (after_503->last_status, 503);
  ck_assert_uint_eq (after_503->attempts, 2);
  ck_assert_int_eq (after_503->next_attempt_at, now + 11 * G_USEC_PER_SEC);
  ck_assert_int_eq (unavailable->next_attempt_at, after_503->next_attempt_at);

  done = test_sync_run (&fixture, after_503->next_attempt_at);
  ck_assert_uint_eq (done->n_sent, 1);

  test_sync_clear (&fixture);
}
END_TEST

START_TEST (test_sync_dropped_connection_is_retried)
{
  TestSync fixture;
  g_autoptr (ConsultSyncReport) report = NULL;
  g_autoptr (ConsultStoreOutboxEntry) entry = NULL;

  test_sync_init (&fixture, FALSE);
  /* Twice: libcurl itself resends once on a fresh connection when a
   * reused one dies before any answer (harmless: requests are conditional). */
  fault_transaction (&fixture, "{\"drop\":true,\"times\":2}");
  report = test_sync_run (&fixture, g_get_real_time ());
  ck_assert_uint_eq (report->n_retrying, 1);
  entry = test_sync_entry (&fixture);
  ck_assert_int_eq (entry->state, CONSULT_STORE_OUTBOX_PENDING);
  ck_assert_uint_eq (entry->last_status, 0);

  test_sync_clear (&fixture);
}
END_TEST

/* No answer at all: the low-speed limit ends the wait before the total
 * timeout does (both shortened here). */
START_TEST (test_sync_stalled_server_is_abandoned)
{
  TestSync fixture;
  g_autoptr (ConsultSyncReport) report = NULL;
  g_autoptr (ConsultStoreOutboxEntry) entry = NULL;
  gint64 started;

  test_sync_init (&fixture, FALSE);
  consult_sync_worker_set_timeouts (fixture.worker, &(ConsultFhirTimeouts) { 10, 20, 2 });
  fault_transaction (&fixture, "{\"stall\":true}");

  started = g_get_monotonic_time ();
  report = test_sync_run (&fixture, g_get_real_time ());
  ck_assert_int_lt (g_get_monotonic_time () - started, 15 * G_USEC_PER_SEC);
  ck_assert_uint_eq (report->n_retrying, 1);
  ck_assert_msg (strstr (report->first_error, "did not answer in time") != NULL, "%s", report->first_error);

  entry = test_sync_entry (&fixture);
  ck_assert_int_eq (entry->state, CONSULT_STORE_OUTBOX_PENDING);
  ck_assert_uint_eq (entry->last_status, 0);

  test_sync_clear (&fixture);
}
END_TEST

static void
assert_failed_once (TestSync   *fixture,
                    guint       status,
                    const char *text)
{
  g_autoptr (ConsultStoreOutboxEntry) entry = test_sync_entry (fixture);

  ck_assert_int_eq (entry->state, CONSULT_STORE_OUTBOX_FAILED);
  ck_assert_uint_eq (entry->attempts, 1);
  ck_assert_uint_eq (entry->last_status, status);
  ck_assert_msg (entry->last_error != NULL && strstr (entry->last_error, text) != NULL,
                 "“%s” does not say “%s”", entry->last_error, text);
}

START_TEST (test_sync_unauthorized_is_not_retried)
{
  TestSync fixture;
  g_autoptr (ConsultSyncReport) report = NULL;
  g_autoptr (ConsultSyncReport) later = NULL;

  test_sync_init (&fixture, FALSE);
  g_free (fixture.settings->token);
  fixture.settings->token = g_strdup ("not-the-token");
  consult_sync_worker_set_settings (fixture.worker, fixture.settings);

  report = test_sync_run (&fixture, g_get_real_time ());
  ck_assert_uint_eq (report->n_failed, 1);
  ck_assert_uint_eq (report->n_retrying, 0);
  ck_assert_msg (strstr (report->first_error, "access token") != NULL, "%s", report->first_error);
  assert_failed_once (&fixture, 401, "Check the access token");
  ck_assert_uint_eq (test_sync_count_requests (&fixture), 1);

  later = test_sync_run (&fixture, g_get_real_time () + (gint64) 24 * 3600 * G_USEC_PER_SEC);
  ck_assert_uint_eq (later->n_sent + later->n_retrying + later->n_failed, 0);
  ck_assert_uint_eq (test_sync_count_requests (&fixture), 1);
  ck_assert_uint_eq (consult_test_fhir_server_count (fixture.server, "Patient"), 0);

  test_sync_clear (&fixture);
}
END_TEST

/* The server's OperationOutcome reaches the person; it may quote the
 * record, so it never reaches the log. */
START_TEST (test_sync_rejected_is_not_retried_nor_logged)
{
  TestSync fixture;
  g_autoptr (ConsultSyncReport) report = NULL;
  g_autoptr (ConsultSyncReport) later = NULL;
  g_auto (GStrv) patient = NULL;
  g_autofree char *fault = NULL;
  g_autofree char *log = NULL;

  test_sync_init (&fixture, FALSE);
  patient = test_sync_patient_data (&fixture);
  fault = g_strdup_printf ("{\"status\":422,\"text\":\"Patient.name: %s %s is not acceptable\"}",
                           patient[0], patient[1]);
  fault_transaction (&fixture, fault);

  report = test_sync_run (&fixture, g_get_real_time ());
  ck_assert_uint_eq (report->n_failed, 1);
  ck_assert_msg (strstr (report->first_error, "HTTP 422") != NULL &&
                 strstr (report->first_error, "is not acceptable") != NULL, "%s", report->first_error);
  assert_failed_once (&fixture, 422, patient[1]);
  ck_assert_uint_eq (test_sync_count_requests (&fixture), 2);

  later = test_sync_run (&fixture, g_get_real_time () + (gint64) 24 * 3600 * G_USEC_PER_SEC);
  ck_assert_uint_eq (later->n_sent + later->n_retrying + later->n_failed, 0);
  ck_assert_uint_eq (test_sync_count_requests (&fixture), 2);

  log = test_sync_log ();
  ck_assert_msg (strstr (log, "Outbox entry") != NULL, "the sender logged nothing: %s", log);
  for (guint i = 0; patient[i] != NULL; i++)
    ck_assert_msg (strstr (log, patient[i]) == NULL, "“%s” was logged", patient[i]);

  test_sync_clear (&fixture);
}
END_TEST

/* Successful sends in both modes, a refusal and a network failure: the
 * whole log holds none of the client's details. */
START_TEST (test_sync_logs_no_patient_data)
{
  TestSync fixture;
  g_autoptr (ConsultSyncReport) sent = NULL;
  g_autoptr (ConsultSyncReport) each = NULL;
  g_autoptr (ConsultSyncReport) down = NULL;
  g_auto (GStrv) patient = NULL;
  g_autofree char *log = NULL;

  test_sync_init (&fixture, TRUE);
  patient = test_sync_patient_data (&fixture);

  sent = test_sync_run (&fixture, g_get_real_time ());
  ck_assert_uint_eq (sent->n_sent, 1);

  test_sync_amend (&fixture);
  test_sync_command (&fixture, "{\"cmd\":\"transactions\",\"enabled\":false}");
  fault_transaction (&fixture, "{\"status\":400,\"text\":\"Refused\"}");
  each = test_sync_run (&fixture, g_get_real_time ());
  ck_assert_uint_eq (each->n_failed, 1);

  ck_assert (consult_store_outbox_send_now (fixture.store, NULL, NULL));
  test_sync_command (&fixture, "{\"cmd\":\"down\"}");
  down = test_sync_run (&fixture, g_get_real_time ());
  ck_assert_uint_eq (down->n_retrying, 1);

  log = test_sync_log ();
  ck_assert_msg (strstr (log, "Outbox entry") != NULL && strstr (log, "Patient") != NULL,
                 "the sender logged too little: %s", log);
  for (guint i = 0; patient[i] != NULL; i++)
    ck_assert_msg (strstr (log, patient[i]) == NULL, "“%s” was logged", patient[i]);

  test_sync_clear (&fixture);
}
END_TEST

START_TEST (test_sync_untrusted_certificate_is_refused)
{
  TestSync fixture;
  g_autoptr (ConsultSyncReport) report = NULL;
  g_autoptr (ConsultSyncReport) other_ca = NULL;

  test_sync_init (&fixture, FALSE);
  consult_test_fhir_server_use_untrusted_certificate (fixture.server, TRUE);

  report = test_sync_run (&fixture, g_get_real_time ());
  ck_assert_uint_eq (report->n_failed, 1);
  ck_assert_msg (strstr (report->first_error, "certificate is not trusted") != NULL, "%s", report->first_error);
  assert_failed_once (&fixture, 0, "certificate is not trusted");
  ck_assert_uint_eq (consult_test_fhir_server_count (fixture.server, "Patient"), 0);

  /* Trusting some other CA is no better than trusting none. */
  consult_test_fhir_server_use_untrusted_certificate (fixture.server, FALSE);
  ck_assert (consult_store_outbox_send_now (fixture.store, NULL, NULL));
  g_free (fixture.settings->ca_file);
  fixture.settings->ca_file = g_strdup (consult_test_fhir_server_get_untrusted_ca_file (fixture.server));
  consult_sync_worker_set_settings (fixture.worker, fixture.settings);
  other_ca = test_sync_run (&fixture, g_get_real_time ());
  ck_assert_uint_eq (other_ca->n_failed, 1);
  ck_assert_msg (strstr (other_ca->first_error, "certificate is not trusted") != NULL, "%s",
                 other_ca->first_error);
  ck_assert_uint_eq (consult_test_fhir_server_count (fixture.server, "Patient"), 0);

  test_sync_clear (&fixture);
}
END_TEST

static int
run_cli (TestSync  *fixture,
         char     **out,
         char     **err,
         gboolean   with_base_url)
{
  const char *db_path = consult_store_get_path (fixture->store);

  if (!with_base_url)
    return consult_test_store_cli (out, err, db_path, "sync", "--system", TEST_SYNC_SYSTEM, NULL);

  return consult_test_store_cli (out, err, db_path, "sync",
                                 "--base-url", fixture->settings->base_url,
                                 "--system", TEST_SYNC_SYSTEM,
                                 "--ca-file", fixture->settings->ca_file, NULL);
}

START_TEST (test_sync_cli)
{
  TestSync fixture;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  test_sync_init (&fixture, FALSE);

  /* The preferences hold no address in the tests' memory backend. */
  ck_assert_int_eq (run_cli (&fixture, &out, &err, FALSE), 1);
  ck_assert_msg (strstr (err, "No FHIR server address is set") != NULL, "%s", err);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* No token in the environment: refused, and said so. */
  g_unsetenv ("MEDSPA_CONSULT_FHIR_TOKEN");
  ck_assert_int_eq (run_cli (&fixture, &out, &err, TRUE), 1);
  ck_assert_msg (strstr (out, "Sent: 0, waiting to be retried: 0, failed: 1") != NULL, "%s", out);
  ck_assert_msg (strstr (out, "First problem: ") != NULL && strstr (out, "access token") != NULL, "%s", out);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  ck_assert (consult_store_outbox_send_now (fixture.store, NULL, NULL));
  g_setenv ("MEDSPA_CONSULT_FHIR_TOKEN", consult_test_fhir_server_get_token (fixture.server), TRUE);
  ck_assert_int_eq (run_cli (&fixture, &out, &err, TRUE), 0);
  ck_assert_msg (strstr (out, "Sent: 1, waiting to be retried: 0, failed: 0") != NULL, "%s", out);
  ck_assert_uint_eq (consult_test_fhir_server_count (fixture.server, "CarePlan"), 1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Waiting for a retry is not a failure. */
  test_sync_touch_draft (&fixture);
  test_sync_command (&fixture, "{\"cmd\":\"down\"}");
  ck_assert_int_eq (run_cli (&fixture, &out, &err, TRUE), 0);
  ck_assert_msg (strstr (out, "waiting to be retried: 1") != NULL && strstr (out, "Next attempt: ") != NULL,
                 "%s", out);
  g_unsetenv ("MEDSPA_CONSULT_FHIR_TOKEN");

  test_sync_clear (&fixture);
}
END_TEST

TCase *
test_sync_faults_case (void)
{
  TCase *faults = tcase_create ("faults");

  tcase_set_timeout (faults, 240);
  tcase_add_test (faults, test_sync_server_down_then_restarted);
  tcase_add_test (faults, test_sync_retry_after_is_honoured);
  tcase_add_test (faults, test_sync_dropped_connection_is_retried);
  tcase_add_test (faults, test_sync_stalled_server_is_abandoned);
  tcase_add_test (faults, test_sync_unauthorized_is_not_retried);
  tcase_add_test (faults, test_sync_rejected_is_not_retried_nor_logged);
  tcase_add_test (faults, test_sync_logs_no_patient_data);
  tcase_add_test (faults, test_sync_untrusted_certificate_is_refused);
  tcase_add_test (faults, test_sync_cli);

  return faults;
}
