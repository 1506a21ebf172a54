/* test-store-outbox.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>

#include <glib/gstdio.h>

#include <json-glib/json-glib.h>

#include "consult-test.h"
#include "consult-test-store.h"
#include "consult-store-backup.h"
#include "consult-store-migrations.h"
#include "consult-store-outbox.h"
#include "consult-store-plans.h"

#define HOUR G_GINT64_CONSTANT (3600000000)
#define AMENDED_PLAN_JSON "{\"format\":\"medspa-consult/plan\",\"version\":1,\"phases\":[{}]}"

static char *dir;
static ConsultStore *store;

static void
setup (void)
{
  dir = consult_test_store_make_dir ();
  store = consult_test_store_open (dir);
}

static void
teardown (void)
{
  g_clear_object (&store);
  consult_test_store_remove_dir (dir);
  g_clear_pointer (&dir, g_free);
}

/* One number from the database as committed, through a connection of its
 * own; @arg1 and @arg2 (nullable) are bound to ?1 and ?2. */
static gint64
query_int (const char *sql,
           const char *arg1,
           const char *arg2)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  ck_assert_int_eq (sqlite3_open_v2 (consult_store_get_path (store), &db, SQLITE_OPEN_READONLY, NULL),
                    SQLITE_OK);
  ck_assert_int_eq (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), SQLITE_OK);
  if (arg1 != NULL)
    sqlite3_bind_text (stmt, 1, arg1, -1, SQLITE_TRANSIENT);
  if (arg2 != NULL)
    sqlite3_bind_text (stmt, 2, arg2, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

static void
exec_raw (const char *sql)
{
  sqlite3 *db = NULL;

  ck_assert_int_eq (sqlite3_open (consult_store_get_path (store), &db), SQLITE_OK);
  ck_assert_int_eq (sqlite3_exec (db, sql, NULL, NULL, NULL), SQLITE_OK);
  sqlite3_close (db);
}

static gint64
count_state (const char *plan_id,
             const char *state)
{
  return query_int ("SELECT count(*) FROM fhir_outbox WHERE plan_id = ?1 AND state = ?2",
                    plan_id, state);
}

static gint64
outbox_audit_rows (void)
{
  return query_int ("SELECT count(*) FROM audit WHERE table_name = 'fhir_outbox'", NULL, NULL);
}

static void
assert_verified (void)
{
  g_autoptr (GError) error = NULL;

  ck_assert_msg (consult_store_verify (store, NULL, &error), "%s", error ? error->message : "");
}

static ConsultStoreOutboxEntry *
waiting_entry (const char *plan_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ConsultStorePlanVersion) plan = consult_store_get_plan (store, plan_id, &error);
  ConsultStoreOutboxEntry *entry;

  ck_assert_msg (plan != NULL, "%s", error ? error->message : "");
  entry = consult_store_outbox_get_for_consultation (store, plan->consultation_id, &error);
  ck_assert_msg (entry != NULL, "%s", error ? error->message : "");
  ck_assert_str_eq (entry->plan_id, plan_id);
  ck_assert_str_eq (entry->consultation_id, plan->consultation_id);

  return entry;
}

static char *
waiting_id (const char *plan_id)
{
  g_autoptr (ConsultStoreOutboxEntry) entry = waiting_entry (plan_id);

  ck_assert_int_eq (entry->state, CONSULT_STORE_OUTBOX_PENDING);
  return g_strdup (entry->id);
}

static void
mark_sent (const char *entry_id)
{
  g_autoptr (GError) error = NULL;

  ck_assert_msg (consult_store_outbox_mark_sent (store, entry_id, NULL, &error), "%s",
                 error ? error->message : "");
}

static void
sign (const char *plan_id)
{
  g_autoptr (GError) error = NULL;

  ck_assert_msg (consult_store_sign_plan (store, plan_id, "Dr. Lin", &error), "%s",
                 error ? error->message : "");
}

static char *
amend (const char *plan_id)
{
  g_autoptr (GError) error = NULL;
  char *amended = consult_store_amend_plan (store, plan_id, AMENDED_PLAN_JSON, "2026.1", &error);

  ck_assert_msg (amended != NULL, "%s", error ? error->message : "");
  return amended;
}

