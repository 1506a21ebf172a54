/* test-store-records.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>

#include "consult-test.h"
#include "consult-test-store.h"
#include "consult-store-drafts.h"
#include "consult-store-plans.h"
#include "consult-store-private.h"
#include "consult-store-timeline.h"

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

/* Runs @sql on a second, raw connection, as a tool or a tamperer would;
 * returns SQLite's result code. */
static int
raw_exec (const char *sql)
{
  sqlite3 *db = NULL;
  int rc;

  ck_assert_int_eq (sqlite3_open (consult_store_get_path (store), &db), SQLITE_OK);
  sqlite3_extended_result_codes (db, 1);
  rc = sqlite3_exec (db, sql, NULL, NULL, NULL);
  sqlite3_close (db);

  return rc;
}

static char *
sign (const char *plan_id)
{
  g_autoptr (GError) error = NULL;

  ck_assert_msg (consult_store_sign_plan (store, plan_id, "Dr. Test", &error),
                 "sign: %s", error ? error->message : "");
  return g_strdup (plan_id);
}

START_TEST (test_save_visit_stores_all_three_records)
{
  g_autofree char *client_id = NULL;
  g_autofree char *plan_id = consult_test_store_save_visit (store, "Ana", "Díaz", "notes", &client_id);
  g_autoptr (ConsultStoreClient) client = NULL;
  g_autoptr (ConsultStorePlanVersion) plan = NULL;
  g_autoptr (ConsultStoreConsultation) consultation = NULL;
  g_autoptr (GError) error = NULL;

  client = consult_store_get_client (store, client_id, &error);
  ck_assert_ptr_nonnull (client);
  ck_assert_str_eq (client->family_name, "Díaz");
  ck_assert_str_eq (client->date_of_birth, "1988-04-02");
  ck_assert_int_eq (strlen (client->id), 36);
  ck_assert (!client->archived);

  plan = consult_store_get_plan (store, plan_id, &error);
  ck_assert_ptr_nonnull (plan);
  ck_assert_int_eq (plan->version, 1);
  ck_assert_int_eq (plan->status, CONSULT_STORE_PLAN_DRAFT);
  ck_assert_str_eq (plan->plan_json, TEST_PLAN_JSON);
  ck_assert_str_eq (plan->author, "test-consultant");

  consultation = consult_store_get_consultation (store, plan->consultation_id, &error);
  ck_assert_ptr_nonnull (consultation);
  ck_assert_str_eq (consultation->client_id, client_id);
  ck_assert_str_eq (consultation->intake_json, TEST_INTAKE_JSON);
  ck_assert_str_eq (consultation->catalogue_version, "2026.1");

  /* One audit row per record written, and one for queueing the plan
   * for the FHIR server. */
  ck_assert_int_eq (consult_test_store_count (store, "audit"), 4);
}
END_TEST

START_TEST (test_returning_client_keeps_their_record)
{
  g_autofree char *first_id = NULL;
  g_autofree char *second_id = NULL;
  g_autofree char *plan_a = consult_test_store_save_visit (store, "Ana", "Díaz", NULL, &first_id);
  g_autofree char *plan_b = consult_test_store_save_visit (store, "ANA", "diaz", NULL, &second_id);

  ck_assert_str_eq (first_id, second_id);
  ck_assert_int_eq (consult_test_store_count (store, "clients"), 1);
  ck_assert_int_eq (consult_test_store_count (store, "consultations"), 2);
}
END_TEST

START_TEST (test_invalid_client_writes_nothing)
{
  g_autoptr (ConsultStoreClient) client = consult_store_client_new ();
  g_autoptr (ConsultStoreConsultation) consultation = consult_store_consultation_new ();
  g_autoptr (GError) error = NULL;

  client->given_name = g_strdup ("Ana");
  client->family_name = g_strdup ("Díaz");
  consultation->consultation_date = g_strdup ("2026-02-30");
  consultation->intake_json = g_strdup (TEST_INTAKE_JSON);
  consultation->catalogue_version = g_strdup ("2026.1");

  ck_assert (!consult_store_save_consultation (store, client, consultation, TEST_PLAN_JSON, NULL, &error));
  ck_assert_int_eq (error->code, CONSULT_STORE_ERROR_INVALID);
  ck_assert_ptr_null (client->id);
  ck_assert_int_eq (consult_test_store_count (store, "clients"), 0);
  ck_assert_int_eq (consult_test_store_count (store, "audit"), 0);
}
END_TEST

