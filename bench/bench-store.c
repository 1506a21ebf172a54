/* bench-store.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "bench-common.h"
#include "consult-client-list.h"
#include "consult-planner.h"
#include "consult-store-consultations.h"
#include "consult-store-intake.h"
#include "consult-store-private.h"
#include "consult-store-timeline.h"

/* Prints figures for docs/performance.md; asserts nothing.
 *   bench-store [--clients N] [--consultations N] [--keep DIR] [--only saves]
 * Generates the database (one transaction, synchronous=OFF for the
 * generation only), then measures it with the store's normal settings.
 * With --keep, a database already in DIR is measured again as it is
 * (after any schema upgrade) instead of being generated anew.  With
 * --only saves, only the saves are measured, each beside a probe of the
 * disk's fsync at that moment. */

#define N_SAMPLES 1000
#define N_SAVES 200

static const char *const syllables[] = {
  "an", "bel", "car", "da", "el", "fer", "gar", "her", "is", "jo", "ka", "lo",
  "mar", "na", "or", "pe", "qui", "ro", "sa", "to", "u", "vi", "wen", "xa",
  "ya", "zu", "ber", "cia", "din", "mos",
};

static const char *const words[] = {
  "melasma", "pigment", "sunscreen", "daily", "retinoid", "tolerated", "peel",
  "follow", "review", "laser", "redness", "flushing", "acne", "scarring",
  "volume", "cheeks", "forehead", "lines", "texture", "pores", "hydration",
  "barrier", "sensitive", "reaction", "previous", "filler", "toxin", "wedding",
  "holiday", "travel", "pregnancy", "planning", "isotretinoin", "stopped",
  "months", "ago", "cold", "sores", "antiviral", "consent", "discussed",
  "photos", "taken", "budget", "prefers", "evening", "appointments", "spanish",
};

static const char *const domains[] = {
  "mail.example", "correo.example", "inbox.example", "post.example", "web.example",
};

static char *
make_name (GRand *rand)
{
  GString *name = g_string_new (NULL);
  guint n = g_rand_int_range (rand, 2, 4);

  for (guint i = 0; i < n; i++)
    g_string_append (name, syllables[g_rand_int_range (rand, 0, G_N_ELEMENTS (syllables))]);
  name->str[0] = g_ascii_toupper (name->str[0]);

  return g_string_free (name, FALSE);
}

static char *
make_notes (GRand *rand)
{
  GString *notes = g_string_new (NULL);
  guint n = g_rand_int_range (rand, 4, 16);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (notes, ' ');
      g_string_append (notes, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
    }

  return g_string_free (notes, FALSE);
}

/* A realistic snapshot size (~1 KiB) without needing the core's writer. */
static char *
make_intake (GRand *rand)
{
  return g_strdup_printf ("{\"format\":\"medspa-consult/intake\",\"version\":1,"
                          "\"consultation_date\":\"2026-%02d-%02d\",\"fitzpatrick\":%d,"
                          "\"concerns\":[\"melasma\",\"pigment\",\"dynamic_wrinkles\"],"
                          "\"reactivity\":\"moderate\",\"rosacea\":false,"
                          "\"sun\":{\"exposure\":\"high\",\"sunscreen\":\"sometimes\","
                          "\"recent_tan_or_burn\":true,\"upcoming_sun_exposure\":false},"
                          "\"pregnancy\":\"none\",\"melasma\":\"active\","
                          "\"medical\":{\"isotretinoin\":\"never\",\"topical_retinoid\":false,"
                          "\"anticoagulant\":false,\"bleeding_disorder\":false,"
                          "\"hsv_history\":true,\"active_cold_sore\":false,"
                          "\"keloid_history\":false,\"neuromuscular_disorder\":false,"
                          "\"autoimmune\":false,\"vitiligo\":false,\"active_acne\":false,"
                          "\"suspicious_lesion\":false,\"significant_laxity\":false},"
                          "\"preferences\":{\"downtime\":\"short\","
                          "\"requested\":[\"neuromodulator\",\"peel-medium\"]}}",
                          g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29),
                          g_rand_int_range (rand, 1, 7));
}

