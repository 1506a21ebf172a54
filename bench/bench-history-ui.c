/* bench-history-ui.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <adwaita.h>

#include "bench-common.h"
#include "consult-application.h"
#include "consult-client-sidebar.h"
#include "consult-store-paths.h"
#include "consult-test-generate.h"
#include "consult-window.h"

/* What a consultant sees while typing in the client search of the real
 * window over N clients (100,000 unless given), under Xvfb:
 *
 *   GSK_RENDERER=cairo xvfb-run -a ./_build/bench/bench-history-ui [N_CLIENTS] [-v]
 *
 * Keys come at a typist's pace, 100-200 ms apart, so at no fixed phase
 * to the display's refresh; the window repaints what the application
 * itself invalidates, nothing more.  For every keystroke:
 *
 *   to results  from the key to the sidebar's list holding its results
 *               (rows relabelled, ready for the next frame);
 *   to screen   from the key to the end of the first frame drawn after
 *               that: adds the wait for the next refresh (0-16.7 ms at
 *               60 Hz, the cursor's blinking keeps the frame clock on
 *               that beat) and the frame's own cost.
 *
 * And for every frame that drew during the run, its duration from the
 * frame clock's before-paint to its after-paint (layout and paint), and
 * every main-loop dispatch over 16 ms.  -v prints each keystroke.
 * Prints figures; asserts nothing. */

#define FRAME_BUDGET_MS 16.0

typedef struct
{
  GtkEditable   *entry;
  GdkFrameClock *clock;
  GdkSurface    *surface;
  GRand         *rand;
  GPtrArray     *script;          /* the entry's text after each key */
  guint          next_key;
  gboolean       verbose;
  gboolean       done;

  /* the keystroke being followed; 0 when none is */
  gint64         key_time;
  gint64         results_time;
  double         key_interval_ms;
  double         key_longest_dispatch_ms;
  double         key_longest_frame_ms;
  guint          n_late_keys;

  /* the frame in progress */
  gint64         frame_start;
  double         frame_cpu_start;
  gint64         layout_end;
  gint64         paint_end;
  gboolean       frame_drew;

  GArray        *to_results;
  GArray        *to_screen;
  GArray        *results_frames;  /* the frame after each keystroke's results */
  GArray        *frames;          /* all frames that drew */
  GArray        *layouts;
  GArray        *paints;
  double         longest_frame_ms;     /* any frame, drawing or not */
  double         longest_dispatch_ms;
  guint          n_long_dispatches;
} Bench;

static void
append_ms (GArray *array,
           double  ms)
{
  g_array_append_val (array, ms);
}

/* One key as typing does it: back to the text both share (a Backspace,
 * or select-all and Delete), then the rest inserted at the cursor; not
 * gtk_editable_set_text(), which empties the entry and fills it again.
 * GTK 4.8 has no API to synthesize key events, and Xvfb's XTest client
 * library is not a dependency of this project. */
static void
type_key (GtkEditable *entry,
          const char  *text)
{
  const char *current = gtk_editable_get_text (entry);
  const char *a = current;
  const char *b = text;
  int shared = 0;
  int position;

  while (*a != '\0' && g_utf8_get_char (a) == g_utf8_get_char (b))
    {
      a = g_utf8_next_char (a);
      b = g_utf8_next_char (b);
      shared++;
    }

  if (*a != '\0')
    gtk_editable_delete_text (entry, shared, -1);
  position = shared;
  if (*b != '\0')
    gtk_editable_insert_text (entry, b, -1, &position);
  gtk_editable_set_position (entry, position);
}

static gboolean key_cb (gpointer data);

static void
schedule_key (Bench  *bench,
              double  delay_ms)
{
  g_timeout_add_full (G_PRIORITY_DEFAULT, (guint) (delay_ms + 0.5), key_cb, bench, NULL);
}

static gboolean
key_cb (gpointer data)
{
  Bench *bench = data;

  bench->key_time = g_get_monotonic_time ();
  bench->results_time = 0;
  bench->key_longest_dispatch_ms = 0;
  bench->key_longest_frame_ms = 0;
  type_key (bench->entry, g_ptr_array_index (bench->script, bench->next_key));

  return G_SOURCE_REMOVE;
}

