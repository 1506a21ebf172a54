/* test-store-sessions.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>

#include "consult-test.h"
#include "consult-test-store.h"
#include "consult-store-plans.h"
#include "consult-store-sessions.h"

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

static ConsultStoreSession *
session_for (const char *plan_id,
             const char *performed_on)
{
  ConsultStoreSession *session = consult_store_session_new ();

  session->plan_id = g_strdup (plan_id);
  session->treatment = g_strdup ("microneedling");
  session->performed_on = g_strdup (performed_on);
  session->performer = g_strdup ("Nurse Kim");
  session->product = g_strdup ("SkinPen cartridge");
  session->lot_number = g_strdup ("LOT-2291");
  session->notes = g_strdup ("1.0 mm forehead, 1.5 mm cheeks");

  return session;
}

START_TEST (test_sessions_recorded_against_signed_plan)
{
  g_autofree char *plan_id = consult_test_store_save_visit (store, "Rosa", "Vidal", NULL, NULL);
  g_autoptr (ConsultStoreSession) early = session_for (plan_id, "2027-01-18");
  g_autoptr (ConsultStoreSession) later = session_for (plan_id, "2027-02-15");
  g_autoptr (GPtrArray) sessions = NULL;
  g_autoptr (GError) error = NULL;
  const ConsultStoreSession *first;

  /* A draft is not yet a plan anyone may treat by. */
  ck_assert (!consult_store_record_session (store, early, &error));
  ck_assert_ptr_nonnull (error);
  g_clear_error (&error);

  ck_assert (consult_store_sign_plan (store, plan_id, "Dr. Lin", &error));
  ck_assert_msg (consult_store_record_session (store, later, &error), "%s", error ? error->message : "");
  ck_assert_msg (consult_store_record_session (store, early, &error), "%s", error ? error->message : "");
  ck_assert_ptr_nonnull (early->id);

  sessions = consult_store_list_sessions (store, plan_id, &error);
  ck_assert_uint_eq (sessions->len, 2);
  first = g_ptr_array_index (sessions, 0);
  ck_assert_str_eq (first->performed_on, "2027-01-18");
  ck_assert_str_eq (first->lot_number, "LOT-2291");
  ck_assert_str_eq (first->performer, "Nurse Kim");

  /* Every write is in the audit chain, and the chain holds. */
  ck_assert_msg (consult_store_verify (store, NULL, &error), "%s", error ? error->message : "");
}
END_TEST

START_TEST (test_session_needs_date_and_performer)
{
  g_autofree char *plan_id = consult_test_store_save_visit (store, "Rosa", "Vidal", NULL, NULL);
  g_autoptr (ConsultStoreSession) session = session_for (plan_id, "18/01/2027");
  g_autoptr (GError) error = NULL;

  ck_assert (consult_store_sign_plan (store, plan_id, "Dr. Lin", &error));
  ck_assert (!consult_store_record_session (store, session, &error));
  consult_test_assert_error (error, CONSULT_STORE_ERROR, CONSULT_STORE_ERROR_INVALID);
  ck_assert_int_eq (consult_test_store_count (store, "treatment_sessions"), 0);
}
END_TEST

/* A session is a clinical record: no change, no deletion, even by hand. */
START_TEST (test_sessions_are_immutable)
{
  g_autofree char *plan_id = consult_test_store_save_visit (store, "Rosa", "Vidal", NULL, NULL);
  g_autoptr (ConsultStoreSession) session = session_for (plan_id, "2027-01-18");
  g_autoptr (GError) error = NULL;
  sqlite3 *db = NULL;

  ck_assert (consult_store_sign_plan (store, plan_id, "Dr. Lin", &error));
  ck_assert (consult_store_record_session (store, session, &error));

  ck_assert_int_eq (sqlite3_open (consult_store_get_path (store), &db), SQLITE_OK);
  ck_assert_int_ne (sqlite3_exec (db, "UPDATE treatment_sessions SET lot_number = 'X'", NULL, NULL, NULL), SQLITE_OK);
  ck_assert_int_ne (sqlite3_exec (db, "DELETE FROM treatment_sessions", NULL, NULL, NULL), SQLITE_OK);
  sqlite3_close (db);
  ck_assert_int_eq (consult_test_store_count (store, "treatment_sessions"), 1);
}
END_TEST

static Suite *
store_sessions_suite (void)
{
  Suite *suite = suite_create ("store-sessions");
  TCase *tc = tcase_create ("sessions");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_sessions_recorded_against_signed_plan);
  tcase_add_test (tc, test_session_needs_date_and_performer);
  tcase_add_test (tc, test_sessions_are_immutable);
  suite_add_tcase (suite, tc);

  return suite;
}

int
main (void)
{
  return consult_test_run_suite (store_sessions_suite ());
}
