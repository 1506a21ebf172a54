/* test-sync-token.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs inside tests/with-keyring: a private session bus with a real
 * gnome-keyring Secret Service, so nothing touches the person's own.
 */

#include "config.h"

#include <gio/gio.h>

#include "consult-sync-error.h"
#include "consult-sync-token.h"
#include "consult-test.h"

#define SERVER "https://ehr.example.org/fhir/R4"

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

/* First: GDBus keeps the session bus once connected, so this test runs
 * before any other has reached the keyring. */
START_TEST (test_no_keyring_is_reported)
{
  g_autofree char *address = g_strdup (g_getenv ("DBUS_SESSION_BUS_ADDRESS"));
  g_autofree char *missing = consult_test_output_path ("no-such-bus");
  g_autofree char *bogus = g_strdup_printf ("unix:path=%s", missing);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *token = NULL;

  ck_assert_ptr_nonnull (address);
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", bogus, TRUE);

  consult_sync_token_lookup_async (SERVER, NULL, keep_result, &result);
  token = consult_sync_token_lookup_finish (wait_for_result (&result), &error);
  ck_assert_ptr_null (token);
  ck_assert (g_error_matches (error, CONSULT_SYNC_ERROR, CONSULT_SYNC_ERROR_NO_KEYRING));
  ck_assert_ptr_nonnull (strstr (error->message, "The keyring cannot be reached"));
  g_clear_error (&error);

  ck_assert_ptr_null (consult_sync_token_lookup (SERVER, NULL, &error));
  ck_assert (g_error_matches (error, CONSULT_SYNC_ERROR, CONSULT_SYNC_ERROR_NO_KEYRING));

  g_setenv ("DBUS_SESSION_BUS_ADDRESS", address, TRUE);
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
  tcase_add_test (keyring, test_no_keyring_is_reported);
  tcase_add_test (keyring, test_token_round_trip);
  suite_add_tcase (suite, keyring);

  return suite;
}

int
main (void)
{
  return consult_test_run_suite (sync_token_suite ());
}