START_TEST (test_signed_plan_never_changes)
{
  g_autofree char *plan_id = consult_test_store_save_visit (store, "Ana", "Díaz", NULL, NULL);
  g_autofree char *signed_id = sign (plan_id);
  g_autoptr (ConsultStorePlanVersion) plan = NULL;
  g_autoptr (GError) error = NULL;

  plan = consult_store_get_plan (store, plan_id, &error);
  ck_assert_int_eq (plan->status, CONSULT_STORE_PLAN_SIGNED);
  ck_assert_str_eq (plan->physician, "Dr. Test");
  ck_assert (plan->signed_at > 0);

  /* Through the API... */
  ck_assert (!consult_store_update_plan_draft (store, plan_id, "{}", "2026.1", &error));
  ck_assert_int_eq (error->code, CONSULT_STORE_ERROR_IMMUTABLE);
  g_clear_error (&error);
  ck_assert (!consult_store_sign_plan (store, plan_id, "Dr. Other", &error));
  ck_assert_int_eq (error->code, CONSULT_STORE_ERROR_IMMUTABLE);
  g_clear_error (&error);
  ck_assert (!consult_store_discard_plan_draft (store, plan_id, &error));
  ck_assert_int_eq (error->code, CONSULT_STORE_ERROR_IMMUTABLE);

  /* ...and behind its back: the database's own triggers refuse. */
  ck_assert_int_eq (raw_exec ("UPDATE plan_versions SET plan_json = '{}'"), SQLITE_CONSTRAINT_TRIGGER);
  ck_assert_int_eq (raw_exec ("UPDATE plan_versions SET physician = 'X'"), SQLITE_CONSTRAINT_TRIGGER);
  ck_assert_int_eq (raw_exec ("UPDATE plan_versions SET status = 'draft', physician = NULL, "
                              "signed_at = NULL"), SQLITE_CONSTRAINT_TRIGGER);
  ck_assert_int_eq (raw_exec ("DELETE FROM plan_versions"), SQLITE_CONSTRAINT_TRIGGER);
  ck_assert_int_eq (raw_exec ("UPDATE audit SET actor = 'X'"), SQLITE_CONSTRAINT_TRIGGER);
  ck_assert_int_eq (raw_exec ("DELETE FROM audit"), SQLITE_CONSTRAINT_TRIGGER);
  ck_assert_int_eq (raw_exec ("UPDATE clients SET id = '00000000-0000-0000-0000-000000000000'"),
                    SQLITE_CONSTRAINT_TRIGGER);
  ck_assert_int_eq (raw_exec ("UPDATE consultations SET intake_json = '{}'"), SQLITE_CONSTRAINT_TRIGGER);

  g_clear_pointer (&plan, consult_store_plan_version_free);
  plan = consult_store_get_plan (store, plan_id, NULL);
  ck_assert_str_eq (plan->plan_json, TEST_PLAN_JSON);
  ck_assert_str_eq (plan->physician, "Dr. Test");
}
END_TEST

START_TEST (test_amendment_supersedes_on_signing)
{
  g_autofree char *v1 = consult_test_store_save_visit (store, "Ana", "Díaz", NULL, NULL);
  g_autofree char *signed_v1 = sign (v1);
  g_autofree char *v2 = NULL;
  g_autofree char *signed_v2 = NULL;
  g_autoptr (ConsultStorePlanVersion) old = NULL;
  g_autoptr (ConsultStorePlanVersion) amended = NULL;
  g_autoptr (GPtrArray) versions = NULL;
  g_autoptr (GError) error = NULL;

  v2 = consult_store_amend_plan (store, v1, "{\"amended\":true}", "2026.2", &error);
  ck_assert_msg (v2 != NULL, "amend: %s", error ? error->message : "");

  /* Until the amendment is signed, version 1 stays the plan in force. */
  old = consult_store_get_plan (store, v1, NULL);
  ck_assert_int_eq (old->status, CONSULT_STORE_PLAN_SIGNED);
  ck_assert_ptr_null (consult_store_amend_plan (store, v1, "{}", "2026.2", &error));
  ck_assert_int_eq (error->code, CONSULT_STORE_ERROR_INVALID);
  g_clear_error (&error);

  signed_v2 = sign (v2);
  g_clear_pointer (&old, consult_store_plan_version_free);
  old = consult_store_get_plan (store, v1, NULL);
  amended = consult_store_get_plan (store, v2, NULL);
  ck_assert_int_eq (old->status, CONSULT_STORE_PLAN_SUPERSEDED);
  ck_assert_str_eq (old->superseded_by, v2);
  ck_assert_str_eq (old->plan_json, TEST_PLAN_JSON);
  ck_assert_int_eq (amended->version, 2);
  ck_assert_int_eq (amended->status, CONSULT_STORE_PLAN_SIGNED);
  ck_assert_int_eq (raw_exec ("UPDATE plan_versions SET status = 'signed', superseded_by = NULL "
                              "WHERE version = 1"), SQLITE_CONSTRAINT_TRIGGER);

  versions = consult_store_list_plan_versions (store, amended->consultation_id, &error);
  ck_assert_int_eq (versions->len, 2);
  ck_assert (consult_store_verify (store, NULL, &error));
}
END_TEST

