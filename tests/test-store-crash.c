/* test-store-crash.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "consult-test.h"
#include "consult-test-store.h"
#include "consult-store-plans.h"

#define N_KILLS 200
/* After "ready": long enough for the child to commit a few visits, short
 * enough to land kills in mid-transaction and in COMMIT's fsync alike. */
#define MAX_LIFE_MS 30
/* Every so often the kill is timed from the start instead, to land in
 * opening the database too. */
#define KILL_EARLY_EVERY 10
#define READY_TIMEOUT_MS 20000

/* Reads whatever @fd has within @timeout_ms (or until EOF if < 0),
 * appending to @buffer. */
static void
read_output (int      fd,
             GString *buffer,
             int      timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  for (;;)
    {
      struct pollfd pfd = { fd, POLLIN, 0 };
      int wait_ms = timeout_ms < 0 ? -1 : (int) MAX (0, (deadline - g_get_monotonic_time ()) / 1000);
      char chunk[4096];
      ssize_t n;

      if (poll (&pfd, 1, wait_ms) <= 0)
        return;
      n = read (fd, chunk, sizeof chunk);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return;
      g_string_append_len (buffer, chunk, n);
    }
}

/* Runs the child, SIGKILLs it @life_ms after it said "ready" (or after
 * its start when @early), and adds to @committed the ids it reported on
 * complete lines. */
static void
run_and_kill (const char *db_path,
              int         life_ms,
              gboolean    early,
              GPtrArray  *committed)
{
  const char *child = g_getenv ("CONSULT_TEST_STORE_CRASH_CHILD");
  const char *argv[] = { child, db_path, NULL };
  g_autoptr (GString) output = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) lines = NULL;
  GPid pid;
  int out_fd;
  int status;

  ck_assert_ptr_nonnull (child);
  ck_assert_msg (g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                           NULL, NULL, &pid, NULL, &out_fd, NULL, &error),
                 "spawn: %s", error ? error->message : "");

  if (!early)
    {
      gint64 deadline = g_get_monotonic_time () + READY_TIMEOUT_MS * 1000;

      while (strstr (output->str, "ready\n") == NULL && g_get_monotonic_time () < deadline)
        read_output (out_fd, output, 100);
      ck_assert_msg (strstr (output->str, "ready\n") != NULL, "the child never got ready");
    }

  read_output (out_fd, output, life_ms);
  kill (pid, SIGKILL);
  waitpid (pid, &status, 0);
  read_output (out_fd, output, -1);
  close (out_fd);
  g_spawn_close_pid (pid);

  /* A child that died on its own did not meet the kill. */
  ck_assert_msg (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL,
                 "the child exited by itself (status %d)", status);

  /* The last line may be cut short by the kill: only whole lines count. */
  lines = g_strsplit (output->str, "\n", -1);
  for (guint i = 0; lines[i] != NULL && lines[i + 1] != NULL; i++)
    if (strcmp (lines[i], "ready") != 0)
      g_ptr_array_add (committed, g_strdup (lines[i]));
}

static void
check_after_kill (const char *db_path,
                  GPtrArray  *committed,
                  guint       round)
{
  g_autoptr (ConsultStore) store = NULL;
  g_autoptr (GError) error = NULL;

  /* As the app does after a crash: open (WAL recovery), then check. */
  store = consult_store_new_for_path (db_path, &error);
  ck_assert_msg (store != NULL, "round %u: open: %s", round, error ? error->message : "");
  ck_assert_msg (consult_store_verify (store, NULL, &error),
                 "round %u: verify: %s", round, error ? error->message : "");

  for (guint i = 0; i < committed->len; i++)
    {
      g_autoptr (ConsultStorePlanVersion) plan = NULL;

      plan = consult_store_get_plan (store, g_ptr_array_index (committed, i), &error);
      ck_assert_msg (plan != NULL, "round %u: committed plan %s is missing: %s", round,
                     (char *) g_ptr_array_index (committed, i), error ? error->message : "");
    }
}

START_TEST (test_sigkill_never_loses_a_commit)
{
  g_autofree char *dir = consult_test_store_make_dir ();
  g_autofree char *db_path = g_build_filename (dir, "consult.db", NULL);
  g_autoptr (GPtrArray) committed = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GRand) rand = NULL;
  guint32 seed = (guint32) g_get_real_time ();

  if (g_getenv ("CONSULT_TEST_SEED") != NULL)
    seed = (guint32) g_ascii_strtoull (g_getenv ("CONSULT_TEST_SEED"), NULL, 10);
  printf ("# seed %u (set CONSULT_TEST_SEED to repeat)\n", seed);
  rand = g_rand_new_with_seed (seed);

  for (guint round = 0; round < N_KILLS; round++)
    {
      run_and_kill (db_path, g_rand_int_range (rand, 0, MAX_LIFE_MS),
                    round % KILL_EARLY_EVERY == 0, committed);
      check_after_kill (db_path, committed, round);
    }

  printf ("# %u commits reported before %u kills, all present\n", committed->len, N_KILLS);
  ck_assert_uint_gt (committed->len, 0);
  consult_test_store_remove_dir (dir);
}
END_TEST

static Suite *
store_crash_suite (void)
{
  Suite *suite = suite_create ("store-crash");
  TCase *tc = tcase_create ("crash");

  tcase_set_timeout (tc, 240);
  tcase_add_test (tc, test_sigkill_never_loses_a_commit);
  suite_add_tcase (suite, tc);

  return suite;
}

int
main (void)
{
  return consult_test_run_suite (store_crash_suite ());
}
