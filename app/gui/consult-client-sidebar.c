/* consult-client-sidebar.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-client-sidebar"

#include "config.h"

#include <glib/gi18n.h>

#include "consult-client-list.h"
#include "consult-client-rows.h"
#include "consult-client-sidebar.h"
#include "consult-row-label.h"

/* Type-ahead search over the clinic's clients. The list is the store's
 * lazy model in a GtkListView, so only the visible rows are ever read. */
struct _ConsultClientSidebar
{
  GtkWidget          parent_instance;

  ConsultStore      *store;
  ConsultClientList *clients;
  ConsultClientRows *rows;
  GCancellable      *search_cancellable;
  guint              search_idle_id;
  GdkFrameClock     *show_all_clock;
  gulong             show_all_handler;
  guint              show_all_idle_id;

  GtkSearchEntry    *search_entry;
  GtkCheckButton    *archived_check;
  GtkListView       *list_view;
  GtkSingleSelection *selection;
  GtkStack          *stack;
  AdwStatusPage     *empty_page;
  GtkWidget         *list_page;
};

enum {
  PROP_0,
  PROP_MODEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CLIENT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ConsultClientSidebar, consult_client_sidebar, GTK_TYPE_WIDGET)

/* GtkListView (GTK 4.8) keeps about 200 row widgets around the top row
 * shown: the search thread reads that many, so that showing the results
 * reads nothing in the main thread. */
#define ROWS_IN_VIEW 210

/* More rows than a tall window shows: when a search's list is longer
 * than the one shown, the rows past these are built after the first
 * are drawn. */
#define ROWS_FIRST 60

/* What to search for: NULL for everyone. */
static char *
search_text (ConsultClientSidebar *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));

  return text[0] != '\0' ? g_steal_pointer (&text) : NULL;
}

static void
consult_client_sidebar_update_page (ConsultClientSidebar *self)
{
  gboolean empty = self->clients == NULL ||
                   g_list_model_get_n_items (G_LIST_MODEL (self->clients)) == 0;
  g_autofree char *text = NULL;

  /* GtkStack measures its hidden pages too, and these texts wrap: they
   * change only when shown, not at every keystroke over the list. */
  if (!empty)
    {
      gtk_stack_set_visible_child (self->stack, self->list_page);
      return;
    }

  text = search_text (self);
  if (self->store == NULL)
    {
      adw_status_page_set_title (self->empty_page, _("No Records Available"));
      adw_status_page_set_description (self->empty_page,
                                       _("The records database could not be opened."));
    }
  else if (text != NULL)
    {
      adw_status_page_set_title (self->empty_page, _("No Matching Clients"));
      adw_status_page_set_description (self->empty_page,
                                       _("Search by name, phone number or email."));
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("No Clients Yet"));
      adw_status_page_set_description (self->empty_page,
                                       _("Clients appear here once their first consultation is saved."));
    }

  gtk_stack_set_visible_child (self->stack, GTK_WIDGET (self->empty_page));
}

typedef struct
{
  ConsultStore             *store;
  char                     *text;
  ConsultClientSearchFlags  flags;
} SearchData;

static void
search_data_free (SearchData *data)
{
  g_clear_object (&data->store);
  g_free (data->text);
  g_free (data);
}

static void
search_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  SearchData *data = task_data;
  GError *error = NULL;
  ConsultClientList *clients;

  /* Counted once shown: all clients (an empty search) are 100,000 here,
   * whose count costs more than reading the rows shown. */
  clients = consult_client_list_new_uncounted (data->store, data->text, data->flags, &error);
  if (clients != NULL && !consult_client_list_prefetch (clients, ROWS_IN_VIEW, &error))
    g_clear_object (&clients);

  if (clients == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, clients, g_object_unref);
}