#define PLAN_JSON \
  "{\"format\":\"medspa-consult/plan\",\"version\":1,\"catalogue_version\":\"2026.1\"," \
  "\"start_date\":\"2026-11-23\",\"phases\":[{\"number\":1,\"key\":\"stabilise\"," \
  "\"title\":\"Stabilise pigment and barrier\",\"start_week\":0,\"end_week\":12," \
  "\"steps\":[{\"treatment\":\"spf\",\"start_week\":0,\"sessions\":0,\"interval_weeks\":0," \
  "\"performer\":\"esthetician\",\"requires_physician\":false,\"flags\":[]," \
  "\"rationale\":\"Pigment is active.\",\"rules\":[\"R07\"]}]}],\"deferred\":[]," \
  "\"excluded\":[],\"referrals\":[],\"warnings\":[],\"requires_physician_signoff\":true}"

static gboolean
save_visit (ConsultStore  *store,
            GRand         *rand,
            const char    *client_id,
            char         **new_client_id,
            GError       **error)
{
  g_autoptr (ConsultStoreClient) client = NULL;
  g_autoptr (ConsultStoreConsultation) consultation = consult_store_consultation_new ();
  g_autofree char *plan_id = NULL;

  consultation->consultation_date = g_strdup ("2026-11-23");
  consultation->intake_json = make_intake (rand);
  consultation->catalogue_version = g_strdup ("2026.1");
  consultation->notes = make_notes (rand);

  /* A returning client: the visit updates their record as it stands. */
  if (client_id != NULL)
    return (client = consult_store_get_client (store, client_id, error)) != NULL &&
           consult_store_save_consultation (store, client, consultation, PLAN_JSON, &plan_id, error);

  client = consult_store_client_new ();
  client->given_name = make_name (rand);
  client->family_name = make_name (rand);
  client->date_of_birth = g_strdup_printf ("19%02d-%02d-%02d", g_rand_int_range (rand, 40, 100),
                                           g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29));
  client->sex = g_strdup ("female");
  client->phone = g_strdup_printf ("+1 %03d 555 %04d", g_rand_int_range (rand, 200, 999),
                                   g_rand_int_range (rand, 0, 10000));
  client->email = g_strdup_printf ("%s.%s@%s", client->given_name, client->family_name,
                                   domains[g_rand_int_range (rand, 0, G_N_ELEMENTS (domains))]);

  if (!consult_store_save_consultation (store, client, consultation, PLAN_JSON, &plan_id, error))
    return FALSE;

  if (new_client_id != NULL)
    *new_client_id = g_strdup (client->id);
  return TRUE;
}

static void
report (const char *what,
        GArray     *samples_ms)
{
  bench_sort (samples_ms);
  printf ("%-44s p50 %8.3f ms   p99 %8.3f ms   max %8.3f ms   (n=%u)\n", what,
          bench_percentile (samples_ms, 50), bench_percentile (samples_ms, 99),
          bench_percentile (samples_ms, 100), samples_ms->len);
}

