/* test-sync-token.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs on a private session bus (GTestDBus) with a real gnome-keyring
 * Secret Service of its own, so nothing touches anyone's keyring.
 */

#include "config.h"

#include <gio/gio.h>
#include <libsecret/secret.h>

#include "consult-sync-error.h"
#include "consult-sync-token.h"
#include "consult-test.h"

#define SERVER "https://ehr.example.org/fhir/R4"
#define LOOPBACK "https://127.0.0.1:1/fhir/R4"

static GAsyncResult *
wait_for_result (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);

  return *slot;
}

static void
keep_result (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static char *
lookup (const char *base_url)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  char *token;

  consult_sync_token_lookup_async (base_url, NULL, keep_result, &result);
  token = consult_sync_token_lookup_finish (wait_for_result (&result), &error);
  ck_assert_msg (error == NULL, "%s", error ? error->message : "");

  return token;
}

static void
store (const char *base_url,
       const char *token)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;

  consult_sync_token_store_async (base_url, token, NULL, keep_result, &result);
  ck_assert_msg (consult_sync_token_store_finish (wait_for_result (&result), &error),
                 "%s", error ? error->message : "");
}

static void
clear (const char *base_url)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;

  consult_sync_token_clear_async (base_url, NULL, keep_result, &result);
  ck_assert_msg (consult_sync_token_clear_finish (wait_for_result (&result), &error),
                 "%s", error ? error->message : "");
}

/* Runs `medspa-consult-cli sync` with nothing to send, on the test's
 * bus or on @bus_address; returns what it wrote on stderr. */
static char *
run_cli_sync (const char *bus_address)
{
  g_autoptr (GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr (GSubprocess) cli = NULL;
  g_autofree char *db = consult_test_output_path ("sync-token.db");
  g_autoptr (GError) error = NULL;
  char *err = NULL;

  g_subprocess_launcher_unsetenv (launcher, "MEDSPA_CONSULT_FHIR_TOKEN");
  if (bus_address != NULL)
    g_subprocess_launcher_setenv (launcher, "DBUS_SESSION_BUS_ADDRESS", bus_address, TRUE);
  cli = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("CONSULT_TEST_CLI"), "sync", "--db", db,
                                     "--base-url", LOOPBACK, NULL);
  ck_assert_msg (cli != NULL, "%s", error ? error->message : "");
  ck_assert (g_subprocess_communicate_utf8 (cli, NULL, NULL, NULL, &err, &error));
  ck_assert_int_eq (g_subprocess_get_exit_status (cli), 0);

  return err;
}

/* The command line looks for the token where the app keeps it, and says
 * so when there is no keyring to look in. */
START_TEST (test_cli_looks_in_the_keyring)
{
  g_autofree char *missing = consult_test_output_path ("no-such-bus");
  g_autofree char *bogus = g_strdup_printf ("unix:path=%s", missing);
  g_autofree char *with_keyring = NULL;
  g_autofree char *without = NULL;

  store (LOOPBACK, "cli-token");
  with_keyring = run_cli_sync (NULL);
  ck_assert_msg (strstr (with_keyring, "keyring") == NULL, "%s", with_keyring);

  without = run_cli_sync (bogus);
  ck_assert_msg (strstr (without, "The keyring cannot be reached") != NULL, "%s", without);
  clear (LOOPBACK);
}
END_TEST

START_TEST (test_token_round_trip)
{
  g_autofree char *none = NULL;
  g_autofree char *found = NULL;
  g_autofree char *with_slash = NULL;
  g_autofree char *other = NULL;
  g_autofree char *replaced = NULL;
  g_autofree char *cleared = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *blocking = NULL;

  none = lookup (SERVER);
  ck_assert_ptr_null (none);

  store (SERVER, "s3cret-token");
  found = lookup (SERVER);
  ck_assert_str_eq (found, "s3cret-token");

  /* One server, however its address is written at the end. */
  with_slash = lookup (SERVER "/");
  ck_assert_str_eq (with_slash, "s3cret-token");

  /* A token is for its own server only. */
  other = lookup ("https://other.example.org/fhir/R4");
  ck_assert_ptr_null (other);

  store (SERVER "/", "new-token");
  replaced = lookup (SERVER);
  ck_assert_str_eq (replaced, "new-token");

  blocking = consult_sync_token_lookup (SERVER, NULL, &error);
  ck_assert_msg (error == NULL, "%s", error ? error->message : "");
  ck_assert_str_eq (blocking, "new-token");

  clear (SERVER);
  cleared = lookup (SERVER);
  ck_assert_ptr_null (cleared);

  /* Clearing what is not there is not a failure. */
  clear (SERVER);
}
END_TEST