static void
count_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr (GError) error = NULL;

  if (!consult_client_list_count_finish (CONSULT_CLIENT_LIST (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Counting clients failed: %s", error->message);
}

static gboolean
show_all_idle_cb (gpointer user_data)
{
  ConsultClientSidebar *self = user_data;

  self->show_all_idle_id = 0;
  consult_client_rows_show_all (self->rows);

  return G_SOURCE_REMOVE;
}

static void
first_rows_drawn_cb (GdkFrameClock        *clock,
                     ConsultClientSidebar *self)
{
  g_clear_signal_handler (&self->show_all_handler, clock);
  g_clear_object (&self->show_all_clock);
  if (self->show_all_idle_id == 0)
    self->show_all_idle_id = g_idle_add (show_all_idle_cb, self);
}

/* The rows held back come in the main-loop turn after the frame that
 * draws the first ones, which the new rows have asked for. */
static void
show_all_rows_later (ConsultClientSidebar *self)
{
  GdkFrameClock *clock;

  if (consult_client_rows_is_complete (self->rows) ||
      self->show_all_handler != 0 || self->show_all_idle_id != 0)
    return;

  if (!gtk_widget_get_mapped (GTK_WIDGET (self->list_view)))
    {
      consult_client_rows_show_all (self->rows);
      return;
    }

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (self->list_view));
  self->show_all_clock = g_object_ref (clock);
  self->show_all_handler = g_signal_connect (clock, "after-paint", G_CALLBACK (first_rows_drawn_cb), self);
}

static void
search_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  ConsultClientSidebar *self = CONSULT_CLIENT_SIDEBAR (source);
  g_autoptr (ConsultClientList) clients = NULL;
  g_autoptr (GError) error = NULL;

  clients = g_task_propagate_pointer (G_TASK (result), &error);
  /* A newer keystroke cancelled this search: its results are stale. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (clients == NULL)
    g_warning ("Client search failed: %s", error->message);

  /* Back to the top before the new results arrive: GtkListView keeps its
   * scroll position across a change of its items and would otherwise ask
   * the new list for rows as far down as the old one was scrolled.  A
   * selected position would now be another client. */
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  gtk_adjustment_set_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->list_view)), 0);

  g_set_object (&self->clients, clients);
  consult_client_rows_set_source (self->rows, G_LIST_MODEL (self->clients), ROWS_FIRST);
  consult_client_sidebar_update_page (self);
  show_all_rows_later (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);

  /* The rows past those read come at the end, once the view is drawn;
   * the next keystroke cancels the count with the search. */
  if (self->clients != NULL && !consult_client_list_is_counted (self->clients))
    consult_client_list_count_async (self->clients, self->search_cancellable, count_done_cb, NULL);
}

/* Counting the matches of a search is the slow part at 100,000 clients:
 * it runs in a worker thread, and each keystroke cancels the search
 * before it, so the list only ever shows the latest text. */
static void
consult_client_sidebar_search (ConsultClientSidebar *self)
{
  g_autoptr (GTask) task = NULL;
  SearchData *data;

  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);

  if (self->store == NULL)
    {
      g_clear_object (&self->clients);
      consult_client_rows_set_source (self->rows, NULL, 0);
      consult_client_sidebar_update_page (self);
      return;
    }

  data = g_new0 (SearchData, 1);
  data->store = g_object_ref (self->store);
  data->text = search_text (self);
  data->flags = gtk_check_button_get_active (self->archived_check)
                ? CONSULT_CLIENT_SEARCH_INCLUDE_ARCHIVED : CONSULT_CLIENT_SEARCH_DEFAULT;

  self->search_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->search_cancellable, search_done_cb, NULL);
  g_task_set_source_tag (task, consult_client_sidebar_search);
  g_task_set_task_data (task, data, (GDestroyNotify) search_data_free);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, search_thread);
}

static gboolean
search_idle_cb (gpointer user_data)
{
  ConsultClientSidebar *self = user_data;

  self->search_idle_id = 0;
  consult_client_sidebar_search (self);

  return G_SOURCE_REMOVE;
}

/* GtkSearchEntry reports an emptied text at once, so replacing the text
 * (a paste over a selection, gtk_editable_set_text()) reports it twice
 * in a row: searching once the main loop is back searches once. */
static void
search_changed_cb (ConsultClientSidebar *self,
                   GtkSearchEntry       *entry)
{
  if (self->search_idle_id == 0)
    self->search_idle_id = g_idle_add_full (G_PRIORITY_HIGH, search_idle_cb, self, NULL);
}

static void
archived_toggled_cb (ConsultClientSidebar *self,
                     GtkCheckButton       *check)
{
  consult_client_sidebar_search (self);
}

static void
list_activate_cb (ConsultClientSidebar *self,
                  guint                 position,
                  GtkListView          *list_view)
{
  g_autoptr (ConsultClientSummary) client = NULL;

  if (self->clients == NULL)
    return;

  client = g_list_model_get_item (G_LIST_MODEL (self->clients), position);
  if (client != NULL)
    g_signal_emit (self, signals[CLIENT_ACTIVATED], 0, consult_client_summary_get_id (client));
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = consult_row_label_new ();
  GtkWidget *details = consult_row_label_new ();

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_add_css_class (details, "dim-label");
  gtk_widget_add_css_class (details, "caption");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), details);
  gtk_list_item_set_child (item, box);
}