static void
generate (ConsultStore  *store,
          GRand         *rand,
          guint          n_clients,
          guint          n_consultations,
          GPtrArray     *client_ids)
{
  g_autoptr (GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  /* A big page cache keeps the one huge transaction from spilling.  The
   * caller closes the store after: opened again, it has its own
   * settings. */
  if (!_consult_store_exec (store, "PRAGMA synchronous = OFF", &error) ||
      !_consult_store_exec (store, "PRAGMA cache_size = -2000000", &error) ||
      !consult_store_begin (store, &error))
    g_error ("generation: %s", error->message);

  for (guint i = 0; i < n_consultations; i++)
    {
      const char *returning = i >= n_clients
        ? g_ptr_array_index (client_ids, g_rand_int_range (rand, 0, client_ids->len))
        : NULL;
      char *new_id = NULL;

      if (!save_visit (store, rand, returning, returning ? NULL : &new_id, &error))
        g_error ("generation: %s", error->message);
      if (new_id != NULL)
        g_ptr_array_add (client_ids, new_id);
      if (i % 100000 == 99999)
        fprintf (stderr, "  %u consultations…\n", i + 1);
    }

  if (_consult_store_index_all_pending (store->db) != SQLITE_OK)
    g_error ("generation: %s", sqlite3_errmsg (store->db));
  if (!consult_store_commit (store, &error))
    g_error ("generation: %s", error->message);

  printf ("generated %u clients, %u consultations (+ plans, audit) in %.1f s\n",
          n_clients, n_consultations, bench_ms_since (start) / 1000.0);
}

static void
load_client_ids (ConsultStore *store,
                 GPtrArray    *client_ids)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ConsultStoreStmt) stmt = _consult_store_prepare (store, "SELECT id FROM clients", &error);

  if (stmt == NULL)
    g_error ("%s", error->message);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (client_ids, _consult_store_column_dup (stmt, 0));
  printf ("reusing %u clients\n", client_ids->len);
}

static void
bench_open (const char *path)
{
  g_autoptr (GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < 20; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (ConsultStore) store = NULL;
      gint64 start = g_get_monotonic_time ();
      double ms;

      if (!(store = consult_store_new_for_path (path, &error)))
        g_error ("open: %s", error->message);
      ms = bench_ms_since (start);
      g_array_append_val (samples, ms);
    }

  report ("open (warm cache)", samples);
}

/* What typing does: a new list of the active clients whose words begin
 * with a random name's first @prefix_chars characters (0: every client,
 * as an empty search shows), and its first row.  Counted first, as
 * consult_client_list_new() (the CLI) does, or after the first page as
 * the window does (consult_client_list_new_uncounted()). */
static void
bench_search (ConsultStore *store,
              GRand        *rand,
              guint         prefix_chars,
              gboolean      counted,
              const char   *note)
{
  g_autoptr (GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) cpu_samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *what = NULL;
  guint64 total_hits = 0;

  if (prefix_chars == 0)
    what = g_strdup_printf ("all clients, %s%s", counted ? "counted" : "first page", note);
  else
    what = g_strdup_printf ("search, %u-character prefix, %s%s", prefix_chars,
                            counted ? "counted" : "first page", note);

  for (guint i = 0; i < N_SAMPLES; i++)
    {
      g_autofree char *name = make_name (rand);
      g_autofree char *prefix = prefix_chars > 0 ? g_strndup (name, prefix_chars) : NULL;
      g_autoptr (ConsultClientList) list = NULL;
      g_autoptr (GObject) first = NULL;
      g_autoptr (GError) error = NULL;
      double cpu_start = bench_clock_ms (CLOCK_THREAD_CPUTIME_ID);
      gint64 start = g_get_monotonic_time ();
      double ms;

      list = counted
             ? consult_client_list_new (store, prefix, CONSULT_CLIENT_SEARCH_DEFAULT, &error)
             : consult_client_list_new_uncounted (store, prefix, CONSULT_CLIENT_SEARCH_DEFAULT, &error);
      if (list == NULL)
        g_error ("search: %s", error->message);
      first = g_list_model_get_item (G_LIST_MODEL (list), 0);
      ms = bench_ms_since (start);
      g_array_append_val (samples, ms);
      ms = bench_clock_ms (CLOCK_THREAD_CPUTIME_ID) - cpu_start;
      g_array_append_val (cpu_samples, ms);
      if (counted)
        total_hits += g_list_model_get_n_items (G_LIST_MODEL (list));
    }

  report (what, samples);
  report ("  its CPU time", cpu_samples);
  if (counted && prefix_chars > 0)
    printf ("%-44s mean %" G_GUINT64_FORMAT " matching clients\n", "", total_hits / N_SAMPLES);
}

