/* test-store-open.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "consult-test.h"
#include "consult-test-store.h"
#include "consult-client-list.h"
#include "consult-store-backup.h"
#include "consult-store-migrations.h"
#include "consult-store-outbox.h"
#include "consult-store-plans.h"
#include "consult-store-private.h"

static char *dir;
static char *db_path;

static void
setup (void)
{
  dir = consult_test_store_make_dir ();
  db_path = g_build_filename (dir, "data", "consult.db", NULL);
}

static void
teardown (void)
{
  consult_test_store_remove_dir (dir);
  g_clear_pointer (&dir, g_free);
  g_clear_pointer (&db_path, g_free);
}

static ConsultStore *
open_ok (void)
{
  g_autoptr (GError) error = NULL;
  ConsultStore *store = consult_store_new_for_path (db_path, &error);

  ck_assert_msg (store != NULL, "open: %s", error ? error->message : "");
  return store;
}

static int
raw_exec (const char *sql)
{
  sqlite3 *db = NULL;
  int rc;

  ck_assert_int_eq (sqlite3_open (db_path, &db), SQLITE_OK);
  rc = sqlite3_exec (db, sql, NULL, NULL, NULL);
  sqlite3_close (db);

  return rc;
}

static gint64
raw_int (const char *path,
         const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  ck_assert_int_eq (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

START_TEST (test_new_database_is_private_and_current)
{
  g_autoptr (ConsultStore) store = open_ok ();
  g_autofree char *parent = g_path_get_dirname (db_path);
  GStatBuf st;

  ck_assert_uint_eq (consult_store_get_schema_version (store),
                     consult_store_get_latest_schema_version (store));
  ck_assert_uint_ge (consult_store_get_schema_version (store), 1);

  ck_assert_int_eq (g_stat (db_path, &st), 0);
  ck_assert_int_eq (st.st_mode & 0777, 0600);
  ck_assert_int_eq (g_stat (parent, &st), 0);
  ck_assert_int_eq (st.st_mode & 0777, 0700);

  ck_assert_int_eq (raw_int (db_path, "PRAGMA user_version"),
                    consult_store_get_latest_schema_version (store));
  ck_assert_int_eq (raw_int (db_path, "SELECT count(*) FROM pragma_journal_mode WHERE journal_mode = 'wal'"), 1);
}
END_TEST

START_TEST (test_newer_database_is_refused_untouched)
{
  g_autoptr (ConsultStore) store = open_ok ();
  g_autoptr (ConsultStore) again = NULL;
  g_autoptr (GError) error = NULL;

  consult_store_close (store);
  ck_assert_int_eq (raw_exec ("PRAGMA user_version = 99"), SQLITE_OK);

  again = consult_store_new (db_path);
  ck_assert (!consult_store_open (again, &error));
  consult_test_assert_error (error, CONSULT_STORE_ERROR, CONSULT_STORE_ERROR_TOO_NEW);
  ck_assert_ptr_nonnull (strstr (error->message, "newer version"));
  ck_assert_int_eq (raw_int (db_path, "PRAGMA user_version"), 99);
}
END_TEST

static void
add_migration (GPtrArray  *migrations,
               guint       version,
               const char *sql)
{
  ConsultStoreMigration *migration = g_new0 (ConsultStoreMigration, 1);

  migration->version = version;
  migration->name = g_strdup_printf ("%04u-test.sql", version);
  migration->sql = g_strdup (sql);
  g_ptr_array_add (migrations, migration);
}

static guint
last_version (GPtrArray *migrations)
{
  const ConsultStoreMigration *last = g_ptr_array_index (migrations, migrations->len - 1);

  return last->version;
}

START_TEST (test_failed_migration_is_rolled_back)
{
  g_autoptr (ConsultStore) store = open_ok ();
  g_autofree char *plan_id = consult_test_store_save_visit (store, "Ana", "Díaz", NULL, NULL);
  g_autoptr (GPtrArray) broken = consult_store_default_migrations (NULL);
  g_autoptr (GPtrArray) fixed = consult_store_default_migrations (NULL);
  guint current = last_version (broken);
  g_autofree char *backup = g_strdup_printf ("%s.pre-migration-v%u.bak", db_path, current);
  g_autoptr (ConsultStore) upgrading = NULL;
  g_autoptr (GError) error = NULL;

  consult_store_close (store);

  /* Half of it works: a new table and a changed row, then a failure. */
  add_migration (broken, current + 1,
                 "CREATE TABLE extra (a);"
                 "UPDATE intake_drafts SET updated_at = 0;"
                 "ALTER TABLE clients ADD COLUMN nickname TEXT;"
                 "INSERT INTO no_such_table VALUES (1);");
  upgrading = consult_store_new (db_path);
  consult_store_set_migrations (upgrading, broken);
  ck_assert (!consult_store_open (upgrading, &error));
  consult_test_assert_error (error, CONSULT_STORE_ERROR, CONSULT_STORE_ERROR_MIGRATION);
  ck_assert (!consult_store_is_open (upgrading));

  ck_assert_int_eq (raw_int (db_path, "PRAGMA user_version"), current);
  ck_assert_int_eq (raw_int (db_path, "SELECT count(*) FROM sqlite_schema WHERE name = 'extra'"), 0);
  ck_assert_int_eq (raw_int (db_path, "SELECT count(*) FROM pragma_table_info('clients') "
                                      "WHERE name = 'nickname'"), 0);
  ck_assert_int_eq (raw_int (db_path, "SELECT count(*) FROM clients"), 1);

  /* The copy taken before the upgrade is a sound, complete database. */
  ck_assert (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  ck_assert (consult_store_check_file (backup, NULL, NULL));
  ck_assert_int_eq (raw_int (backup, "SELECT count(*) FROM clients"), 1);

  g_clear_object (&upgrading);
  add_migration (fixed, current + 1, "CREATE TABLE extra (a);");
  upgrading = consult_store_new (db_path);
  consult_store_set_migrations (upgrading, fixed);
  g_clear_error (&error);
  ck_assert_msg (consult_store_open (upgrading, &error), "%s", error ? error->message : "");
  ck_assert_uint_eq (consult_store_get_schema_version (upgrading), current + 1);
}
END_TEST