START_TEST (test_consent_only_for_signed_plans)
{
  g_autofree char *plan_id = consult_test_store_save_visit (store, "Ana", "Díaz", NULL, NULL);
  g_autofree char *consent_id = NULL;
  g_autofree char *signed_id = NULL;
  g_autoptr (GError) error = NULL;

  ck_assert_ptr_null (consult_store_record_consent (store, plan_id, "consent-v3", "2026-11-23",
                                                    "Ana Díaz", &error));
  ck_assert_int_eq (error->code, CONSULT_STORE_ERROR_INVALID);
  g_clear_error (&error);

  signed_id = sign (plan_id);
  consent_id = consult_store_record_consent (store, plan_id, "consent-v3", "2026-11-23",
                                             "Ana Díaz", &error);
  ck_assert_msg (consent_id != NULL, "consent: %s", error ? error->message : "");
  ck_assert_int_eq (raw_exec ("UPDATE consents SET typed_name = 'X'"), SQLITE_CONSTRAINT_TRIGGER);
  ck_assert_int_eq (raw_exec ("DELETE FROM consents"), SQLITE_CONSTRAINT_TRIGGER);
}
END_TEST

START_TEST (test_draft_upsert_restore_discard)
{
  g_autoptr (ConsultStoreDraft) draft = NULL;
  g_autoptr (GPtrArray) drafts = NULL;
  g_autoptr (GError) error = NULL;

  ck_assert (consult_store_save_draft (store, "room-1", "nurse", "{\"step\":1}", &error));
  ck_assert (consult_store_save_draft (store, "room-1", "nurse", "{\"step\":2}", &error));
  ck_assert (consult_store_save_draft (store, "room-2", "nurse", "{\"step\":9}", &error));

  draft = consult_store_get_draft (store, "room-1", "nurse", &error);
  ck_assert_str_eq (draft->intake_json, "{\"step\":2}");
  drafts = consult_store_list_drafts (store, &error);
  ck_assert_int_eq (drafts->len, 2);

  ck_assert (consult_store_discard_draft (store, "room-1", "nurse", &error));
  ck_assert (consult_store_discard_draft (store, "room-1", "nurse", &error));
  g_clear_pointer (&draft, consult_store_draft_free);
  draft = consult_store_get_draft (store, "room-1", "nurse", &error);
  ck_assert_ptr_null (draft);
  ck_assert_int_eq (error->code, CONSULT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  ck_assert (!consult_store_save_draft (store, "room-1", "nurse", "{not json", &error));
  ck_assert_int_eq (error->code, CONSULT_STORE_ERROR_INVALID);
}
END_TEST

START_TEST (test_timeline_newest_first)
{
  g_autofree char *client_id = NULL;
  g_autofree char *v1 = consult_test_store_save_visit (store, "Ana", "Díaz", NULL, &client_id);
  g_autofree char *signed_v1 = sign (v1);
  g_autofree char *second = consult_test_store_save_visit (store, "Ana", "Díaz", NULL, NULL);
  g_autoptr (GPtrArray) timeline = NULL;
  g_autoptr (GError) error = NULL;
  ConsultTimelineEntry *entry;

  timeline = consult_store_get_timeline (store, client_id, &error);
  ck_assert_ptr_nonnull (timeline);
  /* 2 consultations + 2 plan versions + 1 sign-off */
  ck_assert_int_eq (timeline->len, 5);
  for (guint i = 1; i < timeline->len; i++)
    {
      ConsultTimelineEntry *newer = g_ptr_array_index (timeline, i - 1);
      ConsultTimelineEntry *older = g_ptr_array_index (timeline, i);

      ck_assert (newer->time >= older->time);
    }

  entry = g_ptr_array_index (timeline, 0);
  ck_assert_int_eq (entry->kind, CONSULT_TIMELINE_PLAN_VERSION);
  ck_assert_str_eq (entry->record_id, second);
  entry = g_ptr_array_index (timeline, 2);
  ck_assert_int_eq (entry->kind, CONSULT_TIMELINE_SIGN_OFF);
  ck_assert_str_eq (entry->who, "Dr. Test");

  ck_assert_ptr_null (consult_store_get_timeline (store, "no-such-client", &error));
  ck_assert_int_eq (error->code, CONSULT_STORE_ERROR_NOT_FOUND);
}
END_TEST

START_TEST (test_verify_finds_first_broken_link)
{
  g_autofree char *plan_a = consult_test_store_save_visit (store, "Ana", "Díaz", NULL, NULL);
  g_autofree char *plan_b = consult_test_store_save_visit (store, "Bea", "Ruiz", NULL, NULL);
  g_autoptr (GError) error = NULL;
  gint64 broken_row = -1;

  ck_assert (consult_store_verify (store, &broken_row, &error));
  ck_assert_int_eq (broken_row, 0);

  /* A tamperer who can drop the trigger still cannot hide the change. */
  ck_assert_int_eq (raw_exec ("DROP TRIGGER audit_no_update;"
                              "UPDATE audit SET actor = 'someone-else' WHERE id = 4"), SQLITE_OK);
  ck_assert (!consult_store_verify (store, &broken_row, &error));
  ck_assert_int_eq (error->code, CONSULT_STORE_ERROR_CORRUPT);
  ck_assert_int_eq (broken_row, 4);
  ck_assert_ptr_nonnull (strstr (error->message, "row 4"));
  g_clear_error (&error);

  ck_assert_int_eq (raw_exec ("UPDATE audit SET actor = 'test-consultant' WHERE id = 4;"
                              "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE id = 2"),
                    SQLITE_OK);
  ck_assert (!consult_store_verify (store, &broken_row, &error));
  ck_assert_int_eq (broken_row, 3);
}
END_TEST

START_TEST (test_archive_and_not_found)
{
  g_autofree char *client_id = NULL;
  g_autofree char *plan_id = consult_test_store_save_visit (store, "Ana", "Díaz", NULL, &client_id);
  g_autoptr (ConsultStoreClient) client = NULL;
  g_autoptr (GError) error = NULL;

  ck_assert (consult_store_set_client_archived (store, client_id, TRUE, &error));
  client = consult_store_get_client (store, client_id, &error);
  ck_assert (client->archived);

  ck_assert (!consult_store_set_client_archived (store, "nobody", TRUE, &error));
  ck_assert_int_eq (error->code, CONSULT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  ck_assert_ptr_null (consult_store_get_plan (store, "nothing", &error));
  ck_assert_int_eq (error->code, CONSULT_STORE_ERROR_NOT_FOUND);
}
END_TEST

START_TEST (test_batch_is_all_or_nothing)
{
  g_autoptr (ConsultStoreClient) invalid = consult_store_client_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  ck_assert (consult_store_begin (store, &error));
  a = consult_test_store_save_visit (store, "Ana", "Díaz", NULL, NULL);
  /* A failed write inside the batch undoes itself only... */
  ck_assert (!consult_store_save_client (store, invalid, &error));
  g_clear_error (&error);
  b = consult_test_store_save_visit (store, "Bea", "Ruiz", NULL, NULL);
  consult_store_rollback (store);
  /* ...and rolling the batch back undoes all of it. */
  ck_assert_int_eq (consult_test_store_count (store, "clients"), 0);
  ck_assert_int_eq (consult_test_store_count (store, "audit"), 0);

  ck_assert (consult_store_begin (store, &error));
  g_free (consult_test_store_save_visit (store, "Ana", "Díaz", NULL, NULL));
  ck_assert (!consult_store_save_client (store, invalid, &error));
  g_free (consult_test_store_save_visit (store, "Bea", "Ruiz", NULL, NULL));
  ck_assert (consult_store_commit (store, NULL));
  ck_assert_int_eq (consult_test_store_count (store, "clients"), 2);
  ck_assert (consult_store_verify (store, NULL, NULL));
}
END_TEST

/* The Unix milliseconds in a version 7 id's first 48 bits. */
static gint64
id_unix_ms (const char *id)
{
  g_autofree char *hex = g_strndup (id, 8);
  g_autofree char *all = g_strconcat (hex, id + 9, NULL);

  all[12] = '\0';
  return (gint64) g_ascii_strtoull (all, NULL, 16);
}

static void
assert_recent_v7_id (const char *id)
{
  gint64 now_ms = g_get_real_time () / 1000;

  ck_assert_msg (id[14] == '7', "not version 7: %s", id);
  ck_assert_msg (ABS (id_unix_ms (id) - now_ms) < 1000, "time of %s is not now", id);
}

START_TEST (test_new_id_format)
{
  for (guint i = 0; i < 1000; i++)
    {
      g_autofree char *id = _consult_store_new_id ();

      ck_assert_int_eq (strlen (id), 36);
      for (guint j = 0; j < 36; j++)
        {
          if (j == 8 || j == 13 || j == 18 || j == 23)
            ck_assert_msg (id[j] == '-', "no hyphen at %u: %s", j, id);
          else
            ck_assert_msg (g_ascii_isxdigit (id[j]) && !g_ascii_isupper (id[j]),
                           "not lowercase hex at %u: %s", j, id);
        }
      ck_assert_msg (id[14] == '7', "not version 7: %s", id);
      ck_assert_msg (strchr ("89ab", id[19]) != NULL, "not variant 10: %s", id);
      ck_assert (g_uuid_string_is_valid (id));
    }
}
END_TEST

START_TEST (test_new_id_carries_its_time)
{
  g_autofree char *id = _consult_store_new_id ();

  assert_recent_v7_id (id);
}
END_TEST

START_TEST (test_new_ids_sort_by_time)
{
  g_autofree char *previous = _consult_store_new_id ();

  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *id = NULL;

      g_usleep (2000);
      id = _consult_store_new_id ();
      ck_assert_msg (strcmp (previous, id) < 0, "%s made before %s", previous, id);
      g_free (previous);
      previous = g_steal_pointer (&id);
    }
}
END_TEST

START_TEST (test_new_ids_are_distinct)
{
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* Far more than one millisecond's worth, so many share their time. */
  for (guint i = 0; i < 100000; i++)
    ck_assert (g_hash_table_add (seen, _consult_store_new_id ()));
}
END_TEST

START_TEST (test_saved_records_get_time_ordered_ids)
{
  g_autofree char *client_id = NULL;
  g_autofree char *plan_id = consult_test_store_save_visit (store, "Ana", "Díaz", NULL, &client_id);
  g_autoptr (ConsultStorePlanVersion) plan = consult_store_get_plan (store, plan_id, NULL);

  ck_assert_ptr_nonnull (plan);
  assert_recent_v7_id (client_id);
  assert_recent_v7_id (plan->consultation_id);
  assert_recent_v7_id (plan_id);
}
END_TEST

static Suite *
store_records_suite (void)
{
  Suite *suite = suite_create ("store-records");
  TCase *tc = tcase_create ("records");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_save_visit_stores_all_three_records);
  tcase_add_test (tc, test_returning_client_keeps_their_record);
  tcase_add_test (tc, test_invalid_client_writes_nothing);
  tcase_add_test (tc, test_signed_plan_never_changes);
  tcase_add_test (tc, test_amendment_supersedes_on_signing);
  tcase_add_test (tc, test_consent_only_for_signed_plans);
  tcase_add_test (tc, test_draft_upsert_restore_discard);
  tcase_add_test (tc, test_timeline_newest_first);
  tcase_add_test (tc, test_verify_finds_first_broken_link);
  tcase_add_test (tc, test_archive_and_not_found);
  tcase_add_test (tc, test_batch_is_all_or_nothing);
  tcase_add_test (tc, test_saved_records_get_time_ordered_ids);
  suite_add_tcase (suite, tc);

  tc = tcase_create ("ids");
  tcase_add_test (tc, test_new_id_format);
  tcase_add_test (tc, test_new_id_carries_its_time);
  tcase_add_test (tc, test_new_ids_sort_by_time);
  tcase_add_test (tc, test_new_ids_are_distinct);
  suite_add_tcase (suite, tc);

  return suite;
}

int
main (void)
{
  return consult_test_run_suite (store_records_suite ());
}