/* Does what saves leave for the store's thread to do at a quiet moment
 * (the search rows of new clients, the full-text merges), and says how
 * long it took. */
static void
write_deferred (ConsultStore *store)
{
  gint64 start = g_get_monotonic_time ();

  _consult_store_checkpointer_write_deferred_now (store->checkpointer);
  printf ("%-44s %.1f ms\n", "deferred writes (search rows, merges)", bench_ms_since (start));
}

static void
bench_timeline (ConsultStore *store,
                GRand        *rand,
                GPtrArray    *client_ids)
{
  g_autoptr (GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  guint64 entries = 0;

  for (guint i = 0; i < N_SAMPLES; i++)
    {
      const char *id = g_ptr_array_index (client_ids, g_rand_int_range (rand, 0, client_ids->len));
      g_autoptr (GPtrArray) timeline = NULL;
      g_autoptr (GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      double ms;

      if (!(timeline = consult_store_get_timeline (store, id, &error)))
        g_error ("timeline: %s", error->message);
      ms = bench_ms_since (start);
      g_array_append_val (samples, ms);
      entries += timeline->len;
    }

  report ("timeline of a client", samples);
  printf ("%-44s mean %" G_GUINT64_FORMAT " entries\n", "", entries / N_SAMPLES);
}

/* The disk's own price of durability, for comparison with a save: one
 * 4 KiB write and its fsync. */
static double
probe_fsync (int fd)
{
  char block[4096];
  gint64 start = g_get_monotonic_time ();

  memset (block, 'x', sizeof block);
  if (pwrite (fd, block, sizeof block, 0) != sizeof block || fsync (fd) != 0)
    g_error ("fsync probe failed");
  return bench_ms_since (start);
}

/* SQLite's own floor on this disk: a database of one small table, with
 * the store's durability settings, to which each call commits a row. */
static sqlite3 *
floor_open (const char *path)
{
  sqlite3 *db = NULL;

  if (sqlite3_open (path, &db) != SQLITE_OK ||
      sqlite3_exec (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; "
                        "CREATE TABLE IF NOT EXISTS t (a INTEGER PRIMARY KEY, b TEXT)",
                    NULL, NULL, NULL) != SQLITE_OK)
    g_error ("floor database: %s", sqlite3_errmsg (db));
  return db;
}

static double
floor_commit (sqlite3 *db)
{
  gint64 start = g_get_monotonic_time ();

  if (sqlite3_exec (db, "INSERT INTO t (b) VALUES ('a row')", NULL, NULL, NULL) != SQLITE_OK)
    g_error ("floor commit: %s", sqlite3_errmsg (db));
  return bench_ms_since (start);
}


/* The seed cases as the consultation window would save them: a new
 * person each time (from the random generator) with a seed's answers,
 * and the plan the planner makes of them (3-10 KiB of JSON, where the
 * generated history above carries a short fixed plan). */
static ConsultIntake *
make_seed_intake (GRand *rand,
                  guint  i)
{
  g_autoptr (ConsultIntake) intake = bench_load_seed (i % BENCH_N_SEEDS);
  g_autofree char *given = make_name (rand);
  g_autofree char *family = make_name (rand);
  g_autofree char *dob = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *email = NULL;

  dob = g_strdup_printf ("19%02d-%02d-%02d", g_rand_int_range (rand, 40, 100),
                         g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29));
  phone = g_strdup_printf ("+1 %03d 555 %04d", g_rand_int_range (rand, 200, 999),
                           g_rand_int_range (rand, 0, 10000));
  email = g_strdup_printf ("%s.%s@%s", given, family,
                           domains[g_rand_int_range (rand, 0, G_N_ELEMENTS (domains))]);
  consult_intake_set_given_name (intake, given);
  consult_intake_set_family_name (intake, family);
  consult_intake_set_date_of_birth (intake, dob);
  consult_intake_set_phone (intake, phone);
  consult_intake_set_email (intake, email);

  return g_steal_pointer (&intake);
}

/* Wall time, and the CPU time of the saving thread alone (the fsyncs of
 * the COMMIT are waits, not CPU, and checkpoints run in their thread),
 * of consult_store_save_intake(): what the window and `save` call, from
 * the intake and plan in memory to the commit on disk.  The names come
 * from a random seed: with a fixed one, every run on a kept database
 * would save the same people again. */
static void
bench_saves (ConsultStore *store,
             const char   *dir)
{
  g_autoptr (GRand) rand = g_rand_new ();
  g_autoptr (GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) cpu_samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) json_samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) fsync_samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *probe_path = g_build_filename (dir, "fsync-probe", NULL);
  int probe_fd = g_open (probe_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  g_autoptr (GArray) floor_samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *floor_path = g_build_filename (dir, "floor.db", NULL);
  sqlite3 *floor_db = floor_open (floor_path);
  g_autoptr (GError) error = NULL;
  g_autoptr (ConsultCatalogue) catalogue = consult_catalogue_load (&error);
  g_autoptr (ConsultPlanner) planner = NULL;
  guint64 plan_bytes = 0;

  if (catalogue == NULL)
    g_error ("catalogue: %s", error->message);
  if (probe_fd < 0)
    g_error ("fsync probe: %s", g_strerror (errno));
  planner = consult_planner_new (catalogue);

  for (guint i = 0; i < N_SAVES; i++)
    {
      g_autoptr (ConsultIntake) intake = make_seed_intake (rand, i);
      g_autoptr (ConsultPlan) plan = consult_planner_plan (planner, intake, NULL);
      g_autofree char *plan_json = NULL;
      g_autofree char *intake_json = NULL;
      g_autofree char *plan_id = NULL;
      gint64 start = g_get_monotonic_time ();
      double cpu_start, ms, cpu_ms;

      /* What the save spends in the core, turning both into JSON. */
      plan_json = consult_plan_to_json (plan);
      intake_json = consult_intake_to_json (intake);
      ms = bench_ms_since (start);
      g_array_append_val (json_samples, ms);
      plan_bytes += strlen (plan_json);

      /* Each save beside a probe of the disk as it is at that moment. */
      ms = probe_fsync (probe_fd);
      g_array_append_val (fsync_samples, ms);
      ms = floor_commit (floor_db);
      g_array_append_val (floor_samples, ms);

      start = g_get_monotonic_time ();
      cpu_start = bench_clock_ms (CLOCK_THREAD_CPUTIME_ID);
      if (!consult_store_save_intake (store, intake, plan, NULL, NULL, &plan_id, &error))
        g_error ("save: %s", error->message);
      ms = bench_ms_since (start);
      cpu_ms = bench_clock_ms (CLOCK_THREAD_CPUTIME_ID) - cpu_start;
      g_array_append_val (samples, ms);
      g_array_append_val (cpu_samples, cpu_ms);
    }

  close (probe_fd);
  g_unlink (probe_path);
  sqlite3_close (floor_db);
  g_unlink (floor_path);

  report ("disk: write 4 KiB + fsync, between saves", fsync_samples);
  report ("SQLite's floor: a one-row durable commit", floor_samples);
  report ("durable save (client+consultation+plan)", samples);
  report ("durable save, CPU of the saving thread", cpu_samples);
  report ("  of which intake and plan to JSON (core)", json_samples);
  printf ("%-44s mean %" G_GUINT64_FORMAT " bytes of plan JSON\n", "", plan_bytes / N_SAVES);
  /* Each sorted by report(). */
  printf ("%-44s p99 %.1f x fsync p50, %.1f x fsync p99 (target: 3)\n", "durable save against the disk",
          bench_percentile (samples, 99) / bench_percentile (fsync_samples, 50),
          bench_percentile (samples, 99) / bench_percentile (fsync_samples, 99));
  printf ("%-44s p99 %.1f x fsync p50, %.1f x fsync p99\n", "SQLite's floor against the disk",
          bench_percentile (floor_samples, 99) / bench_percentile (fsync_samples, 50),
          bench_percentile (floor_samples, 99) / bench_percentile (fsync_samples, 99));
}