/* The keystroke's results are on screen: the next key comes its interval
 * after this one, or, when typing outran the window, its interval after
 * now (counted: the next key would otherwise cancel this search). */
static void
key_shown (Bench *bench)
{
  double to_results = (bench->results_time - bench->key_time) / 1000.0;
  double to_screen = bench_ms_since (bench->key_time);
  double delay;

  append_ms (bench->to_results, to_results);
  append_ms (bench->to_screen, to_screen);
  if (bench->verbose)
    printf ("%3u results %7.2f ms  screen %7.2f ms  frame %5.2f ms  dispatch %6.2f ms  \"%s\"\n",
            bench->next_key, to_results, to_screen, bench->key_longest_frame_ms,
            bench->key_longest_dispatch_ms, (const char *) g_ptr_array_index (bench->script, bench->next_key));

  bench->key_time = 0;
  if (++bench->next_key == bench->script->len)
    {
      bench->done = TRUE;
      return;
    }

  delay = bench->key_interval_ms - to_screen;
  if (delay < 0)
    {
      bench->n_late_keys++;
      delay = bench->key_interval_ms;
    }
  bench->key_interval_ms = g_rand_double_range (bench->rand, 100, 200);
  schedule_key (bench, delay);
}

static void
model_notify_cb (GObject    *sidebar,
                 GParamSpec *pspec,
                 Bench      *bench)
{
  if (bench->key_time == 0 || bench->results_time != 0)
    return;

  bench->results_time = g_get_monotonic_time ();
  /* A frame even when the results look the same as those shown; it
   * draws nothing unless something was invalidated. */
  gdk_frame_clock_request_phase (bench->clock, GDK_FRAME_CLOCK_PHASE_PAINT);
}

static void
before_paint_cb (GdkFrameClock *clock,
                 Bench         *bench)
{
  bench->frame_start = g_get_monotonic_time ();
  bench->frame_cpu_start = bench_clock_ms (CLOCK_THREAD_CPUTIME_ID);
  bench->layout_end = bench->paint_end = 0;
  bench->frame_drew = FALSE;
}

/* Connected after GDK's own handlers: each marks the end of a phase. */
static void
layout_cb (GdkFrameClock *clock,
           Bench         *bench)
{
  bench->layout_end = g_get_monotonic_time ();
}

static void
paint_cb (GdkFrameClock *clock,
          Bench         *bench)
{
  bench->paint_end = g_get_monotonic_time ();
}

/* GdkSurface::render is emitted only when something was invalidated;
 * GTK's own handler stops the emission, an emission hook still runs. */
static gboolean
render_hook (GSignalInvocationHint *hint,
             guint                  n_params,
             const GValue          *params,
             gpointer               data)
{
  Bench *bench = data;

  if (g_value_get_object (&params[0]) == bench->surface)
    bench->frame_drew = TRUE;

  return TRUE;
}

static void
after_paint_cb (GdkFrameClock *clock,
                Bench         *bench)
{
  double frame_ms;

  if (bench->frame_start == 0)
    return;

  frame_ms = bench_ms_since (bench->frame_start);
  bench->longest_frame_ms = MAX (bench->longest_frame_ms, frame_ms);
  if (bench->frame_drew)
    {
      /* A frame lays out only when something asked it to. */
      gint64 layout_end = bench->layout_end != 0 ? bench->layout_end : bench->frame_start;

      double layout_ms = (layout_end - bench->frame_start) / 1000.0;
      double paint_ms = (bench->paint_end - layout_end) / 1000.0;

      append_ms (bench->frames, frame_ms);
      append_ms (bench->layouts, layout_ms);
      append_ms (bench->paints, paint_ms);
      if (bench->verbose && frame_ms > FRAME_BUDGET_MS)
        printf ("    a frame of %.2f ms (layout %.2f ms, paint %.2f ms, on the CPU %.2f ms) %s\n",
                frame_ms, layout_ms, paint_ms, bench_clock_ms (CLOCK_THREAD_CPUTIME_ID) - bench->frame_cpu_start,
                bench->key_time != 0 ? "during this keystroke" : "between keystrokes");
    }
  bench->frame_start = 0;

  if (bench->key_time != 0)
    {
      bench->key_longest_frame_ms = MAX (bench->key_longest_frame_ms, frame_ms);
      if (bench->results_time != 0)
        {
          append_ms (bench->results_frames, frame_ms);
          key_shown (bench);
        }
    }
}

