/* bench-common.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bench-common.h"

const char *const bench_seeds[BENCH_N_SEEDS] = {
  "seed-1-glow.json", "seed-2-expression-lines.json", "seed-3-sun-damage.json",
  "seed-4-acne-scars.json", "seed-5-volume.json", "seed-6-melasma-strong-facial.json",
  "seed-7-tightening-all-at-once.json", "seed-8-cheaper-filler.json",
};

/* The seed case @i (of BENCH_N_SEEDS), from the source tree. */
ConsultIntake *
bench_load_seed (guint i)
{
  g_autofree char *path = g_build_filename (SOURCE_ROOT, "tests", "fixtures", "intake",
                                            bench_seeds[i], NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  ConsultIntake *intake;

  g_assert (i < BENCH_N_SEEDS);
  if (!(intake = consult_intake_new_from_file (file, &error)))
    g_error ("%s: %s", path, error->message);

  return intake;
}

double
bench_clock_ms (clockid_t clock)
{
  struct timespec now;

  clock_gettime (clock, &now);
  return now.tv_sec * 1e3 + now.tv_nsec / 1e6;
}

double
bench_ms_since (gint64 monotonic_start)
{
  return (g_get_monotonic_time () - monotonic_start) / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Sorts an array of doubles, for bench_percentile(). */
void
bench_sort (GArray *samples)
{
  g_array_sort (samples, compare_doubles);
}

/* The sample below which @percent of @sorted lie (100: the largest),
 * the p99 of 200 samples being the second largest. */
double
bench_percentile (GArray *sorted,
                  guint   percent)
{
  guint n = sorted->len;

  g_assert (n > 0);
  return g_array_index (sorted, double, MIN (n - 1, (n * percent) / 100));
}
