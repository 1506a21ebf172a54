/* consult-test-gui.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "consult-test.h"
#include "consult-test-gui.h"

gboolean
consult_test_wait_until (gboolean (*condition) (gpointer data),
                         gpointer   data,
                         guint      timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;

      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }

  return TRUE;
}

static gboolean
no_pending_events (gpointer data)
{
  return !g_main_context_pending (NULL);
}

void
consult_test_settle (void)
{
  /* Several rounds: a frame clock tick may queue further layout work. */
  for (guint i = 0; i < 5; i++)
    {
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      consult_test_wait_until (no_pending_events, NULL, 50);
      g_usleep (10000);
    }
}

char *
consult_test_save_png (GtkWidget  *widget,
                       const char *name,
                       GError    **error)
{
  g_autoptr (GdkPaintable) paintable = NULL;
  g_autoptr (GtkSnapshot) snapshot = NULL;
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  GskRenderer *renderer;
  int width;
  int height;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  consult_test_settle ();

  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  if (width <= 0 || height <= 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "widget has no size (%d×%d)", width, height);
      return NULL;
    }

  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "widget drew nothing");
      return NULL;
    }

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));

  path = consult_test_output_path (name);
  if (!gdk_texture_save_to_png (texture, path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "could not write %s", path);
      return NULL;
    }

  return g_steal_pointer (&path);
}

static gboolean
widget_has_text (GtkWidget  *widget,
                 const char *text)
{
  if (text == NULL)
    return TRUE;

  if (ADW_IS_PREFERENCES_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), text) == 0)
    return TRUE;
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), text) == 0)
    return TRUE;
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return TRUE;

  return g_strcmp0 (gtk_widget_get_tooltip_text (widget), text) == 0;
}

GtkWidget *
consult_test_find_widget (GtkWidget  *root,
                          GType       type,
                          const char *text)
{
  g_return_val_if_fail (GTK_IS_WIDGET (root), NULL);

  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && widget_has_text (root, text))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = consult_test_find_widget (child, type, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

typedef struct
{
  const char *heading;
  GtkWidget  *dialog;
} DialogSearch;

static gboolean
find_dialog (gpointer data)
{
  DialogSearch *search = data;
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWidget) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_widget_get_visible (toplevel) &&
          g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (toplevel)), search->heading) == 0)
        {
          search->dialog = toplevel;
          return TRUE;
        }
    }

  return FALSE;
}

GtkWidget *
consult_test_wait_for_dialog (const char *heading)
{
  DialogSearch search = { heading, NULL };

  ck_assert_msg (consult_test_wait_until (find_dialog, &search, 10000), "no dialog “%s”", heading);

  return search.dialog;
}

void
consult_test_answer_dialog (GtkWidget  *dialog,
                            const char *entry_text,
                            const char *response)
{
  if (entry_text != NULL)
    {
      GtkWidget *entry = consult_test_find_widget (dialog, ADW_TYPE_ENTRY_ROW, NULL);

      ck_assert_ptr_nonnull (entry);
      gtk_editable_set_text (GTK_EDITABLE (entry), entry_text);
    }

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  consult_test_settle ();
}
