/* consult-test-store.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>
#include <sys/wait.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "consult-test.h"
#include "consult-test-store.h"
#include "consult-store-migrations.h"
#include "consult-store-private.h"

char *
consult_test_store_make_dir (void)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("consult-store-XXXXXX", &error);

  ck_assert_msg (dir != NULL, "tmp dir: %s", error ? error->message : "");
  return dir;
}

static void
remove_tree (GFile *file)
{
  g_autoptr (GFileEnumerator) children = NULL;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  if (children != NULL)
    {
      GFileInfo *info;

      while ((info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
        {
          g_autoptr (GFile) child = g_file_get_child (file, g_file_info_get_name (info));

          remove_tree (child);
          g_object_unref (info);
        }
    }

  g_file_delete (file, NULL, NULL);
}

void
consult_test_store_remove_dir (const char *dir)
{
  g_autoptr (GFile) file = g_file_new_for_path (dir);

  g_chmod (dir, 0700);
  remove_tree (file);
}

ConsultStore *
consult_test_store_open (const char *dir)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, "consult.db", NULL);
  ConsultStore *store = consult_store_new_for_path (path, &error);

  ck_assert_msg (store != NULL, "open: %s", error ? error->message : "");
  consult_store_set_actor (store, "test-consultant");
  return store;
}

/* A new database at @path at an older schema @version, for upgrade
 * tests; its background thread holds the work the latest schema
 * defers. */
ConsultStore *
consult_test_store_open_at_schema (const char *path,
                                   guint       version)
{
  g_autoptr (GPtrArray) all = consult_store_default_migrations (NULL);
  g_autoptr (GPtrArray) old = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  ConsultStore *store;

  ck_assert (!g_file_test (path, G_FILE_TEST_EXISTS));
  for (guint i = 0; i < version; i++)
    g_ptr_array_add (old, g_ptr_array_index (all, i));
  store = consult_store_new (path);
  consult_store_set_migrations (store, old);
  ck_assert_msg (consult_store_open (store, &error), "open: %s", error ? error->message : "");
  ck_assert_uint_eq (consult_store_get_schema_version (store), version);
  _consult_store_checkpointer_set_quiet (store->checkpointer, G_MAXUINT, G_MAXUINT);
  consult_store_set_actor (store, "test-consultant");
  return store;
}

gboolean
consult_test_store_try_save_visit (ConsultStore  *store,
                                   const char    *given_name,
                                   const char    *family_name,
                                   const char    *notes,
                                   char         **plan_id,
                                   char         **client_id,
                                   GError       **error)
{
  g_autoptr (ConsultStoreClient) client = consult_store_client_new ();
  g_autoptr (ConsultStoreConsultation) consultation = consult_store_consultation_new ();

  client->given_name = g_strdup (given_name);
  client->family_name = g_strdup (family_name);
  client->date_of_birth = g_strdup ("1988-04-02");
  client->sex = g_strdup ("female");
  client->phone = g_strdup ("+1 818 555 0100");
  client->email = g_strdup ("client@example.org");
  consultation->consultation_date = g_strdup ("2026-11-23");
  consultation->intake_json = g_strdup (TEST_INTAKE_JSON);
  consultation->catalogue_version = g_strdup ("2026.1");
  consultation->notes = g_strdup (notes);

  if (!consult_store_save_consultation (store, client, consultation, TEST_PLAN_JSON, plan_id, error))
    return FALSE;

  if (client_id != NULL)
    *client_id = g_strdup (client->id);

  return TRUE;
}

char *
consult_test_store_save_visit (ConsultStore  *store,
                               const char    *given_name,
                               const char    *family_name,
                               const char    *notes,
                               char         **client_id)
{
  g_autoptr (GError) error = NULL;
  char *plan_id = NULL;

  ck_assert_msg (consult_test_store_try_save_visit (store, given_name, family_name, notes,
                                                    &plan_id, client_id, &error),
                 "save: %s", error ? error->message : "");
  return plan_id;
}

