/* test-store-cli.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>
#include <sys/stat.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "consult-test.h"
#include "consult-test-store.h"

static char *dir;
static char *db_path;
static char *client_id;
static char *plan_id;

static void
setup (void)
{
  g_autoptr (ConsultStore) store = NULL;
  g_autofree char *other = NULL;

  dir = consult_test_store_make_dir ();
  store = consult_test_store_open (dir);
  db_path = g_strdup (consult_store_get_path (store));
  plan_id = consult_test_store_save_visit (store, "Ana", "Díaz", "melasma", &client_id);
  other = consult_test_store_save_visit (store, "Bea", "Ruiz", NULL, NULL);
}

static void
teardown (void)
{
  consult_test_store_remove_dir (dir);
  g_clear_pointer (&dir, g_free);
  g_clear_pointer (&db_path, g_free);
  g_clear_pointer (&client_id, g_free);
  g_clear_pointer (&plan_id, g_free);
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (; *text != '\0'; text++)
    n += *text == '\n';

  return n;
}

static void
tamper_audit (const char *path)
{
  sqlite3 *db = NULL;

  ck_assert_int_eq (sqlite3_open (path, &db), SQLITE_OK);
  ck_assert_int_eq (sqlite3_exec (db, "DROP TRIGGER audit_no_update;"
                                      "UPDATE audit SET action = 'x' WHERE id = 2",
                                  NULL, NULL, NULL), SQLITE_OK);
  sqlite3_close (db);
}

START_TEST (test_clients_lists_and_searches)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *all = NULL;

  ck_assert_int_eq (consult_test_store_cli (&out, &err, db_path, "clients", "dia", NULL), 0);
  ck_assert_uint_eq (count_lines (out), 1);
  ck_assert (g_str_has_prefix (out, client_id));
  ck_assert_ptr_nonnull (strstr (out, "\tDíaz\tAna\t1988-04-02\t"));

  g_clear_pointer (&err, g_free);
  ck_assert_int_eq (consult_test_store_cli (&all, &err, db_path, "clients", NULL), 0);
  ck_assert_uint_eq (count_lines (all), 2);
}
END_TEST

START_TEST (test_history_and_show_plan)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *plan = NULL;

  ck_assert_int_eq (consult_test_store_cli (&out, &err, db_path, "history", client_id, NULL), 0);
  ck_assert_uint_eq (count_lines (out), 2);
  ck_assert_ptr_nonnull (strstr (out, "\tplan_version\t"));
  ck_assert_ptr_nonnull (strstr (out, "\tconsultation\t"));

  g_clear_pointer (&err, g_free);
  ck_assert_int_eq (consult_test_store_cli (&plan, &err, db_path, "show-plan", plan_id, NULL), 0);
  ck_assert_str_eq (plan, TEST_PLAN_JSON);

  g_clear_pointer (&err, g_free);
  g_clear_pointer (&out, g_free);
  ck_assert_int_eq (consult_test_store_cli (&out, &err, db_path, "history", "no-such-id", NULL), 1);
  ck_assert_ptr_nonnull (strstr (err, "No client"));

  g_clear_pointer (&err, g_free);
  g_clear_pointer (&out, g_free);
  ck_assert_int_eq (consult_test_store_cli (&out, &err, db_path, "history", NULL), 2);
}
END_TEST

START_TEST (test_sign_once_only)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  ck_assert_int_eq (consult_test_store_cli (&out, &err, db_path, "sign", plan_id, NULL), 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  ck_assert_int_eq (consult_test_store_cli (&out, &err, db_path, "sign", plan_id,
                                            "--physician", "Dr. Vega", NULL), 0);
  ck_assert_ptr_nonnull (strstr (out, "\"signed\""));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  ck_assert_int_eq (consult_test_store_cli (&out, &err, db_path, "sign", plan_id,
                                            "--physician", "Dr. Other", NULL), 1);
  ck_assert_ptr_nonnull (strstr (err, "can no longer change"));
}
END_TEST

START_TEST (test_verify_reports_broken_link)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  ck_assert_int_eq (consult_test_store_cli (&out, &err, db_path, "verify", NULL), 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  tamper_audit (db_path);
  ck_assert_int_eq (consult_test_store_cli (&out, &err, db_path, "verify", NULL), 1);
  ck_assert_ptr_nonnull (strstr (err, "row 2"));
}
END_TEST

START_TEST (test_backup_then_restore_over_damaged_database)
{
  g_autofree char *backup = g_build_filename (dir, "backup.db", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *kept = NULL;
  GStatBuf st;

  ck_assert_int_eq (consult_test_store_cli (&out, &err, db_path, "backup", backup, NULL), 0);
  ck_assert_int_eq (g_stat (backup, &st), 0);
  ck_assert_int_eq (st.st_mode & 0777, 0600);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  ck_assert_int_eq (consult_test_store_cli (&out, &err, backup, "verify", NULL), 0);

  /* The disk damages the database: it is refused, with the way out. */
  ck_assert (g_file_set_contents (db_path, "garbage garbage garbage garbage garbage "
                                           "garbage garbage garbage garbage garbage", -1, NULL));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  ck_assert_int_eq (consult_test_store_cli (&out, &err, db_path, "clients", NULL), 1);
  ck_assert_ptr_nonnull (strstr (err, "restore"));

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  ck_assert_int_eq (consult_test_store_cli (&out, &err, db_path, "restore", backup, NULL), 0);
  ck_assert_ptr_nonnull (strstr (out, ".before-restore-"));
  kept = g_strndup (strstr (out, "“") + strlen ("“"),
                    strstr (out, "”") - strstr (out, "“") - strlen ("“"));
  ck_assert (g_file_test (kept, G_FILE_TEST_IS_REGULAR));

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  ck_assert_int_eq (consult_test_store_cli (&out, &err, db_path, "clients", NULL), 0);
  ck_assert_uint_eq (count_lines (out), 2);
}
END_TEST