/* A database written by the first schema, upgraded by every later one:
 * what a clinic's file goes through. */
START_TEST (test_upgrade_from_first_schema_keeps_records)
{
  g_autoptr (GPtrArray) all = consult_store_default_migrations (NULL);
  g_autoptr (GPtrArray) first = g_ptr_array_new ();
  g_autoptr (ConsultStore) old = consult_store_new (db_path);
  g_autoptr (ConsultStore) store = NULL;
  g_autoptr (ConsultClientList) found = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *plan_id = NULL;
  g_autofree char *backup = g_strconcat (db_path, ".pre-migration-v1.bak", NULL);

  g_ptr_array_add (first, g_ptr_array_index (all, 0));
  consult_store_set_migrations (old, first);
  ck_assert (consult_store_open (old, &error));
  ck_assert_uint_eq (consult_store_get_schema_version (old), 1);
  plan_id = consult_test_store_insert_old_visit (db_path, "Ana", "Díaz");
  consult_store_close (old);

  store = open_ok ();
  ck_assert_uint_eq (consult_store_get_schema_version (store), last_version (all));
  ck_assert (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  found = consult_client_list_new (store, "dia", CONSULT_CLIENT_SEARCH_DEFAULT, &error);
  ck_assert_uint_eq (g_list_model_get_n_items (G_LIST_MODEL (found)), 1);
  ck_assert (consult_store_verify (store, NULL, &error));
}
END_TEST

static char *
waiting_entry_id (ConsultStore *store,
                  const char   *plan_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ConsultStorePlanVersion) plan = consult_store_get_plan (store, plan_id, &error);
  g_autoptr (ConsultStoreOutboxEntry) entry = NULL;

  ck_assert_msg (plan != NULL, "%s", error ? error->message : "");
  entry = consult_store_outbox_get_for_consultation (store, plan->consultation_id, &error);
  ck_assert_msg (entry != NULL, "%s", error ? error->message : "");
  ck_assert_int_eq (entry->state, CONSULT_STORE_OUTBOX_PENDING);

  return g_strdup (entry->id);
}

