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
#include "consult-client-sidebar.h"

/* Type-ahead search over the clinic's clients. The list is the store's
 * lazy model in a GtkListView, so only the visible rows are ever read. */
struct _ConsultClientSidebar
{
  GtkWidget          parent_instance;

  ConsultStore      *store;
  ConsultClientList *clients;

  GtkSearchEntry    *search_entry;
  GtkCheckButton    *archived_check;
  GtkListView       *list_view;
  GtkSingleSelection *selection;
  GtkStack          *stack;
  AdwStatusPage     *empty_page;
  GtkWidget         *list_page;
};

enum {
  CLIENT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ConsultClientSidebar, consult_client_sidebar, GTK_TYPE_WIDGET)

static void
consult_client_sidebar_update_page (ConsultClientSidebar *self)
{
  gboolean empty = self->clients == NULL ||
                   g_list_model_get_n_items (G_LIST_MODEL (self->clients)) == 0;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (self->store == NULL)
    {
      adw_status_page_set_title (self->empty_page, _("No Records Available"));
      adw_status_page_set_description (self->empty_page,
                                       _("The records database could not be opened."));
    }
  else if (text[0] != '\0')
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

  gtk_stack_set_visible_child (self->stack, empty ? GTK_WIDGET (self->empty_page) : self->list_page);
}

static void
consult_client_sidebar_search (ConsultClientSidebar *self)
{
  g_autoptr (ConsultClientList) clients = NULL;
  g_autoptr (GError) error = NULL;

  if (self->store != NULL)
    {
      clients = consult_client_list_new (self->store,
                                         gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
                                         gtk_check_button_get_active (self->archived_check),
                                         &error);
      if (clients == NULL)
        g_warning ("Client search failed: %s", error->message);
    }

  g_set_object (&self->clients, clients);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->clients));
  consult_client_sidebar_update_page (self);
}

static void
search_changed_cb (ConsultClientSidebar *self,
                   GtkSearchEntry       *entry)
{
  consult_client_sidebar_search (self);
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
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *details = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (details), 0);
  gtk_label_set_ellipsize (GTK_LABEL (details), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (details, "dim-label");
  gtk_widget_add_css_class (details, "caption");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), details);
  gtk_list_item_set_child (item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  ConsultClientSummary *client = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *name = gtk_widget_get_first_child (box);
  GtkWidget *details = gtk_widget_get_next_sibling (name);
  g_autofree char *full_name = NULL;
  const char *dob = consult_client_summary_get_date_of_birth (client);
  const char *phone = consult_client_summary_get_phone (client);
  g_autoptr (GString) line = g_string_new (NULL);

  full_name = g_strjoin (" ", consult_client_summary_get_given_name (client),
                         consult_client_summary_get_family_name (client) ? consult_client_summary_get_family_name (client) : "",
                         NULL);
  g_strstrip (full_name);
  gtk_label_set_label (GTK_LABEL (name), full_name);

  if (dob != NULL && dob[0] != '\0')
    /* TRANSLATORS: "born 1988-04-02" */
    g_string_append_printf (line, _("born %s"), dob);
  if (phone != NULL && phone[0] != '\0')
    g_string_append_printf (line, "%s%s", line->len > 0 ? " · " : "", phone);
  gtk_label_set_label (GTK_LABEL (details), line->str);
  gtk_widget_set_visible (details, line->len > 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, full_name, -1);
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

  gtk_widget_dispose_template (GTK_WIDGET (self), CONSULT_TYPE_CLIENT_SIDEBAR);
  g_clear_object (&self->clients);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (consult_client_sidebar_parent_class)->dispose (object);
}

static void
consult_client_sidebar_class_init (ConsultClientSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = consult_client_sidebar_dispose;

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
}

static void
consult_client_sidebar_init (ConsultClientSidebar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  consult_client_sidebar_update_page (self);
}