START_TEST (test_restore_refuses_unsound_backup)
{
  g_autofree char *backup = g_build_filename (dir, "backup.db", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.db", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_length, after_length;

  ck_assert_int_eq (consult_test_store_cli (&out, &err, db_path, "backup", backup, NULL), 0);
  tamper_audit (backup);
  ck_assert (g_file_get_contents (db_path, &before, &before_length, NULL));

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  ck_assert_int_eq (consult_test_store_cli (&out, &err, db_path, "restore", backup, NULL), 1);
  ck_assert_ptr_nonnull (strstr (err, "audit chain"));

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  ck_assert_int_eq (consult_test_store_cli (&out, &err, db_path, "restore", missing, NULL), 1);

  /* Nothing was replaced. */
  ck_assert (g_file_get_contents (db_path, &after, &after_length, NULL));
  ck_assert_uint_eq (before_length, after_length);
  ck_assert_mem_eq (before, after, before_length);
}
END_TEST

START_TEST (test_restore_refuses_database_in_use)
{
  g_autofree char *backup = g_build_filename (dir, "backup.db", NULL);
  g_autoptr (ConsultStore) in_use = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  ck_assert_int_eq (consult_test_store_cli (&out, &err, db_path, "backup", backup, NULL), 0);
  in_use = consult_test_store_open (dir);

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  ck_assert_int_eq (consult_test_store_cli (&out, &err, db_path, "restore", backup, NULL), 1);
  ck_assert_ptr_nonnull (strstr (err, "in use by another program"));
}
END_TEST

START_TEST (test_save_stores_intake_client_and_plan)
{
  g_autofree char *seed = consult_test_source_path ("fixtures", "intake", "seed-1-glow.json", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *planned = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GStrvBuilder) plan_args = g_strv_builder_new ();
  g_auto (GStrv) argv = NULL;
  JsonObject *ids;
  const char *saved_plan;

  ck_assert_int_eq (consult_test_store_cli (&out, &err, db_path, "save", seed, NULL), 0);
  ck_assert_msg (json_parser_load_from_data (parser, out, -1, &error), "%s", out);
  ids = json_node_get_object (json_parser_get_root (parser));
  ck_assert_int_eq (strlen (json_object_get_string_member (ids, "client_id")), 36);
  ck_assert_int_eq (strlen (json_object_get_string_member (ids, "consultation_id")), 36);
  saved_plan = json_object_get_string_member (ids, "plan_id");

  /* show-plan gives back the planner's JSON byte for byte. */
  g_clear_pointer (&err, g_free);
  ck_assert_int_eq (consult_test_store_cli (&stored, &err, db_path, "show-plan", saved_plan, NULL), 0);
  g_strv_builder_add_many (plan_args, g_getenv ("CONSULT_TEST_CLI"), "plan", seed, NULL);
  argv = g_strv_builder_end (plan_args);
  g_clear_pointer (&err, g_free);
  ck_assert (g_spawn_sync (NULL, argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &planned, &err, NULL, NULL));
  ck_assert_str_eq (stored, planned);
}
END_TEST

START_TEST (test_save_refuses_bad_intake_and_writes_nothing)
{
  const char *bad[] = { "empty.json", "deep-nesting.json", "invalid-utf8.json" };
  g_autofree char *fresh = g_build_filename (dir, "fresh", "consult.db", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *path = consult_test_source_path ("fixtures", "intake", "bad", bad[i], NULL);
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autofree char *listing = NULL;

      ck_assert_int_eq (consult_test_store_cli (&out, &err, db_path, "save", path, NULL), 1);
      ck_assert_str_eq (out, "");
      ck_assert_str_ne (err, "");
      g_clear_pointer (&out, g_free);
      g_clear_pointer (&err, g_free);
      ck_assert_int_eq (consult_test_store_cli (&out, &err, fresh, "save", path, NULL), 1);
      ck_assert (!g_file_test (fresh, G_FILE_TEST_EXISTS));

      g_clear_pointer (&err, g_free);
      ck_assert_int_eq (consult_test_store_cli (&listing, &err, db_path, "clients", NULL), 0);
      ck_assert_uint_eq (count_lines (listing), 2);
    }
}
END_TEST

static Suite *
store_cli_suite (void)
{
  Suite *suite = suite_create ("store-cli");
  TCase *tc = tcase_create ("cli");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_save_stores_intake_client_and_plan);
  tcase_add_test (tc, test_save_refuses_bad_intake_and_writes_nothing);
  tcase_add_test (tc, test_clients_lists_and_searches);
  tcase_add_test (tc, test_history_and_show_plan);
  tcase_add_test (tc, test_sign_once_only);
  tcase_add_test (tc, test_verify_reports_broken_link);
  tcase_add_test (tc, test_backup_then_restore_over_damaged_database);
  tcase_add_test (tc, test_restore_refuses_unsound_backup);
  tcase_add_test (tc, test_restore_refuses_database_in_use);
  suite_add_tcase (suite, tc);

  return suite;
}

int
main (void)
{
  return consult_test_run_suite (store_cli_suite ());
}