static void
assert_family_names (ConsultStore             *store,
                     ConsultClientSearchFlags  flags,
                     const char *const        *expected)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ConsultClientList) list = consult_client_list_new (store, NULL, flags, &error);
  guint n = g_strv_length ((char **) expected);

  ck_assert_msg (list != NULL, "%s", error ? error->message : "");
  ck_assert_uint_eq (g_list_model_get_n_items (G_LIST_MODEL (list)), n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (ConsultClientSummary) row = g_list_model_get_item (G_LIST_MODEL (list), i);

      ck_assert_str_eq (consult_client_summary_get_family_name (row), expected[i]);
    }
}

/* fewer-save-indexes.sql merged indexes of clients and of the outbox: a
 * database of schema 6 keeps its records, lists and rules through it. */
START_TEST (test_upgrade_from_schema_6_keeps_records_and_rules)
{
  g_autoptr (GPtrArray) all = consult_store_default_migrations (NULL);
  g_autoptr (ConsultStore) old = consult_test_store_open_at_schema (db_path, 6);
  g_autoptr (ConsultStore) store = NULL;
  g_autoptr (GPtrArray) due = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *ana_id = NULL;
  g_autofree char *ana = NULL;
  g_autofree char *bea = NULL;
  g_autofree char *carla = NULL;
  g_autofree char *sent_id = NULL;
  g_autofree char *duplicate = NULL;
  g_autofree char *consent = NULL;
  g_autofree char *carla_rows = NULL;
  const char *const active[] = { "Núñez", "Ruiz", NULL };
  const char *const everyone[] = { "Díaz", "Núñez", "Ruiz", NULL };
  guint n_pending, n_failed, n_sent;


  /* An archived client; a signed plan whose entry was sent; a draft
   * saved twice (a superseded entry and a waiting one). */
  ana = consult_test_store_save_visit (old, "Ana", "Díaz", NULL, &ana_id);
  bea = consult_test_store_save_visit (old, "Bea", "Ruiz", NULL, NULL);
  carla = consult_test_store_save_visit (old, "Carla", "Núñez", NULL, NULL);
  ck_assert (consult_store_set_client_archived (old, ana_id, TRUE, &error));
  ck_assert (consult_store_sign_plan (old, bea, "Dr. Lin", &error));
  sent_id = waiting_entry_id (old, bea);
  ck_assert (consult_store_outbox_mark_sent (old, sent_id, NULL, &error));
  ck_assert (consult_store_update_plan_draft (old, carla, TEST_PLAN_JSON, "2026.2", &error));
  consult_store_close (old);

  store = open_ok ();
  ck_assert_uint_eq (consult_store_get_schema_version (store), last_version (all));
  ck_assert_int_eq (raw_int (db_path, "SELECT count(*) FROM sqlite_schema WHERE name IN "
                                      "('fhir_outbox_due', 'fhir_outbox_one_unsent', "
                                      "'clients_active_order')"), 0);
  ck_assert_int_eq (raw_int (db_path, "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name IN "
                                      "('fhir_outbox_state', 'fhir_outbox_plan', "
                                      "'fhir_outbox_consultation', 'clients_order', 'clients_identity', "
                                      "'plan_versions_one_draft', 'plan_versions_timeline')"), 7);
  ck_assert_int_eq (raw_int (db_path, "SELECT count(*) FROM pragma_integrity_check "
                                      "WHERE integrity_check <> 'ok'"), 0);

  assert_family_names (store, CONSULT_CLIENT_SEARCH_DEFAULT, active);
  assert_family_names (store, CONSULT_CLIENT_SEARCH_INCLUDE_ARCHIVED, everyone);
  ck_assert (consult_store_outbox_get_counts (store, &n_pending, &n_failed, &n_sent, NULL, &error));
  ck_assert_uint_eq (n_pending, 2);
  ck_assert_uint_eq (n_failed, 0);
  ck_assert_uint_eq (n_sent, 1);
  due = consult_store_outbox_list_due (store, g_get_real_time (), 0, &error);
  ck_assert_uint_eq (due->len, 2);
  ck_assert_str_eq (((ConsultStoreOutboxEntry *) g_ptr_array_index (due, 0))->plan_id, ana);
  ck_assert_str_eq (((ConsultStoreOutboxEntry *) g_ptr_array_index (due, 1))->plan_id, carla);

  /* Still at most one waiting entry per plan version, beside any number
   * of sent and superseded ones. */
  duplicate = g_strdup_printf ("INSERT INTO fhir_outbox (id, plan_id, consultation_id, client_id, "
                               "enqueued_at, next_attempt_at) SELECT '%s', plan_id, consultation_id, "
                               "client_id, 1, 1 FROM fhir_outbox WHERE plan_id = '%s' "
                               "AND state = 'pending'",
                               "00000000-0000-4000-8000-000000000000", carla);
  ck_assert_int_eq (raw_exec (duplicate), SQLITE_CONSTRAINT);
  consent = consult_store_record_consent (store, bea, "v1", "2026-03-02", "Bea Ruiz", &error);
  ck_assert_msg (consent != NULL, "%s", error ? error->message : "");
  g_clear_pointer (&consent, g_free);
  consent = consult_store_record_consent (store, bea, "v2", "2026-03-03", "Bea Ruiz", &error);
  ck_assert_msg (consent != NULL, "%s", error ? error->message : "");
  ck_assert (consult_store_discard_plan_draft (store, carla, &error));
  carla_rows = g_strdup_printf ("SELECT count(*) FROM fhir_outbox WHERE plan_id = '%s'", carla);
  ck_assert_int_eq (raw_int (db_path, carla_rows), 0);
  ck_assert (consult_store_outbox_get_counts (store, &n_pending, &n_failed, &n_sent, NULL, &error));
  ck_assert_uint_eq (n_pending, 2);
  ck_assert_uint_eq (n_sent, 1);
  ck_assert_int_eq (raw_int (db_path, "SELECT count(*) FROM fhir_outbox WHERE state = 'superseded'"), 2);
  ck_assert (consult_store_verify (store, NULL, &error));
}
END_TEST