char *
consult_test_store_insert_old_visit (const char *db_path,
                                     const char *given_name,
                                     const char *family_name)
{
  g_autofree char *client_id = g_uuid_string_random ();
  g_autofree char *consultation_id = g_uuid_string_random ();
  char *plan_id = g_uuid_string_random ();
  char *sql = sqlite3_mprintf ("INSERT INTO clients (id, given_name, family_name, date_of_birth, "
                               "identity_key, sort_key, created_at, updated_at) "
                               "VALUES (%Q, %Q, %Q, '1988-04-02', lower (%Q), lower (%Q), 0, 0);"
                               "INSERT INTO consultations (id, client_id, consultant, consultation_date, "
                               "recorded_at, intake_json, catalogue_version) "
                               "VALUES (%Q, %Q, 'test-consultant', '2026-11-23', 0, %Q, '2026.1');"
                               "INSERT INTO plan_versions (id, consultation_id, version, plan_json, "
                               "catalogue_version, author, created_at) "
                               "VALUES (%Q, %Q, 1, %Q, '2026.1', 'test-consultant', 0);",
                               client_id, given_name, family_name, family_name, family_name,
                               consultation_id, client_id, TEST_INTAKE_JSON,
                               plan_id, consultation_id, TEST_PLAN_JSON);
  sqlite3 *db = NULL;

  ck_assert_int_eq (sqlite3_open (db_path, &db), SQLITE_OK);
  ck_assert_int_eq (sqlite3_exec (db, sql, NULL, NULL, NULL), SQLITE_OK);
  sqlite3_close (db);
  sqlite3_free (sql);

  return plan_id;
}

gint64
consult_test_store_count (ConsultStore *store,
                          const char   *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 count = -1;

  /* A separate connection: what is really committed on disk. */
  ck_assert_int_eq (sqlite3_open_v2 (consult_store_get_path (store), &db,
                                     SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
  ck_assert_int_eq (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return count;
}

int
consult_test_store_cli (char       **out,
                        char       **err,
                        const char  *db_path,
                        const char  *command,
                        ...)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) argv = NULL;
  g_autoptr (GError) error = NULL;
  int status = -1;
  va_list args;

  g_strv_builder_add_many (builder, g_getenv ("CONSULT_TEST_CLI"), command, "--db", db_path, NULL);
  va_start (args, command);
  for (const char *arg = va_arg (args, const char *); arg != NULL; arg = va_arg (args, const char *))
    g_strv_builder_add (builder, arg);
  va_end (args);
  argv = g_strv_builder_end (builder);

  ck_assert_msg (g_spawn_sync (NULL, argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, out, err, &status, &error),
                 "spawn: %s", error ? error->message : "");

  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

ConsultStore *
consult_test_store_open_unindexed (const char *dir)
{
  ConsultStore *store = consult_test_store_open (dir);

  _consult_store_checkpointer_set_quiet (store->checkpointer, G_MAXUINT, G_MAXUINT);
  return store;
}

void
consult_test_store_index_now (ConsultStore *store)
{
  g_autoptr (GError) error = NULL;
  gboolean more = TRUE;

  ck_assert (consult_store_begin (store, &error));
  ck_assert_int_eq (_consult_store_index_pending (store->db, G_MAXUINT, &more), SQLITE_OK);
  ck_assert (!more);
  ck_assert (consult_store_commit (store, &error));
  ck_assert_int_eq (consult_test_store_count (store, "client_prefixes_pending"), 0);
  ck_assert_int_eq (consult_test_store_count (store, "consultation_notes_pending"), 0);
  /* With nothing noted, each full-text index agrees with its table
   * (rank 1: checked against the text of the table itself). */
  ck_assert_msg (_consult_store_exec (store, "INSERT INTO client_fts (client_fts, rank) "
                                             "VALUES ('integrity-check', 1)", &error),
                 "%s", error ? error->message : "");
  ck_assert_msg (_consult_store_exec (store, "INSERT INTO consultation_fts (consultation_fts, rank) "
                                             "VALUES ('integrity-check', 1)", &error),
                 "%s", error ? error->message : "");
}

/* Clients noted for their search rows to be written. */
guint
consult_test_store_count_noted_clients (ConsultStore *store)
{
  return (guint) consult_test_store_count (store, "client_prefixes_pending");
}

guint
consult_test_store_count_matches (ConsultStore             *store,
                                  const char               *text,
                                  ConsultClientSearchFlags  flags)
{
  g_autoptr (ConsultClientList) list = NULL;
  g_autoptr (GError) error = NULL;

  list = consult_client_list_new (store, text, flags, &error);
  ck_assert_msg (list != NULL, "search: %s", error ? error->message : "");
  return g_list_model_get_n_items (G_LIST_MODEL (list));
}
