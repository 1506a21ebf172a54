/* bench-report.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <time.h>

#include <glib/gstdio.h>

#include "bench-common.h"
#include "consult-planner.h"
#include "consult-report.h"
#include "consult-translation.h"

/* Time to write a patient summary PDF, from a plan already in memory to
 * the file renamed into place: building the report, laying it out with
 * Pango, drawing every page into a PDF surface and writing it out (with
 * its fsync).  The median over repeated runs, per seed case, after a
 * warm-up run that fills the font caches; wall time, and the process's
 * CPU time, which a machine busy with other work does not inflate.
 * Usage: bench-report [RUNS] (default 40). */

static guint
export_once (ConsultCatalogue *catalogue,
             ConsultIntake    *intake,
             ConsultPlan      *plan,
             const char       *path)
{
  const ConsultReportClinic clinic = {
    .name = "Clínica Dermaluz",
    .address = "1200 Sunset Boulevard, Suite 4\nLos Angeles, CA 90026",
    .phone = "+1 213 555 0142",
  };
  g_autoptr (ConsultReport) report = consult_report_new (plan, consult_intake_get_preferred_language (intake));
  g_autoptr (GError) error = NULL;

  consult_report_set_catalogue (report, catalogue);
  consult_report_set_intake (report, intake);
  consult_report_set_clinic (report, &clinic);
  consult_report_set_staff (report, "Lucía Romero, RN", "Dr. Helen Park");

  if (!consult_report_paginate (report, CONSULT_REPORT_A4_WIDTH, CONSULT_REPORT_A4_HEIGHT, &error) ||
      !consult_report_export_pdf (report, path, &error))
    g_error ("%s", error->message);

  return consult_report_get_n_pages (report);
}

int
main (int    argc,
      char **argv)
{
  guint runs = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 40;
  g_autoptr (GError) error = NULL;
  g_autoptr (ConsultCatalogue) catalogue = consult_catalogue_new_default (&error);
  g_autoptr (ConsultPlanner) planner = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bench-report-XXXXXX", &error);
  g_autofree char *path = NULL;

  if (catalogue == NULL || dir == NULL)
    g_error ("%s", error->message);

  g_setenv (CONSULT_TRANSLATION_LOCALEDIR_ENV, BUILD_ROOT "/po", FALSE);
  planner = consult_planner_new (catalogue);
  path = g_build_filename (dir, "summary.pdf", NULL);
  runs = MAX (runs, 1);

  printf ("%-36s %5s %10s %10s %10s %10s\n", "case", "pages", "median ms", "min ms", "max ms", "cpu ms");

  for (guint s = 0; s < BENCH_N_SEEDS; s++)
    {
      g_autoptr (ConsultIntake) intake = bench_load_seed (s);
      g_autoptr (ConsultPlan) plan = NULL;
      g_autoptr (GArray) times = g_array_sized_new (FALSE, FALSE, sizeof (double), runs);
      g_autoptr (GArray) cpu_times = g_array_sized_new (FALSE, FALSE, sizeof (double), runs);
      guint pages;

      plan = consult_planner_plan (planner, intake, NULL);
      pages = export_once (catalogue, intake, plan, path);

      for (guint i = 0; i < runs; i++)
        {
          double start = bench_clock_ms (CLOCK_MONOTONIC);
          double cpu_start = bench_clock_ms (CLOCK_PROCESS_CPUTIME_ID);
          double elapsed;
          double cpu;

          export_once (catalogue, intake, plan, path);
          elapsed = bench_clock_ms (CLOCK_MONOTONIC) - start;
          cpu = bench_clock_ms (CLOCK_PROCESS_CPUTIME_ID) - cpu_start;
          g_array_append_val (times, elapsed);
          g_array_append_val (cpu_times, cpu);
        }

      bench_sort (times);
      bench_sort (cpu_times);
      printf ("%-36s %5u %10.1f %10.1f %10.1f %10.1f\n", bench_seeds[s], pages,
              bench_percentile (times, 50), bench_percentile (times, 0),
              bench_percentile (times, 100), bench_percentile (cpu_times, 50));
    }

  g_unlink (path);
  g_rmdir (dir);

  return 0;
}