static void
write_file (const char *path,
            const char *contents,
            gssize      length)
{
  g_autoptr (GError) error = NULL;

  ck_assert_msg (g_file_set_contents (path, contents, length, &error), "%s",
                 error ? error->message : "");
}

START_TEST (test_corrupt_file_is_refused_with_restore_advice)
{
  g_autoptr (ConsultStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *parent = g_path_get_dirname (db_path);

  g_mkdir_with_parents (parent, 0700);
  write_file (db_path, "This is not a database at all, but it is long enough to "
                       "have a header that SQLite reads and rejects.........", -1);
  store = consult_store_new (db_path);
  ck_assert (!consult_store_open (store, &error));
  consult_test_assert_error (error, CONSULT_STORE_ERROR, CONSULT_STORE_ERROR_CORRUPT);
  ck_assert_ptr_nonnull (strstr (error->message, "medspa-consult-cli restore"));
}
END_TEST

START_TEST (test_damaged_schema_page_is_refused)
{
  g_autoptr (ConsultStore) store = open_ok ();
  g_autofree char *plan_id = consult_test_store_save_visit (store, "Ana", "Díaz", NULL, NULL);
  g_autoptr (ConsultStore) again = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  consult_store_close (store);
  ck_assert_int_eq (raw_exec ("PRAGMA wal_checkpoint(TRUNCATE)"), SQLITE_OK);
  ck_assert (g_file_get_contents (db_path, &contents, &length, NULL));
  /* Scribble over page 1 past the file header: the schema's b-tree. */
  memset (contents + 100, 0xA5, 3900);
  write_file (db_path, contents, length);

  again = consult_store_new (db_path);
  ck_assert (!consult_store_open (again, &error));
  consult_test_assert_error (error, CONSULT_STORE_ERROR, CONSULT_STORE_ERROR_CORRUPT);
}
END_TEST

/* Another process takes the write lock and keeps it until killed. */
static GPid
hold_write_lock (void)
{
  int ready[2];
  GPid pid;
  char byte;

  ck_assert_int_eq (pipe (ready), 0);
  pid = fork ();
  ck_assert_int_ge (pid, 0);
  if (pid == 0)
    {
      sqlite3 *db = NULL;

      close (ready[0]);
      if (sqlite3_open (db_path, &db) != SQLITE_OK ||
          sqlite3_exec (db, "BEGIN EXCLUSIVE; INSERT INTO intake_drafts VALUES "
                            "('other', 'program', '{}', 0)", NULL, NULL, NULL) != SQLITE_OK)
        _exit (1);
      if (write (ready[1], "x", 1) != 1)
        _exit (1);
      pause ();
      _exit (0);
    }

  close (ready[1]);
  ck_assert_int_eq (read (ready[0], &byte, 1), 1);
  close (ready[0]);

  return pid;
}

START_TEST (test_busy_database_waits_then_fails)
{
  g_autoptr (ConsultStore) store = open_ok ();
  g_autoptr (ConsultStoreClient) client = consult_store_client_new ();
  g_autoptr (GError) error = NULL;
  GPid holder = hold_write_lock ();
  gint64 started;
  gint64 waited;

  consult_store_set_busy_timeout (store, 300);
  client->given_name = g_strdup ("Ana");
  client->family_name = g_strdup ("Díaz");

  started = g_get_monotonic_time ();
  ck_assert (!consult_store_save_client (store, client, &error));
  waited = g_get_monotonic_time () - started;
  kill (holder, SIGKILL);
  waitpid (holder, NULL, 0);

  consult_test_assert_error (error, CONSULT_STORE_ERROR, CONSULT_STORE_ERROR_BUSY);
  ck_assert_ptr_nonnull (strstr (error->message, "in use by another program"));
  ck_assert_int_ge (waited, 250 * 1000);
  ck_assert_ptr_null (client->id);
  ck_assert_int_eq (consult_test_store_count (store, "clients"), 0);
  ck_assert_int_eq (consult_test_store_count (store, "intake_drafts"), 0);
}
END_TEST

START_TEST (test_full_disk_writes_nothing)
{
  g_autoptr (ConsultStore) store = open_ok ();
  g_autofree char *first = consult_test_store_save_visit (store, "Ana", "Díaz", NULL, NULL);
  g_autoptr (ConsultStoreClient) client = consult_store_client_new ();
  g_autoptr (ConsultStoreConsultation) consultation = consult_store_consultation_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *limit = NULL;
  gint64 audit_rows = consult_test_store_count (store, "audit");

  /* The file may not grow: SQLite answers SQLITE_FULL as on a full disk. */
  limit = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT,
                           raw_int (db_path, "PRAGMA page_count"));
  ck_assert (_consult_store_exec (store, limit, NULL));

  client->given_name = g_strdup ("Bea");
  client->family_name = g_strdup ("Ruiz");
  consultation->consultation_date = g_strdup ("2026-11-23");
  consultation->intake_json = g_strdup (TEST_INTAKE_JSON);
  consultation->catalogue_version = g_strdup ("2026.1");
  consultation->notes = g_strnfill (200 * 1024, 'n');

  ck_assert (!consult_store_save_consultation (store, client, consultation, TEST_PLAN_JSON, NULL, &error));
  consult_test_assert_error (error, CONSULT_STORE_ERROR, CONSULT_STORE_ERROR_FULL);
  ck_assert_ptr_nonnull (strstr (error->message, "disk is full"));
  ck_assert_ptr_null (client->id);
  ck_assert_ptr_null (consultation->id);

  ck_assert_int_eq (consult_test_store_count (store, "clients"), 1);
  ck_assert_int_eq (consult_test_store_count (store, "consultations"), 1);
  ck_assert_int_eq (consult_test_store_count (store, "plan_versions"), 1);
  ck_assert_int_eq (consult_test_store_count (store, "audit"), audit_rows);
  g_clear_error (&error);
  ck_assert_msg (consult_store_verify (store, NULL, &error), "%s", error ? error->message : "");
}
END_TEST

