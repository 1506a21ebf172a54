/* bench-history-ui.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include <adwaita.h>

#include "consult-application.h"
#include "consult-client-sidebar.h"
#include "consult-store-paths.h"
#include "consult-test-generate.h"
#include "consult-window.h"

/* Keystroke-to-results latency of the client search, in the real window
 * over 100,000 clients: from the text changing in the search entry to
 * the first frame drawn with the new results. Also the longest single
 * main-loop dispatch during the run, which is the longest frame the
 * consultant could see stall. Run under Xvfb:
 *
 *   xvfb-run -a ./_build/bench/bench-history-ui [N_CLIENTS]
 *
 * Prints figures; asserts nothing. */

typedef struct
{
  gboolean replaced;   /* the sidebar's model was replaced */
  gboolean painted;    /* a frame was drawn after that */
} Waiting;

static void
model_notify_cb (GObject    *sidebar,
                 GParamSpec *pspec,
                 Waiting    *waiting)
{
  waiting->replaced = TRUE;
}

static void
after_paint_cb (GdkFrameClock *clock,
                Waiting       *waiting)
{
  if (waiting->replaced)
    waiting->painted = TRUE;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
percentile (GArray *sorted,
            double  p)
{
  guint index = (guint) (p * (sorted->len - 1) + 0.5);

  return g_array_index (sorted, double, index);
}

static double longest_dispatch_ms;

/* One main-loop dispatch, timed. */
static void
iterate (void)
{
  gint64 start = g_get_monotonic_time ();
  double ms;

  g_main_context_iteration (NULL, FALSE);
  ms = (g_get_monotonic_time () - start) / 1000.0;
  if (ms > longest_dispatch_ms)
    longest_dispatch_ms = ms;
}

int
main (int    argc,
      char **argv)
{
  static const char *const queries[] = {
    "moreno", "garcia", "lopez", "santos", "zamora", "elena", "kim", "818 5", "client77", "torres",
  };
  guint n_clients = argc > 1 ? (guint) atoi (argv[1]) : 100000;
  g_autofree char *home = g_dir_make_tmp ("bench-history-ui-XXXXXX", NULL);
  g_autoptr (ConsultApplication) app = NULL;
  g_autoptr (GArray) latencies = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GError) error = NULL;
  GtkWidget *entry;
  ConsultClientSidebar *sidebar;
  GtkWindow *window;
  GdkFrameClock *clock;
  Waiting waiting = { FALSE, FALSE };
  gint64 start;

  setvbuf (stdout, NULL, _IOLBF, 0);

  /* A records folder of its own, and settings that touch nothing. */
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GSETTINGS_SCHEMA_DIR", SCHEMA_DIR, FALSE);

  {
    g_autofree char *path = consult_store_default_path ();
    g_autoptr (ConsultStore) store = consult_store_new_for_path (path, &error);

    start = g_get_monotonic_time ();
    if (store == NULL || !consult_test_generate_clients (store, n_clients, 2026, &error))
      {
        fprintf (stderr, "generation failed: %s\n", error->message);
        return EXIT_FAILURE;
      }
    printf ("generated %u clients in %.1f s\n", n_clients, (g_get_monotonic_time () - start) / 1e6);
  }

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
  entry = gtk_widget_get_ancestor (gtk_window_get_focus (window), GTK_TYPE_SEARCH_ENTRY);
  sidebar = CONSULT_CLIENT_SIDEBAR (gtk_widget_get_ancestor (entry, CONSULT_TYPE_CLIENT_SIDEBAR));

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (sidebar, "notify::model", G_CALLBACK (model_notify_cb), &waiting);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &waiting);

  /* Let the first, unfiltered list settle before measuring: shown, its
   * row widgets built, and drawn. */
  while (consult_client_sidebar_get_model (sidebar) == NULL)
    g_main_context_iteration (NULL, TRUE);
  waiting.replaced = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (window));
  while (!waiting.painted)
    g_main_context_iteration (NULL, TRUE);

  longest_dispatch_ms = 0;
  for (guint round = 0; round < 3; round++)
    for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
      for (gsize len = 0; len <= strlen (queries[q]); len++)
        {
          g_autofree char *text = g_strndup (queries[q], len);
          double ms;

          /* Setting the same text is no keystroke: nothing would change. */
          if (g_str_equal (text, gtk_editable_get_text (GTK_EDITABLE (entry))))
            continue;

          waiting.replaced = waiting.painted = FALSE;
          start = g_get_monotonic_time ();
          gtk_editable_set_text (GTK_EDITABLE (entry), text);
          gtk_widget_queue_draw (GTK_WIDGET (window));
          while (!waiting.painted)
            {
              iterate ();
              if (!waiting.replaced || !waiting.painted)
                g_usleep (50);
              if (waiting.replaced && !waiting.painted)
                gtk_widget_queue_draw (GTK_WIDGET (window));
            }
          ms = (g_get_monotonic_time () - start) / 1000.0;
          g_array_append_val (latencies, ms);
        }

  g_array_sort (latencies, compare_doubles);
  printf ("%u keystrokes over %u clients\n", latencies->len, n_clients);
  printf ("keystroke to results on screen: p50 %.2f ms, p99 %.2f ms, max %.2f ms\n",
          percentile (latencies, 0.50), percentile (latencies, 0.99),
          g_array_index (latencies, double, latencies->len - 1));
  printf ("longest main-loop dispatch: %.2f ms\n", longest_dispatch_ms);

  gtk_window_destroy (window);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);

  return EXIT_SUCCESS;
}