START_TEST (test_every_write_enqueues)
{
  g_autofree char *client_id = NULL;
  g_autofree char *plan_id = consult_test_store_save_visit (store, "Ana", "Díaz", NULL, &client_id);
  g_autofree char *amended = NULL;
  g_autofree char *consent_id = NULL;
  g_autofree char *sent_id = NULL;
  g_autoptr (ConsultStoreOutboxEntry) entry = waiting_entry (plan_id);
  g_autoptr (GError) error = NULL;
  gint64 audited = outbox_audit_rows ();

  /* Saving a consultation queues its first plan version, due at once. */
  ck_assert_int_eq (entry->state, CONSULT_STORE_OUTBOX_PENDING);
  ck_assert_str_eq (entry->client_id, client_id);
  ck_assert_uint_eq (entry->attempts, 0);
  ck_assert_int_eq (entry->next_attempt_at, entry->enqueued_at);
  ck_assert_int_le (entry->enqueued_at, g_get_real_time ());
  ck_assert_int_eq (entry->sent_at, 0);
  ck_assert_uint_eq (entry->last_status, 0);
  ck_assert_ptr_null (entry->last_error);
  ck_assert_int_eq (audited, 1);

  ck_assert (consult_store_update_plan_draft (store, plan_id, AMENDED_PLAN_JSON, "2026.1", &error));
  ck_assert_int_eq (count_state (plan_id, "pending"), 1);
  ck_assert_int_gt (outbox_audit_rows (), audited);
  audited = outbox_audit_rows ();

  sign (plan_id);
  ck_assert_int_eq (count_state (plan_id, "pending"), 1);
  ck_assert_int_gt (outbox_audit_rows (), audited);
  audited = outbox_audit_rows ();

  /* Once sent, the next change needs a new entry. */
  sent_id = waiting_id (plan_id);
  mark_sent (sent_id);
  consent_id = consult_store_record_consent (store, plan_id, "consent-2026.1", "2026-11-23",
                                             "Ana Díaz", &error);
  ck_assert_msg (consent_id != NULL, "%s", error ? error->message : "");
  ck_assert_int_eq (count_state (plan_id, "pending"), 1);
  ck_assert_int_eq (count_state (plan_id, "sent"), 1);
  ck_assert_int_gt (outbox_audit_rows (), audited);

  amended = amend (plan_id);
  ck_assert_int_eq (count_state (amended, "pending"), 1);

  /* A plan added to a consultation saved without one. */
  {
    g_autoptr (ConsultStoreClient) client = consult_store_client_new ();
    g_autoptr (ConsultStoreConsultation) consultation = consult_store_consultation_new ();
    g_autofree char *added = NULL;

    client->given_name = g_strdup ("Bea");
    client->family_name = g_strdup ("Ruiz");
    consultation->consultation_date = g_strdup ("2026-11-23");
    consultation->intake_json = g_strdup (TEST_INTAKE_JSON);
    consultation->catalogue_version = g_strdup ("2026.1");
    ck_assert (consult_store_save_consultation (store, client, consultation, NULL, NULL, &error));
    ck_assert_int_eq (query_int ("SELECT count(*) FROM fhir_outbox WHERE consultation_id = ?1",
                                 consultation->id, NULL), 0);
    added = consult_store_add_plan (store, consultation->id, TEST_PLAN_JSON, "2026.1", &error);
    ck_assert_msg (added != NULL, "%s", error ? error->message : "");
    ck_assert_int_eq (count_state (added, "pending"), 1);
  }

  assert_verified ();
}
END_TEST