/* One turn of the main loop, its dispatch timed apart from the wait in
 * poll(): what the window could not respond during. */
static void
iterate (Bench *bench)
{
  GMainContext *context = g_main_context_default ();
  GPollFD fds[64];
  int max_priority;
  int timeout;
  int n_fds;
  gint64 start;
  double cpu_start;
  double ms;

  if (!g_main_context_acquire (context))
    g_error ("The main context belongs to another thread");

  g_main_context_prepare (context, &max_priority);
  n_fds = g_main_context_query (context, max_priority, &timeout, fds, G_N_ELEMENTS (fds));
  g_assert (n_fds <= (int) G_N_ELEMENTS (fds));
  g_main_context_get_poll_func (context) (fds, n_fds, timeout);

  start = g_get_monotonic_time ();
  cpu_start = bench_clock_ms (CLOCK_THREAD_CPUTIME_ID);
  if (g_main_context_check (context, max_priority, fds, n_fds))
    g_main_context_dispatch (context);
  ms = bench_ms_since (start);

  g_main_context_release (context);

  if (bench->key_time != 0)
    bench->key_longest_dispatch_ms = MAX (bench->key_longest_dispatch_ms, ms);
  bench->longest_dispatch_ms = MAX (bench->longest_dispatch_ms, ms);
  if (ms > FRAME_BUDGET_MS)
    {
      bench->n_long_dispatches++;
      if (bench->verbose)
        printf ("    a main-loop dispatch of %.2f ms (on the CPU %.2f ms)\n",
                ms, bench_clock_ms (CLOCK_THREAD_CPUTIME_ID) - cpu_start);
    }
}

static void
print_figures (const char *what,
               GArray     *values)
{
  guint over = 0;

  if (values->len == 0)
    return;

  bench_sort (values);
  for (guint i = 0; i < values->len; i++)
    over += g_array_index (values, double, i) > FRAME_BUDGET_MS;

  printf ("%-22s p50 %6.2f ms  p99 %6.2f ms  max %6.2f ms  (%u of %u over 16 ms)\n",
          what, bench_percentile (values, 50), bench_percentile (values, 99),
          bench_percentile (values, 100), over, values->len);
}

/* Every prefix of each query, typed over three rounds, the entry
 * cleared before each query. */
static GPtrArray *
make_script (void)
{
  static const char *const queries[] = {
    "moreno", "garcia", "lopez", "santos", "zamora", "elena", "kim", "818 5", "client77", "torres",
  };
  GPtrArray *script = g_ptr_array_new_with_free_func (g_free);
  const char *last = "";

  for (guint round = 0; round < 3; round++)
    for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
      for (gsize len = 0; len <= strlen (queries[q]); len++)
        {
          char *text = g_strndup (queries[q], len);

          if (g_str_equal (text, last))
            {
              g_free (text);
              continue;
            }
          g_ptr_array_add (script, text);
          last = text;
        }

  return script;
}

