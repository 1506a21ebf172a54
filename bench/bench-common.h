/* bench-common.h
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <time.h>

#include "consult-intake.h"

G_BEGIN_DECLS

/* What every benchmark program needs: the seed cases it times, clocks,
 * and the percentiles it prints. */

#define BENCH_N_SEEDS 8

extern const char *const bench_seeds[BENCH_N_SEEDS];

ConsultIntake *bench_load_seed   (guint      i);

double         bench_clock_ms    (clockid_t  clock);
double         bench_ms_since    (gint64     monotonic_start);

void           bench_sort        (GArray    *samples);
double         bench_percentile  (GArray    *sorted,
                                  guint      percent);

G_END_DECLS