static void
show_client (GtkWidget            *box,
             ConsultClientSummary *client)
{
  GtkWidget *name = gtk_widget_get_first_child (box);
  GtkWidget *details = gtk_widget_get_next_sibling (name);
  g_autofree char *full_name = NULL;
  const char *dob = client ? consult_client_summary_get_date_of_birth (client) : NULL;
  const char *phone = client ? consult_client_summary_get_phone (client) : NULL;
  const char *family = client ? consult_client_summary_get_family_name (client) : NULL;
  g_autoptr (GString) line = g_string_new (NULL);

  full_name = g_strjoin (" ", client ? consult_client_summary_get_given_name (client) : "",
                         family ? family : "", NULL);
  g_strstrip (full_name);
  consult_row_label_set_text (CONSULT_ROW_LABEL (name), full_name);

  if (dob != NULL && dob[0] != '\0')
    /* TRANSLATORS: "born 1988-04-02" */
    g_string_append_printf (line, _("born %s"), dob);
  if (phone != NULL && phone[0] != '\0')
    g_string_append_printf (line, "%s%s", line->len > 0 ? " · " : "", phone);
  consult_row_label_set_text (CONSULT_ROW_LABEL (details), line->str);
  gtk_widget_set_visible (details, line->len > 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, full_name, -1);
}

static void
row_client_changed_cb (ConsultClientRow *row,
                       GParamSpec       *pspec,
                       GtkWidget        *box)
{
  show_client (box, consult_client_row_get_client (row));
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  ConsultClientRow *row = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);

  show_client (box, consult_client_row_get_client (row));
  g_signal_connect_object (row, "notify::client", G_CALLBACK (row_client_changed_cb), box, 0);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (item), row_client_changed_cb,
                                        gtk_list_item_get_child (item));
}

void
consult_client_sidebar_set_store (ConsultClientSidebar *self,
                                  ConsultStore         *store)
{
  g_return_if_fail (CONSULT_IS_CLIENT_SIDEBAR (self));

  g_set_object (&self->store, store);
  consult_client_sidebar_search (self);
}

void
consult_client_sidebar_refresh (ConsultClientSidebar *self)
{
  g_return_if_fail (CONSULT_IS_CLIENT_SIDEBAR (self));

  consult_client_sidebar_search (self);
}

void
consult_client_sidebar_focus_search (ConsultClientSidebar *self)
{
  g_return_if_fail (CONSULT_IS_CLIENT_SIDEBAR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

GListModel *
consult_client_sidebar_get_model (ConsultClientSidebar *self)
{
  g_return_val_if_fail (CONSULT_IS_CLIENT_SIDEBAR (self), NULL);

  return G_LIST_MODEL (self->clients);
}

static void
consult_client_sidebar_dispose (GObject *object)
{
  ConsultClientSidebar *self = CONSULT_CLIENT_SIDEBAR (object);

  g_clear_handle_id (&self->search_idle_id, g_source_remove);
  g_clear_handle_id (&self->show_all_idle_id, g_source_remove);
  if (self->show_all_clock != NULL)
    g_clear_signal_handler (&self->show_all_handler, self->show_all_clock);
  g_clear_object (&self->show_all_clock);
  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), CONSULT_TYPE_CLIENT_SIDEBAR);
  g_clear_object (&self->clients);
  g_clear_object (&self->rows);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (consult_client_sidebar_parent_class)->dispose (object);
}

static void
consult_client_sidebar_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  ConsultClientSidebar *self = CONSULT_CLIENT_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->clients);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
consult_client_sidebar_class_init (ConsultClientSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = consult_client_sidebar_dispose;
  object_class->get_property = consult_client_sidebar_get_property;

  /* The search results, replaced when a search completes. */
  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ConsultClientSidebar::client-activated:
   * @id: the client's permanent id
   */
  signals[CLIENT_ACTIVATED] =
    g_signal_new ("client-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/consult-client-sidebar.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, ConsultClientSidebar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ConsultClientSidebar, archived_check);
  gtk_widget_class_bind_template_child (widget_class, ConsultClientSidebar, list_view);
  gtk_widget_class_bind_template_child (widget_class, ConsultClientSidebar, selection);
  gtk_widget_class_bind_template_child (widget_class, ConsultClientSidebar, stack);
  gtk_widget_class_bind_template_child (widget_class, ConsultClientSidebar, empty_page);
  gtk_widget_class_bind_template_child (widget_class, ConsultClientSidebar, list_page);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, archived_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_row_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_row_cb);
  gtk_widget_class_bind_template_callback (widget_class, unbind_row_cb);
}

static void
consult_client_sidebar_init (ConsultClientSidebar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = consult_client_rows_new ();
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->rows));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  consult_client_sidebar_update_page (self);
}
