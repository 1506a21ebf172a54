/* bench-planner.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <time.h>

#include "bench-common.h"
#include "consult-intake-schema.h"
#include "consult-planner.h"
#include "consult-treatments.h"

/* Plans per second on one core over a varied set of in-memory intakes:
 * the eight seed cases, each crossed with every skin type, pregnancy
 * state and a rotating set of medical answers and requests. Planning
 * only: no JSON in the timed loop. The figure is per second of the
 * process's CPU time, so a busy machine slows the run, not the figure.
 * Usage: bench-planner [SECONDS]. */

static GPtrArray *
make_intakes (void)
{
  static const char * const pregnancy[] = { "none", "pregnant", "breastfeeding" };
  GPtrArray *intakes = g_ptr_array_new_with_free_func (g_object_unref);
  const char * const *treatments = consult_treatment_ids ();
  guint n_treatments = g_strv_length ((char **) treatments);
  const ConsultIntakeField *fields;
  guint n_fields;
  guint variant = 0;

  fields = consult_intake_schema_get_fields (&n_fields);

  for (guint s = 0; s < BENCH_N_SEEDS; s++)
    for (int fitzpatrick = 1; fitzpatrick <= 6; fitzpatrick++)
      for (guint p = 0; p < G_N_ELEMENTS (pregnancy); p++, variant++)
        {
          ConsultIntake *intake = bench_load_seed (s);
          const char *requested[3];
          guint n_bool = 0;

          consult_intake_set_value (intake, "fitzpatrick", g_variant_new_int32 (fitzpatrick), NULL);
          consult_intake_set_value (intake, "pregnancy", g_variant_new_string (pregnancy[p]), NULL);

          /* One yes/no answer in turn, so every rule gets its share. */
          for (guint f = 0; f < n_fields; f++)
            if (fields[f].kind == CONSULT_INTAKE_FIELD_BOOLEAN && fields[f].path[0] == 'm' &&
                n_bool++ == variant % 23)
              consult_intake_set_value (intake, fields[f].path, g_variant_new_boolean (TRUE), NULL);

          requested[0] = treatments[variant % n_treatments];
          requested[1] = treatments[(variant * 7 + 3) % n_treatments];
          if (requested[1] == requested[0])
            requested[1] = treatments[(variant + 1) % n_treatments];
          consult_intake_set_value (intake, "preferences.requested",
                                    g_variant_new_strv (requested, 2), NULL);

          g_ptr_array_add (intakes, intake);
        }

  return intakes;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr (ConsultCatalogue) catalogue = NULL;
  g_autoptr (ConsultPlanner) planner = NULL;
  g_autoptr (GPtrArray) intakes = NULL;
  g_autoptr (GError) error = NULL;
  double seconds = argc > 1 ? g_ascii_strtod (argv[1], NULL) : 5.0;
  gint64 started, elapsed;
  double cpu_started, cpu;
  guint64 plans = 0;

  catalogue = consult_catalogue_new_default (&error);
  if (catalogue == NULL)
    g_error ("%s", error->message);
  planner = consult_planner_new (catalogue);
  intakes = make_intakes ();

  /* Warm up, then time whole passes over the set. */
  for (guint i = 0; i < intakes->len; i++)
    g_object_unref (consult_planner_plan (planner, g_ptr_array_index (intakes, i), NULL));

  started = g_get_monotonic_time ();
  cpu_started = bench_clock_ms (CLOCK_PROCESS_CPUTIME_ID) / 1000.0;
  do
    {
      for (guint i = 0; i < intakes->len; i++)
        g_object_unref (consult_planner_plan (planner, g_ptr_array_index (intakes, i), NULL));
      plans += intakes->len;
      elapsed = g_get_monotonic_time () - started;
    }
  while (elapsed < seconds * G_USEC_PER_SEC);

  cpu = bench_clock_ms (CLOCK_PROCESS_CPUTIME_ID) / 1000.0 - cpu_started;

  printf ("planner: %u distinct intakes, %" G_GUINT64_FORMAT " plans in %.2f s of CPU (%.2f s wall): "
          "%.0f plans/s on one core\n",
          intakes->len, plans, cpu, elapsed / (double) G_USEC_PER_SEC, plans / cpu);
  return 0;
}