/* Runs the open in a child process; as root (CI) the child first becomes
 * "nobody", because root ignores permission bits and the test must meet
 * the same kernel refusal a clinic user meets.  Exits 0 when the open
 * failed with READ_ONLY. */
static int
open_as_unprivileged_child (const char *path)
{
  GPid pid = fork ();
  int status = 0;

  ck_assert_int_ge (pid, 0);
  if (pid == 0)
    {
      ConsultStore *store;
      GError *error = NULL;
      int result;

      if (geteuid () == 0 && (setgid (65534) != 0 || setuid (65534) != 0))
        _exit (3);
      store = consult_store_new (path);
      if (consult_store_open (store, &error))
        result = 1;
      else
        result = g_error_matches (error, CONSULT_STORE_ERROR, CONSULT_STORE_ERROR_READ_ONLY) ? 0 : 2;
      /* Freed before _exit(): under valgrind a leak would become the
       * child's exit status. */
      g_clear_error (&error);
      g_object_unref (store);
      _exit (result);
    }

  waitpid (pid, &status, 0);
  ck_assert (WIFEXITED (status));
  return WEXITSTATUS (status);
}

START_TEST (test_read_only_folder_is_refused)
{
  g_autofree char *parent = g_path_get_dirname (db_path);
  g_autofree char *new_path = g_build_filename (parent, "new.db", NULL);
  g_autoptr (ConsultStore) store = open_ok ();

  /* An existing database, readable by all, in a folder nobody may write.
   * Freed, not only closed: the children below must not inherit it. */
  g_clear_object (&store);
  ck_assert_int_eq (g_chmod (dir, 0755), 0);
  ck_assert_int_eq (g_chmod (db_path, 0444), 0);
  ck_assert_int_eq (g_chmod (parent, 0555), 0);

  ck_assert_int_eq (open_as_unprivileged_child (db_path), 0);
  ck_assert_int_eq (open_as_unprivileged_child (new_path), 0);
  ck_assert (!g_file_test (new_path, G_FILE_TEST_EXISTS));

  g_chmod (parent, 0700);
  g_chmod (db_path, 0600);
}
END_TEST

static Suite *
store_open_suite (void)
{
  Suite *suite = suite_create ("store-open");
  TCase *tc = tcase_create ("open");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_new_database_is_private_and_current);
  tcase_add_test (tc, test_newer_database_is_refused_untouched);
  tcase_add_test (tc, test_failed_migration_is_rolled_back);
  tcase_add_test (tc, test_upgrade_from_first_schema_keeps_records);
  tcase_add_test (tc, test_upgrade_from_schema_6_keeps_records_and_rules);
  tcase_add_test (tc, test_corrupt_file_is_refused_with_restore_advice);
  tcase_add_test (tc, test_damaged_schema_page_is_refused);
  tcase_add_test (tc, test_busy_database_waits_then_fails);
  tcase_add_test (tc, test_full_disk_writes_nothing);
  tcase_add_test (tc, test_read_only_folder_is_refused);
  suite_add_tcase (suite, tc);

  return suite;
}

int
main (void)
{
  return consult_test_run_suite (store_open_suite ());
}