static Suite *
sync_token_suite (void)
{
  Suite *suite = suite_create ("sync-token");
  TCase *keyring = tcase_create ("keyring");

  tcase_set_timeout (keyring, 60);
  tcase_add_test (keyring, test_cli_looks_in_the_keyring);
  tcase_add_test (keyring, test_token_round_trip);
  suite_add_tcase (suite, keyring);

  return suite;
}

/* The daemon answers on the bus a moment after it has forked. */
static gboolean
wait_for_secret_service (GError **error)
{
  g_autoptr (GDBusConnection) connection = NULL;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  connection = g_dbus_connection_new_for_address_sync (g_getenv ("DBUS_SESSION_BUS_ADDRESS"),
                                                       G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                       G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                       NULL, NULL, error);
  if (connection == NULL)
    return FALSE;

  while (g_get_monotonic_time () < deadline)
    {
      g_autoptr (GVariant) reply = NULL;
      gboolean has_owner = FALSE;

      reply = g_dbus_connection_call_sync (connection, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                           "org.freedesktop.DBus", "NameHasOwner",
                                           g_variant_new ("(s)", "org.freedesktop.secrets"),
                                           G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL, error);
      if (reply == NULL)
        return FALSE;
      g_variant_get (reply, "(b)", &has_owner);
      if (has_owner)
        return g_dbus_connection_close_sync (connection, NULL, error);
      g_usleep (G_USEC_PER_SEC / 20);
    }

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT, "no Secret Service on the bus after 10 s");
  return FALSE;
}

/* An unlocked login keyring under the test's $XDG_DATA_HOME. A password
 * on stdin creates and unlocks it without a prompt (an empty one would
 * ask for confirmation on a display). The daemon leaves with the bus. */
static gboolean
start_keyring (GError **error)
{
  g_autofree char *keyrings = g_build_filename (g_get_user_data_dir (), "keyrings", NULL);
  g_autofree char *runtime = g_dir_make_tmp ("consult-keyring-XXXXXX", error);
  g_autoptr (GSubprocess) daemon = NULL;
  g_autoptr (GFile) old = g_file_new_for_path (keyrings);
  g_autoptr (GFileEnumerator) files = NULL;
  GFileInfo *info;

  if (runtime == NULL)
    return FALSE;
  g_setenv ("XDG_RUNTIME_DIR", runtime, TRUE);

  /* A keyring left by an earlier run has another password. */
  files = g_file_enumerate_children (old, G_FILE_ATTRIBUTE_STANDARD_NAME, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  while (files != NULL && g_file_enumerator_iterate (files, &info, NULL, NULL, NULL) && info != NULL)
    {
      g_autoptr (GFile) file = g_file_get_child (old, g_file_info_get_name (info));

      g_file_delete (file, NULL, NULL);
    }

  daemon = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_SILENCE, error,
                             "gnome-keyring-daemon", "--unlock", "--components=secrets", NULL);

  if (daemon == NULL ||
      !g_subprocess_communicate_utf8 (daemon, "medspa-consult-tests", NULL, NULL, NULL, error) ||
      !g_subprocess_wait_check (daemon, NULL, error))
    return FALSE;

  return wait_for_secret_service (error);
}

int
main (void)
{
  g_autoptr (GTestDBus) bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_autoptr (GError) error = NULL;
  int status;

  g_test_dbus_up (bus);
  if (!start_keyring (&error))
    {
      /* TAP: the suite fails, visibly, never skips. */
      g_print ("Bail out! the keyring for the tests could not start (%s); "
               "build-aux/install-deps installs gnome-keyring and dbus\n", error->message);
      g_test_dbus_down (bus);
      return 1;
    }

  status = consult_test_run_suite (sync_token_suite ());
  /* Until libsecret lets go of the bus, the bus waits for it. */
  secret_service_disconnect ();
  g_test_dbus_down (bus);

  return status;
}