int
main (int    argc,
      char **argv)
{
  int n_clients = 100000;
  int n_consultations = 1000000;
  g_autofree char *keep = NULL;
  g_autofree char *only = NULL;
  gboolean saves_only;
  const GOptionEntry entries[] = {
    { "clients", 0, 0, G_OPTION_ARG_INT, &n_clients, "Clients to generate", "N" },
    { "consultations", 0, 0, G_OPTION_ARG_INT, &n_consultations, "Consultations to generate", "N" },
    { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep, "Folder to generate into and keep", "DIR" },
    { "only", 0, 0, G_OPTION_ARG_STRING, &only, "Measure only this part (saves)", "PART" },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) client_ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (ConsultStore) store = NULL;
  g_autoptr (GRand) rand = g_rand_new_with_seed (20261123);
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  GStatBuf st;

  /* Figures appear as they are measured, even into a file. */
  setvbuf (stdout, NULL, _IOLBF, 0);

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) ||
      n_clients <= 0 || n_consultations < n_clients ||
      (only != NULL && g_strcmp0 (only, "saves") != 0))
    {
      fprintf (stderr, "%s\n", error ? error->message
                                     : "need 0 < clients <= consultations, --only saves");
      return 2;
    }
  saves_only = only != NULL;

  dir = keep ? g_strdup (keep) : g_dir_make_tmp ("bench-store-XXXXXX", &error);
  if (dir == NULL)
    g_error ("%s", error->message);
  path = g_build_filename (dir, "bench.db", NULL);
  printf ("database: %s\n", path);

  if (keep != NULL && g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (!(store = consult_store_new_for_path (path, &error)))
        g_error ("open: %s", error->message);
      if (!saves_only)
        load_client_ids (store, client_ids);
      g_clear_object (&store);
    }
  else
    {
      if (!(store = consult_store_new_for_path (path, &error)))
        g_error ("open: %s", error->message);
      generate (store, rand, (guint) n_clients, (guint) n_consultations, client_ids);
      g_clear_object (&store);
    }
  if (g_stat (path, &st) == 0)
    printf ("database size: %.0f MiB\n", st.st_size / (1024.0 * 1024.0));

  if (!saves_only)
    bench_open (path);
  if (!(store = consult_store_new_for_path (path, &error)))
    g_error ("open: %s", error->message);
  /* The store's thread does what saves leave for later when the writer
   * is quiet; here it is done before and after the saves. */
  _consult_store_checkpointer_set_quiet (store->checkpointer, G_MAXUINT, G_MAXUINT);
  write_deferred (store);
  if (!saves_only)
    {
      for (guint chars = 0; chars <= 4; chars++)
        {
          bench_search (store, rand, chars, TRUE, "");
          bench_search (store, rand, chars, FALSE, "");
        }
      bench_timeline (store, rand, client_ids);
    }
  bench_saves (store, dir);
  if (!saves_only)
    for (guint chars = 2; chars <= 3; chars++)
      {
        bench_search (store, rand, chars, TRUE, ", saves noted");
        bench_search (store, rand, chars, FALSE, ", saves noted");
      }
  write_deferred (store);
  g_clear_object (&store);

  if (keep == NULL)
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);

      g_unlink (path);
      g_unlink (wal);
      g_unlink (shm);
      g_rmdir (dir);
    }

  return 0;
}
