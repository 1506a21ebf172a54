/* test-disk-errors.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <unistd.h>

#include <adwaita.h>

#include "consult-consultation-view.h"
#include "consult-test.h"
#include "consult-test-app.h"
#include "consult-test-gui.h"

/* The disk holding the records fails under a consultation: it fills up
 * while the consultant works, or it is read-only from the start. The
 * disk is a real tmpfs of the test's own, so this needs root, as CI has. */

static char *records_dir;
static ConsultApplication *app;

static void
setup (void)
{
  consult_test_remove_user_data ();
  records_dir = g_build_filename (g_get_user_data_dir (), "medspa-consult", NULL);
  g_mkdir_with_parents (records_dir, 0700);
  ck_assert_msg (mount ("tmpfs", records_dir, "tmpfs", 0, "size=4m,mode=0700") == 0,
                 "cannot mount a tmpfs at %s: %s", records_dir, g_strerror (errno));
}

static void
teardown (void)
{
  g_clear_pointer (&app, consult_test_app_free);
  umount2 (records_dir, MNT_DETACH);
  g_clear_pointer (&records_dir, g_free);
}

/* Writes a file that takes every free block of the records' disk. */
static char *
fill_disk (void)
{
  char *filler = g_build_filename (records_dir, "filler", NULL);
  FILE *stream = fopen (filler, "w");
  char block[4096] = { 0 };

  ck_assert_ptr_nonnull (stream);
  while (fwrite (block, 1, sizeof block, stream) == sizeof block && fflush (stream) == 0)
    ;
  fclose (stream);

  return filler;
}

START_TEST (test_full_disk_keeps_data_and_retries)
{
  g_autofree char *filler = NULL;
  g_autofree char *body = NULL;
  g_autofree char *png = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *dialog;
  ConsultConsultationView *view;
  ConsultIntake *intake;

  app = consult_test_app_new ();
  view = consult_test_app_open_seed (consult_test_app_activate (app), "seed-6-melasma-strong-facial.json");
  intake = consult_consultation_view_get_intake (view);

  filler = fill_disk ();
  gtk_widget_activate_action (GTK_WIDGET (view), "consultation.save", NULL);
  dialog = consult_test_wait_for_dialog ("The Plan Could Not Be Saved");
  g_object_get (dialog, "body", &body, NULL);
  ck_assert_ptr_nonnull (strstr (body, "Everything you entered is still here."));
  png = consult_test_save_png (dialog, "error-disk-full.png", &error);
  ck_assert_msg (png != NULL, "%s", error ? error->message : "");

  /* Nothing was saved, and nothing typed was lost. */
  ck_assert_ptr_null (consult_consultation_view_get_plan_id (view));
  ck_assert (consult_consultation_view_get_intake (view) == intake);
  ck_assert_str_eq (consult_intake_get_given_name (intake), "Sofia");

  /* Space freed, "Try Again" saves. */
  ck_assert_int_eq (g_unlink (filler), 0);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "retry");
  gtk_window_destroy (GTK_WINDOW (dialog));
  consult_test_settle ();
  ck_assert_ptr_nonnull (consult_consultation_view_get_plan_id (view));
}
END_TEST

START_TEST (test_read_only_disk_says_why)
{
  GtkWidget *dialog;
  g_autofree char *body = NULL;
  ConsultConsultationView *view;

  ck_assert_msg (mount ("tmpfs", records_dir, "tmpfs", MS_REMOUNT | MS_RDONLY, "size=4m") == 0,
                 "remount: %s", g_strerror (errno));

  app = consult_test_app_new ();
  view = consult_test_app_open_seed (consult_test_app_activate (app), "seed-6-melasma-strong-facial.json");
  dialog = consult_test_wait_for_dialog ("The Records Could Not Be Opened");
  g_object_get (dialog, "body", &body, NULL);
  ck_assert_ptr_nonnull (strstr (body, "read-only"));

  /* The consultation can still be planned; it just cannot be saved. */
  ck_assert_ptr_nonnull (consult_consultation_view_get_plan (view));
  ck_assert (!gtk_widget_is_sensitive (consult_test_find_widget (GTK_WIDGET (view), GTK_TYPE_BUTTON, "_Save Draft")));
}
END_TEST

static Suite *
disk_errors_suite (void)
{
  Suite *suite = suite_create ("disk-errors");
  TCase *tc = tcase_create ("disk");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_full_disk_keeps_data_and_retries);
  tcase_add_test (tc, test_read_only_disk_says_why);
  suite_add_tcase (suite, tc);

  return suite;
}

int
main (int    argc,
      char **argv)
{
  if (geteuid () != 0)
    {
      /* Said in the test log, never silently passed. */
      printf ("1..0 # SKIP mounting a disk of the test's own needs root (CI runs as root)\n");
      return 0;
    }

  gtk_init ();
  adw_init ();

  return consult_test_run_suite (disk_errors_suite ());
}