static gboolean
generate (guint n_clients)
{
  g_autofree char *path = consult_store_default_path ();
  g_autoptr (ConsultStore) store = NULL;
  g_autoptr (GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  store = consult_store_new_for_path (path, &error);
  if (store == NULL || !consult_test_generate_clients (store, n_clients, 2026, &error))
    {
      fprintf (stderr, "generation failed: %s\n", error->message);
      return FALSE;
    }
  printf ("generated %u clients in %.1f s\n", n_clients, bench_ms_since (start) / 1000.0);

  return TRUE;
}

int
main (int    argc,
      char **argv)
{
  guint n_clients = 100000;
  g_autofree char *home = g_dir_make_tmp ("bench-history-ui-XXXXXX", NULL);
  g_autoptr (ConsultApplication) app = NULL;
  g_autoptr (GError) error = NULL;
  ConsultClientSidebar *sidebar;
  GtkWindow *window;
  Bench bench = { 0 };
  gulong render_hook_id;

  setvbuf (stdout, NULL, _IOLBF, 0);
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "-v"))
        bench.verbose = TRUE;
      else
        n_clients = (guint) atoi (argv[i]);
    }

  /* A records folder of its own, and settings that touch nothing. */
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GSETTINGS_SCHEMA_DIR", SCHEMA_DIR, FALSE);
  if (!generate (n_clients))
    return EXIT_FAILURE;

  gtk_init ();
  adw_init ();
  app = consult_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return EXIT_FAILURE;
    }
  g_application_activate (G_APPLICATION (app));
  while ((window = gtk_application_get_active_window (GTK_APPLICATION (app))) == NULL ||
         !gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);

  /* Where Ctrl+F puts the keyboard focus: the client search. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  bench.entry = GTK_EDITABLE (gtk_widget_get_ancestor (gtk_window_get_focus (window), GTK_TYPE_SEARCH_ENTRY));
  sidebar = CONSULT_CLIENT_SIDEBAR (gtk_widget_get_ancestor (GTK_WIDGET (bench.entry),
                                                             CONSULT_TYPE_CLIENT_SIDEBAR));

  /* Let the first, unfiltered list be shown, its row widgets built and
   * drawn, before the first key. */
  while (consult_client_sidebar_get_model (sidebar) == NULL)
    g_main_context_iteration (NULL, TRUE);
  for (gint64 start = g_get_monotonic_time (); g_get_monotonic_time () - start < G_USEC_PER_SEC;)
    g_main_context_iteration (NULL, TRUE);

  bench.surface = gtk_native_get_surface (GTK_NATIVE (window));
  bench.clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  bench.rand = g_rand_new_with_seed (2026);
  bench.script = make_script ();
  bench.to_results = g_array_new (FALSE, FALSE, sizeof (double));
  bench.to_screen = g_array_new (FALSE, FALSE, sizeof (double));
  bench.results_frames = g_array_new (FALSE, FALSE, sizeof (double));
  bench.frames = g_array_new (FALSE, FALSE, sizeof (double));
  bench.layouts = g_array_new (FALSE, FALSE, sizeof (double));
  bench.paints = g_array_new (FALSE, FALSE, sizeof (double));
  g_signal_connect (sidebar, "notify::model", G_CALLBACK (model_notify_cb), &bench);
  g_signal_connect (bench.clock, "before-paint", G_CALLBACK (before_paint_cb), &bench);
  g_signal_connect (bench.clock, "layout", G_CALLBACK (layout_cb), &bench);
  g_signal_connect (bench.clock, "paint", G_CALLBACK (paint_cb), &bench);
  g_signal_connect (bench.clock, "after-paint", G_CALLBACK (after_paint_cb), &bench);
  render_hook_id = g_signal_add_emission_hook (g_signal_lookup ("render", GDK_TYPE_SURFACE), 0,
                                               render_hook, &bench, NULL);

  bench.key_interval_ms = g_rand_double_range (bench.rand, 100, 200);
  schedule_key (&bench, bench.key_interval_ms);
  while (!bench.done)
    iterate (&bench);

  printf ("%u keystrokes over %u clients, 100-200 ms apart; %u waited for the results before them\n",
          bench.script->len, n_clients, bench.n_late_keys);
  print_figures ("keystroke to results:", bench.to_results);
  print_figures ("keystroke to screen:", bench.to_screen);
  print_figures ("the frame after them:", bench.results_frames);
  print_figures ("all frames that drew:", bench.frames);
  print_figures ("  their layout:", bench.layouts);
  print_figures ("  their paint:", bench.paints);
  printf ("longest frame: %.2f ms; main-loop dispatches over 16 ms: %u, longest %.2f ms\n",
          bench.longest_frame_ms, bench.n_long_dispatches, bench.longest_dispatch_ms);

  g_signal_remove_emission_hook (g_signal_lookup ("render", GDK_TYPE_SURFACE), render_hook_id);
  g_signal_handlers_disconnect_by_data (bench.clock, &bench);
  g_signal_handlers_disconnect_by_data (sidebar, &bench);
  gtk_window_destroy (window);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  g_ptr_array_unref (bench.script);
  g_array_unref (bench.to_results);
  g_array_unref (bench.to_screen);
  g_array_unref (bench.results_frames);
  g_array_unref (bench.frames);
  g_array_unref (bench.layouts);
  g_array_unref (bench.paints);
  g_rand_free (bench.rand);

  return EXIT_SUCCESS;
}
