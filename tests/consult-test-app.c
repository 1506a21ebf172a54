/* consult-test-app.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "consult-test.h"
#include "consult-test-app.h"
#include "consult-test-gui.h"
#include "consult-client-sidebar.h"

ConsultApplication *
consult_test_app_new (void)
{
  g_autoptr (GError) error = NULL;
  ConsultApplication *app;

  app = consult_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  ck_assert_msg (error == NULL, "%s", error ? error->message : "");

  return app;
}

static gboolean
main_window_is_mapped (gpointer data)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (data));

  return CONSULT_IS_WINDOW (active) && gtk_widget_get_mapped (GTK_WIDGET (active));
}

ConsultWindow *
consult_test_app_activate (ConsultApplication *app)
{
  g_application_activate (G_APPLICATION (app));
  ck_assert (consult_test_wait_until (main_window_is_mapped, app, 10000));

  return CONSULT_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
}

typedef struct
{
  ConsultClientSidebar *sidebar;
  guint                 n;
} ClientCount;

static gboolean
client_count_is (gpointer data)
{
  ClientCount *count = data;
  GListModel *model = consult_client_sidebar_get_model (count->sidebar);

  return model != NULL && g_list_model_get_n_items (model) == count->n;
}

void
consult_test_app_wait_for_clients (ConsultWindow *window,
                                   guint          n,
                                   guint          timeout_ms)
{
  ClientCount count = {
    CONSULT_CLIENT_SIDEBAR (consult_test_find_widget (GTK_WIDGET (window), CONSULT_TYPE_CLIENT_SIDEBAR, NULL)),
    n,
  };

  ck_assert_msg (consult_test_wait_until (client_count_is, &count, timeout_ms),
                 "the list never showed %u clients", n);
}

ConsultConsultationView *
consult_test_app_open_seed (ConsultWindow *window,
                            const char    *seed)
{
  g_autofree char *path = consult_test_source_path ("fixtures", "intake", seed, NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (ConsultIntake) intake = NULL;
  g_autoptr (GError) error = NULL;
  ConsultConsultationView *view = consult_window_get_consultation_view (window);

  intake = consult_intake_new_from_file (file, &error);
  ck_assert_msg (intake != NULL, "%s: %s", seed, error ? error->message : "");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-consultation", NULL);
  consult_consultation_view_set_intake (view, intake);
  ck_assert_ptr_nonnull (consult_consultation_view_get_plan (view));

  return view;
}

void
consult_test_app_free (ConsultApplication *app)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  for (GList *l = windows; l != NULL;)
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_destroy (window);
    }
  consult_test_settle ();
  g_object_unref (app);
}