START_TEST (test_failed_write_enqueues_nothing)
{
  g_autofree char *plan_id = consult_test_store_save_visit (store, "Ana", "Díaz", NULL, NULL);
  g_autoptr (ConsultStorePlanVersion) plan = NULL;
  g_autoptr (GError) error = NULL;
  gint64 entries = consult_test_store_count (store, "fhir_outbox");
  gint64 audited = consult_test_store_count (store, "audit");

  ck_assert (!consult_store_sign_plan (store, "00000000-0000-4000-8000-000000000000", "Dr. Lin", &error));
  consult_test_assert_error (error, CONSULT_STORE_ERROR, CONSULT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  ck_assert (!consult_store_record_consent (store, plan_id, "consent-2026.1", "2026-11-23",
                                            "Ana Díaz", &error));
  g_clear_error (&error);
  ck_assert_int_eq (consult_test_store_count (store, "fhir_outbox"), entries);

  /* The other way round: when the outbox cannot be written, the write
   * that needed it is undone too. */
  exec_raw ("CREATE TRIGGER refuse_outbox BEFORE INSERT ON fhir_outbox "
            "BEGIN SELECT RAISE (ABORT, 'injected'); END");
  ck_assert (!consult_store_update_plan_draft (store, plan_id, AMENDED_PLAN_JSON, "2026.1", &error));
  g_clear_error (&error);
  ck_assert (!consult_store_sign_plan (store, plan_id, "Dr. Lin", &error));
  g_clear_error (&error);
  ck_assert_int_eq (consult_test_store_count (store, "fhir_outbox"), entries);
  ck_assert_int_eq (consult_test_store_count (store, "audit"), audited);
  plan = consult_store_get_plan (store, plan_id, &error);
  ck_assert_int_eq (plan->status, CONSULT_STORE_PLAN_DRAFT);
  ck_assert_str_eq (plan->plan_json, TEST_PLAN_JSON);
  ck_assert_int_eq (count_state (plan_id, "pending"), 1);
}
END_TEST

/* Newer content replaces the waiting entry: a sender still holding the
 * old one cannot mark the newer content as sent. */
START_TEST (test_waiting_entry_is_replaced)
{
  g_autofree char *plan_id = consult_test_store_save_visit (store, "Ana", "Díaz", NULL, NULL);
  g_autofree char *first = waiting_id (plan_id);
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  g_autoptr (ConsultStoreOutboxEntry) old = NULL;
  g_autoptr (GError) error = NULL;

  ck_assert (consult_store_update_plan_draft (store, plan_id, AMENDED_PLAN_JSON, "2026.1", &error));
  second = waiting_id (plan_id);
  ck_assert_str_ne (first, second);
  ck_assert_int_eq (count_state (plan_id, "pending"), 1);
  ck_assert_int_eq (count_state (plan_id, "superseded"), 1);

  ck_assert (!consult_store_outbox_mark_sent (store, first, NULL, &error));
  consult_test_assert_error (error, CONSULT_STORE_ERROR, CONSULT_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  ck_assert (!consult_store_outbox_schedule_retry (store, first, g_get_real_time (), 503, NULL, &error));
  consult_test_assert_error (error, CONSULT_STORE_ERROR, CONSULT_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  old = consult_store_outbox_get (store, first, &error);
  ck_assert_int_eq (old->state, CONSULT_STORE_OUTBOX_SUPERSEDED);

  /* A failed entry is replaced the same way, and the new one is due now. */
  ck_assert (consult_store_outbox_mark_failed (store, second, 422, "Unknown code", &error));
  ck_assert (consult_store_update_plan_draft (store, plan_id, TEST_PLAN_JSON, "2026.1", &error));
  third = waiting_id (plan_id);
  ck_assert_int_eq (count_state (plan_id, "failed"), 0);
  ck_assert_int_eq (count_state (plan_id, "superseded"), 2);
  {
    g_autoptr (ConsultStoreOutboxEntry) entry = consult_store_outbox_get (store, third, &error);

    ck_assert_uint_eq (entry->attempts, 0);
    ck_assert_ptr_null (entry->last_error);
    ck_assert_int_le (entry->next_attempt_at, g_get_real_time ());
  }

  /* The database itself keeps one waiting entry per plan version, and
   * what is done never changes. */
  {
    sqlite3 *db = NULL;

    ck_assert_int_eq (sqlite3_open (consult_store_get_path (store), &db), SQLITE_OK);
    ck_assert_int_ne (sqlite3_exec (db,
                                    "INSERT INTO fhir_outbox (id, plan_id, consultation_id, client_id, "
                                    "enqueued_at, next_attempt_at) SELECT "
                                    "'00000000-0000-4000-8000-000000000000', plan_id, consultation_id, "
                                    "client_id, 0, 0 FROM fhir_outbox WHERE state = 'pending'",
                                    NULL, NULL, NULL), SQLITE_OK);
    ck_assert_int_ne (sqlite3_exec (db, "UPDATE fhir_outbox SET state = 'pending' WHERE state = 'superseded'",
                                    NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close (db);
  }
  assert_verified ();
}
END_TEST

START_TEST (test_signing_supersedes_older_unsent)
{
  g_autofree char *v1 = consult_test_store_save_visit (store, "Ana", "Díaz", NULL, NULL);
  g_autofree char *v2 = NULL;
  g_autofree char *v1_entry = NULL;
  g_autoptr (ConsultStoreOutboxEntry) shown = NULL;
  g_autoptr (GError) error = NULL;

  sign (v1);
  v1_entry = waiting_id (v1);

  /* A draft amendment leaves the signed version's entry alone: the
   * signed plan stays the one in force until the amendment is signed. */
  v2 = amend (v1);
  ck_assert_int_eq (count_state (v1, "pending"), 1);
  ck_assert_int_eq (count_state (v2, "pending"), 1);

  sign (v2);
  /* Its draft's entry went when it was signed, its own now. */
  ck_assert_int_eq (count_state (v1, "pending"), 0);
  ck_assert_int_eq (count_state (v1, "superseded"), 2);
  ck_assert_int_eq (count_state (v2, "pending"), 1);
  ck_assert (!consult_store_outbox_mark_sent (store, v1_entry, NULL, &error));
  consult_test_assert_error (error, CONSULT_STORE_ERROR, CONSULT_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  shown = waiting_entry (v2);
  ck_assert_int_eq (shown->state, CONSULT_STORE_OUTBOX_PENDING);
  assert_verified ();
}
END_TEST

/* A server that holds the older version must learn that it is revoked. */
START_TEST (test_signing_resends_older_sent_version)
{
  g_autofree char *v1 = consult_test_store_save_visit (store, "Ana", "Díaz", NULL, NULL);
  g_autofree char *v1_entry = NULL;
  g_autofree char *v2 = NULL;
  g_autoptr (GError) error = NULL;

  sign (v1);
  v1_entry = waiting_id (v1);
  mark_sent (v1_entry);
  v2 = amend (v1);
  sign (v2);

  ck_assert_int_eq (count_state (v1, "sent"), 1);
  ck_assert_int_eq (count_state (v1, "pending"), 1);
  ck_assert_int_eq (count_state (v2, "pending"), 1);
  assert_verified ();
}
END_TEST

START_TEST (test_discarded_draft_takes_unsent_entries)
{
  g_autofree char *plan_id = consult_test_store_save_visit (store, "Ana", "Díaz", NULL, NULL);
  g_autofree char *other = consult_test_store_save_visit (store, "Bea", "Ruiz", NULL, NULL);
  g_autofree char *sent_id = NULL;
  g_autoptr (ConsultStorePlanVersion) plan = consult_store_get_plan (store, other, NULL);
  g_autoptr (ConsultStoreOutboxEntry) kept = NULL;
  g_autoptr (GError) error = NULL;

  ck_assert (consult_store_update_plan_draft (store, plan_id, AMENDED_PLAN_JSON, "2026.1", &error));
  ck_assert (consult_store_discard_plan_draft (store, plan_id, &error));
  ck_assert_int_eq (query_int ("SELECT count(*) FROM fhir_outbox WHERE plan_id = ?1", plan_id, NULL), 0);

  /* The record that the server received a draft outlives the draft. */
  sent_id = waiting_id (other);
  mark_sent (sent_id);
  ck_assert (consult_store_update_plan_draft (store, other, AMENDED_PLAN_JSON, "2026.1", &error));
  ck_assert (consult_store_discard_plan_draft (store, other, &error));
  ck_assert_int_eq (query_int ("SELECT count(*) FROM fhir_outbox WHERE plan_id = ?1", other, NULL), 1);
  kept = consult_store_outbox_get_for_consultation (store, plan->consultation_id, &error);
  ck_assert_str_eq (kept->id, sent_id);
  ck_assert_int_eq (kept->state, CONSULT_STORE_OUTBOX_SENT);
  ck_assert_int_gt (kept->sent_at, 0);
  assert_verified ();
}
END_TEST

START_TEST (test_due_oldest_first)
{
  g_autofree char *a = consult_test_store_save_visit (store, "Ana", "Díaz", NULL, NULL);
  g_autofree char *b = consult_test_store_save_visit (store, "Bea", "Ruiz", NULL, NULL);
  g_autofree char *c = consult_test_store_save_visit (store, "Cruz", "Mora", NULL, NULL);
  g_autofree char *a_entry = waiting_id (a);
  g_autoptr (GPtrArray) due = NULL;
  g_autoptr (GPtrArray) later = NULL;
  g_autoptr (GPtrArray) first = NULL;
  g_autoptr (GError) error = NULL;
  gint64 now = g_get_real_time ();

  ck_assert (consult_store_outbox_schedule_retry (store, a_entry, now + HOUR, 0, NULL, &error));

  due = consult_store_outbox_list_due (store, now, 0, &error);
  ck_assert_uint_eq (due->len, 2);
  ck_assert_str_eq (((ConsultStoreOutboxEntry *) g_ptr_array_index (due, 0))->plan_id, b);
  ck_assert_str_eq (((ConsultStoreOutboxEntry *) g_ptr_array_index (due, 1))->plan_id, c);

  later = consult_store_outbox_list_due (store, now + 2 * HOUR, 0, &error);
  ck_assert_uint_eq (later->len, 3);
  ck_assert_str_eq (((ConsultStoreOutboxEntry *) g_ptr_array_index (later, 0))->plan_id, a);

  first = consult_store_outbox_list_due (store, now + 2 * HOUR, 1, &error);
  ck_assert_uint_eq (first->len, 1);
  ck_assert_str_eq (((ConsultStoreOutboxEntry *) g_ptr_array_index (first, 0))->plan_id, a);
}
END_TEST

START_TEST (test_retry_survives_restart)
{
  g_autofree char *plan_id = consult_test_store_save_visit (store, "Ana", "Díaz", NULL, NULL);
  g_autofree char *entry_id = waiting_id (plan_id);
  g_autoptr (ConsultStoreOutboxEntry) entry = NULL;
  g_autoptr (GPtrArray) due = NULL;
  g_autoptr (GError) error = NULL;
  gint64 at = g_get_real_time () + HOUR;

  ck_assert (consult_store_outbox_schedule_retry (store, entry_id, at, 503, "Service unavailable", &error));
  ck_assert (consult_store_outbox_schedule_retry (store, entry_id, at + HOUR, 0, NULL, &error));
  g_clear_object (&store);

  store = consult_test_store_open (dir);
  entry = consult_store_outbox_get (store, entry_id, &error);
  ck_assert_int_eq (entry->state, CONSULT_STORE_OUTBOX_PENDING);
  ck_assert_uint_eq (entry->attempts, 2);
  ck_assert_int_eq (entry->next_attempt_at, at + HOUR);
  ck_assert_uint_eq (entry->last_status, 0);
  ck_assert_ptr_null (entry->last_error);
  due = consult_store_outbox_list_due (store, at + HOUR - 1, 0, &error);
  ck_assert_uint_eq (due->len, 0);

  g_clear_pointer (&entry, consult_store_outbox_entry_free);
  ck_assert (consult_store_outbox_schedule_retry (store, entry_id, at, 429, "Too many requests", &error));
  entry = consult_store_outbox_get (store, entry_id, &error);
  ck_assert_uint_eq (entry->last_status, 429);
  ck_assert_str_eq (entry->last_error, "Too many requests");
  assert_verified ();
}
END_TEST

START_TEST (test_failed_until_send_now)
{
  g_autofree char *a = consult_test_store_save_visit (store, "Ana", "Díaz", NULL, NULL);
  g_autofree char *b = consult_test_store_save_visit (store, "Bea", "Ruiz", NULL, NULL);
  g_autofree char *a_entry = waiting_id (a);
  g_autofree char *b_entry = waiting_id (b);
  g_autoptr (ConsultStoreOutboxEntry) failed = NULL;
  g_autoptr (ConsultStoreOutboxEntry) requeued = NULL;
  g_autoptr (GPtrArray) due = NULL;
  g_autoptr (GError) error = NULL;
  gint64 now = g_get_real_time ();
  guint n_queued = 0;

  ck_assert (consult_store_outbox_mark_failed (store, a_entry, 422, "CarePlan.status: unknown code", &error));
  ck_assert (consult_store_outbox_schedule_retry (store, b_entry, now + HOUR, 503, NULL, &error));
  failed = waiting_entry (a);
  ck_assert_int_eq (failed->state, CONSULT_STORE_OUTBOX_FAILED);
  ck_assert_uint_eq (failed->attempts, 1);
  ck_assert_uint_eq (failed->last_status, 422);
  ck_assert_str_eq (failed->last_error, "CarePlan.status: unknown code");

  /* Not retried on its own, however late it gets. */
  due = consult_store_outbox_list_due (store, now + 100 * HOUR, 0, &error);
  ck_assert_uint_eq (due->len, 1);
  ck_assert (!consult_store_outbox_mark_failed (store, a_entry, 422, NULL, &error));
  consult_test_assert_error (error, CONSULT_STORE_ERROR, CONSULT_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  ck_assert (consult_store_outbox_send_now (store, &n_queued, &error));
  ck_assert_uint_eq (n_queued, 2);
  g_clear_pointer (&due, g_ptr_array_unref);
  due = consult_store_outbox_list_due (store, g_get_real_time (), 0, &error);
  ck_assert_uint_eq (due->len, 2);
  requeued = consult_store_outbox_get (store, a_entry, &error);
  ck_assert_int_eq (requeued->state, CONSULT_STORE_OUTBOX_PENDING);
  ck_assert_uint_eq (requeued->attempts, 1);
  ck_assert_str_eq (requeued->last_error, "CarePlan.status: unknown code");

  /* Nothing more to do: nothing written. */
  {
    gint64 audited = outbox_audit_rows ();

    ck_assert (consult_store_outbox_send_now (store, NULL, &error));
    ck_assert_int_eq (outbox_audit_rows (), audited);
  }
  assert_verified ();
}
END_TEST

START_TEST (test_counts)
{
  g_autofree char *a = consult_test_store_save_visit (store, "Ana", "Díaz", NULL, NULL);
  g_autofree char *b = consult_test_store_save_visit (store, "Bea", "Ruiz", NULL, NULL);
  g_autofree char *c = consult_test_store_save_visit (store, "Cruz", "Mora", NULL, NULL);
  g_autofree char *d = consult_test_store_save_visit (store, "Dora", "Gil", NULL, NULL);
  g_autofree char *b_entry = waiting_id (b);
  g_autofree char *c_entry = waiting_id (c);
  g_autofree char *d_entry = waiting_id (d);
  g_autoptr (ConsultStoreOutboxEntry) a_entry = waiting_entry (a);
  g_autoptr (GError) error = NULL;
  guint n_pending = 0, n_failed = 0, n_sent = 0;
  gint64 next = 0;
  gint64 now = g_get_real_time ();

  mark_sent (b_entry);
  ck_assert (consult_store_outbox_mark_failed (store, c_entry, 401, "Unauthorized", &error));
  ck_assert (consult_store_outbox_schedule_retry (store, d_entry, now + HOUR, 0, NULL, &error));

  ck_assert (consult_store_outbox_get_counts (store, &n_pending, &n_failed, &n_sent, &next, &error));
  ck_assert_uint_eq (n_pending, 2);
  ck_assert_uint_eq (n_failed, 1);
  ck_assert_uint_eq (n_sent, 1);
  ck_assert_int_eq (next, a_entry->next_attempt_at);

  mark_sent (a_entry->id);
  ck_assert (consult_store_outbox_get_counts (store, NULL, NULL, NULL, &next, &error));
  ck_assert_int_eq (next, now + HOUR);

  ck_assert (consult_store_outbox_mark_failed (store, d_entry, 403, NULL, &error));
  ck_assert (consult_store_outbox_get_counts (store, &n_pending, &n_failed, &n_sent, &next, &error));
  ck_assert_uint_eq (n_pending, 0);
  ck_assert_uint_eq (n_failed, 2);
  ck_assert_uint_eq (n_sent, 2);
  ck_assert_int_eq (next, 0);
}
END_TEST

static GPtrArray *
server_ids (const char *client_id,
            const char *plan_id,
            const char *care_plan_version)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func ((GDestroyNotify) consult_store_server_id_free);

  g_ptr_array_add (ids, consult_store_server_id_new ("Patient", client_id, "pat-1", "1"));
  g_ptr_array_add (ids, consult_store_server_id_new ("CarePlan", plan_id, "cp-1", care_plan_version));

  return ids;
}

START_TEST (test_server_ids_upserted)
{
  g_autofree char *client_id = NULL;
  g_autofree char *plan_id = consult_test_store_save_visit (store, "Ana", "Díaz", NULL, &client_id);
  g_autofree char *first = waiting_id (plan_id);
  g_autofree char *second = NULL;
  g_autoptr (GPtrArray) ids = server_ids (client_id, plan_id, "1");
  g_autoptr (GPtrArray) newer = server_ids (client_id, plan_id, NULL);
  g_autoptr (GPtrArray) bad = g_ptr_array_new_with_free_func ((GDestroyNotify) consult_store_server_id_free);
  g_autoptr (ConsultStoreServerId) care_plan = NULL;
  g_autoptr (ConsultStoreServerId) patient = NULL;
  g_autoptr (GError) error = NULL;

  ck_assert_ptr_null (consult_store_get_server_id (store, "CarePlan", plan_id, &error));
  consult_test_assert_error (error, CONSULT_STORE_ERROR, CONSULT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  ck_assert (consult_store_outbox_mark_sent (store, first, ids, &error));
  care_plan = consult_store_get_server_id (store, "CarePlan", plan_id, &error);
  ck_assert_str_eq (care_plan->server_id, "cp-1");
  ck_assert_str_eq (care_plan->version_id, "1");

  ck_assert (consult_store_sign_plan (store, plan_id, "Dr. Lin", &error));
  second = waiting_id (plan_id);

  /* A server id the sender cannot stand by writes nothing at all. */
  g_ptr_array_add (bad, consult_store_server_id_new ("CarePlan", plan_id, "", NULL));
  ck_assert (!consult_store_outbox_mark_sent (store, second, bad, &error));
  consult_test_assert_error (error, CONSULT_STORE_ERROR, CONSULT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  ck_assert_int_eq (count_state (plan_id, "pending"), 1);

  ck_assert (consult_store_outbox_mark_sent (store, second, newer, &error));
  g_clear_pointer (&care_plan, consult_store_server_id_free);
  care_plan = consult_store_get_server_id (store, "CarePlan", plan_id, &error);
  ck_assert_str_eq (care_plan->server_id, "cp-1");
  ck_assert_ptr_null (care_plan->version_id);
  patient = consult_store_get_server_id (store, "Patient", client_id, &error);
  ck_assert_str_eq (patient->server_id, "pat-1");
  ck_assert_int_eq (consult_test_store_count (store, "fhir_server_ids"), 2);

  /* Sent is final. */
  ck_assert (!consult_store_outbox_mark_sent (store, second, NULL, &error));
  consult_test_assert_error (error, CONSULT_STORE_ERROR, CONSULT_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  ck_assert (!consult_store_outbox_mark_sent (store, "00000000-0000-4000-8000-000000000000", NULL, &error));
  consult_test_assert_error (error, CONSULT_STORE_ERROR, CONSULT_STORE_ERROR_NOT_FOUND);
  assert_verified ();
}
END_TEST

START_TEST (test_upgrade_from_schema_3_queues_plans_in_force)
{
  g_autofree char *path = g_strdup (consult_store_get_path (store));
  g_autofree char *draft = NULL;
  g_autofree char *v1 = NULL;
  g_autofree char *v2 = g_uuid_string_random ();
  g_autofree char *amend_sql = NULL;
  g_autoptr (GPtrArray) due = NULL;
  g_autoptr (GError) error = NULL;

  g_clear_object (&store);
  store = consult_test_store_open_at_schema (dir, 3);

  /* A draft; and a plan signed, amended and signed again. */
  draft = consult_test_store_insert_old_visit (path, "Ana", "Díaz");
  v1 = consult_test_store_insert_old_visit (path, "Bea", "Ruiz");
  amend_sql = g_strdup_printf ("UPDATE plan_versions SET status = 'signed', physician = 'Dr. Lin', "
                               "signed_at = 1 WHERE id = '%s';"
                               "INSERT INTO plan_versions (id, consultation_id, version, plan_json, "
                               "catalogue_version, status, author, created_at, physician, signed_at) "
                               "SELECT '%s', consultation_id, 2, plan_json, catalogue_version, 'signed', "
                               "author, 2, 'Dr. Lin', 2 FROM plan_versions WHERE id = '%s';"
                               "UPDATE plan_versions SET status = 'superseded', superseded_by = '%s' "
                               "WHERE id = '%s';",
                               v1, v2, v1, v2, v1);
  exec_raw (amend_sql);
  g_clear_object (&store);

  /* Upgraded through schema 4 (the outbox) to the latest. */
  store = consult_test_store_open (dir);
  ck_assert_uint_eq (consult_store_get_schema_version (store),
                     consult_store_get_latest_schema_version (store));
  due = consult_store_outbox_list_due (store, g_get_real_time (), 0, &error);
  ck_assert_uint_eq (due->len, 2);
  ck_assert_str_eq (((ConsultStoreOutboxEntry *) g_ptr_array_index (due, 0))->plan_id, draft);
  ck_assert_str_eq (((ConsultStoreOutboxEntry *) g_ptr_array_index (due, 1))->plan_id, v2);
  for (guint i = 0; i < due->len; i++)
    {
      ConsultStoreOutboxEntry *entry = g_ptr_array_index (due, i);

      ck_assert (g_uuid_string_is_valid (entry->id));
      ck_assert_int_gt (entry->enqueued_at, g_get_real_time () - HOUR);
      ck_assert_int_eq (entry->next_attempt_at, entry->enqueued_at);
    }
  ck_assert_int_eq (count_state (v1, "pending"), 0);

  /* And from then on, writes queue as usual. */
  ck_assert (consult_store_update_plan_draft (store, draft, AMENDED_PLAN_JSON, "2026.1", &error));
  ck_assert_int_eq (count_state (draft, "pending"), 1);
  ck_assert_int_eq (count_state (draft, "superseded"), 1);
  assert_verified ();
}
END_TEST

START_TEST (test_backup_and_restore_keep_outbox)
{
  g_autofree char *client_id = NULL;
  g_autofree char *plan_id = consult_test_store_save_visit (store, "Ana", "Díaz", NULL, &client_id);
  g_autofree char *entry_id = waiting_id (plan_id);
  g_autofree char *backup = g_build_filename (dir, "backup.db", NULL);
  g_autofree char *db_path = g_strdup (consult_store_get_path (store));
  g_autofree char *previous = NULL;
  g_autoptr (GPtrArray) ids = server_ids (client_id, plan_id, "1");
  g_autoptr (ConsultStoreServerId) care_plan = NULL;
  g_autoptr (ConsultStoreOutboxEntry) entry = NULL;
  g_autoptr (GError) error = NULL;

  ck_assert (consult_store_outbox_mark_sent (store, entry_id, ids, &error));
  ck_assert (consult_store_backup (store, backup, &error));
  ck_assert_msg (consult_store_check_file (backup, NULL, &error), "%s", error ? error->message : "");
  ck_assert (consult_store_update_plan_draft (store, plan_id, AMENDED_PLAN_JSON, "2026.1", &error));
  g_clear_object (&store);

  ck_assert_msg (consult_store_restore (db_path, backup, &previous, &error), "%s",
                 error ? error->message : "");
  store = consult_test_store_open (dir);
  entry = waiting_entry (plan_id);
  ck_assert_str_eq (entry->id, entry_id);
  ck_assert_int_eq (entry->state, CONSULT_STORE_OUTBOX_SENT);
  care_plan = consult_store_get_server_id (store, "CarePlan", plan_id, &error);
  ck_assert_str_eq (care_plan->server_id, "cp-1");
  assert_verified ();
}
END_TEST

START_TEST (test_cli_save_and_sign_enqueue)
{
  g_autofree char *seed = consult_test_source_path ("fixtures", "intake", "seed-1-glow.json", NULL);
  g_autofree char *db_path = g_strdup (consult_store_get_path (store));
  g_autofree char *saved = NULL;
  g_autofree char *signed_out = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (ConsultStoreOutboxEntry) entry = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *plan_id = NULL;

  g_clear_object (&store);
  {
    g_autofree char *err = NULL;

    ck_assert_int_eq (consult_test_store_cli (&saved, &err, db_path, "save", seed, NULL), 0);
  }
  ck_assert_msg (json_parser_load_from_data (parser, saved, -1, &error), "%s", saved);
  plan_id = g_strdup (json_object_get_string_member (json_node_get_object (json_parser_get_root (parser)),
                                                     "plan_id"));
  store = consult_test_store_open (dir);
  ck_assert_int_eq (count_state (plan_id, "pending"), 1);
  g_clear_object (&store);

  {
    g_autofree char *err = NULL;

    ck_assert_int_eq (consult_test_store_cli (&signed_out, &err, db_path, "sign", plan_id,
                                              "--physician", "Dr. Lin", NULL), 0);
  }
  store = consult_test_store_open (dir);
  ck_assert_int_eq (count_state (plan_id, "pending"), 1);
  ck_assert_int_eq (count_state (plan_id, "superseded"), 1);
  entry = waiting_entry (plan_id);
  ck_assert_int_eq (entry->state, CONSULT_STORE_OUTBOX_PENDING);
}
END_TEST

/* The state shown on a consultation is what still needs doing: a
 * failure first, then anything waiting, then the last delivery. */
START_TEST (test_consultation_state_needs_action_first)
{
  g_autofree char *v1 = consult_test_store_save_visit (store, "Ana", "Díaz", NULL, NULL);
  g_autofree char *v1_entry = NULL;
  g_autofree char *consent_entry = NULL;
  g_autofree char *consent_id = NULL;
  g_autofree char *v2 = NULL;
  g_autoptr (ConsultStoreOutboxEntry) shown = NULL;
  g_autoptr (GError) error = NULL;

  sign (v1);
  v1_entry = waiting_id (v1);
  mark_sent (v1_entry);
  shown = waiting_entry (v1);
  ck_assert_int_eq (shown->state, CONSULT_STORE_OUTBOX_SENT);
  g_clear_pointer (&shown, consult_store_outbox_entry_free);

  consent_id = consult_store_record_consent (store, v1, "consent-2026.1", "2026-11-23",
                                             "Ana Díaz", &error);
  consent_entry = waiting_id (v1);
  ck_assert (consult_store_outbox_mark_failed (store, consent_entry, 422, "Consent.policy: invalid", &error));

  /* A newer draft waits, but the refused consent is what a person must see. */
  v2 = amend (v1);
  shown = waiting_entry (v1);
  ck_assert_str_eq (shown->id, consent_entry);
  ck_assert_int_eq (shown->state, CONSULT_STORE_OUTBOX_FAILED);
  ck_assert_str_eq (shown->last_error, "Consent.policy: invalid");
}
END_TEST

static Suite *
store_outbox_suite (void)
{
  Suite *suite = suite_create ("store-outbox");
  TCase *tc = tcase_create ("outbox");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_every_write_enqueues);
  tcase_add_test (tc, test_failed_write_enqueues_nothing);
  tcase_add_test (tc, test_waiting_entry_is_replaced);
  tcase_add_test (tc, test_signing_supersedes_older_unsent);
  tcase_add_test (tc, test_signing_resends_older_sent_version);
  tcase_add_test (tc, test_discarded_draft_takes_unsent_entries);
  tcase_add_test (tc, test_due_oldest_first);
  tcase_add_test (tc, test_retry_survives_restart);
  tcase_add_test (tc, test_failed_until_send_now);
  tcase_add_test (tc, test_counts);
  tcase_add_test (tc, test_consultation_state_needs_action_first);
  tcase_add_test (tc, test_server_ids_upserted);
  tcase_add_test (tc, test_upgrade_from_schema_3_queues_plans_in_force);
  tcase_add_test (tc, test_backup_and_restore_keep_outbox);
  tcase_add_test (tc, test_cli_save_and_sign_enqueue);
  suite_add_tcase (suite, tc);

  return suite;
}

int
main (void)
{
  return consult_test_run_suite (store_outbox_suite ());
}
