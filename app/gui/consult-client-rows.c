/* consult-client-rows.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-client-rows"

#include "config.h"

#include "consult-client-rows.h"

struct _ConsultClientRow
{
  GObject               parent_instance;

  ConsultClientSummary *client;
  ConsultClientRows    *rows;     /* weak: set while listed in rows->by_position */
  guint                 position;
};

enum {
  ROW_PROP_0,
  ROW_PROP_CLIENT,
  N_ROW_PROPS
};

static GParamSpec *row_properties[N_ROW_PROPS];

G_DEFINE_FINAL_TYPE (ConsultClientRow, consult_client_row, G_TYPE_OBJECT)

struct _ConsultClientRows
{
  GObject     parent_instance;

  GListModel *source;
  guint       n_items;    /* of the source's, those shown so far */
  /* position -> ConsultClientRow, for the rows someone holds: a row
   * leaves the table when its last reference goes */
  GHashTable *by_position;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ConsultClientRows, consult_client_rows, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
consult_client_row_dispose (GObject *object)
{
  ConsultClientRow *self = CONSULT_CLIENT_ROW (object);

  if (self->rows != NULL &&
      g_hash_table_lookup (self->rows->by_position, GUINT_TO_POINTER (self->position)) == self)
    g_hash_table_remove (self->rows->by_position, GUINT_TO_POINTER (self->position));
  self->rows = NULL;
  g_clear_object (&self->client);

  G_OBJECT_CLASS (consult_client_row_parent_class)->dispose (object);
}

static void
consult_client_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ConsultClientRow *self = CONSULT_CLIENT_ROW (object);

  switch (prop_id)
    {
    case ROW_PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
consult_client_row_class_init (ConsultClientRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = consult_client_row_dispose;
  object_class->get_property = consult_client_row_get_property;

  row_properties[ROW_PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         CONSULT_TYPE_CLIENT_SUMMARY,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_ROW_PROPS, row_properties);
}

static void
consult_client_row_init (ConsultClientRow *self)
{
}

ConsultClientSummary *
consult_client_row_get_client (ConsultClientRow *self)
{
  g_return_val_if_fail (CONSULT_IS_CLIENT_ROW (self), NULL);

  return self->client;
}

static void
consult_client_rows_finalize (GObject *object)
{
  ConsultClientRows *self = CONSULT_CLIENT_ROWS (object);
  GHashTableIter iter;
  ConsultClientRow *row;

  /* Rows that outlive the model forget it. */
  g_hash_table_iter_init (&iter, self->by_position);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &row))
    row->rows = NULL;
  g_clear_pointer (&self->by_position, g_hash_table_unref);
  if (self->source != NULL)
    g_signal_handlers_disconnect_by_data (self->source, self);
  g_clear_object (&self->source);

  G_OBJECT_CLASS (consult_client_rows_parent_class)->finalize (object);
}

static void
consult_client_rows_class_init (ConsultClientRowsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = consult_client_rows_finalize;
}

static void
consult_client_rows_init (ConsultClientRows *self)
{
  self->by_position = g_hash_table_new (NULL, NULL);
}

static GType
consult_client_rows_get_item_type (GListModel *model)
{
  return CONSULT_TYPE_CLIENT_ROW;
}

static guint
consult_client_rows_get_n_items (GListModel *model)
{
  return CONSULT_CLIENT_ROWS (model)->n_items;
}

static gpointer
consult_client_rows_get_item (GListModel *model,
                              guint       position)
{
  ConsultClientRows *self = CONSULT_CLIENT_ROWS (model);
  ConsultClientRow *row;

  if (position >= self->n_items)
    return NULL;

  row = g_hash_table_lookup (self->by_position, GUINT_TO_POINTER (position));
  if (row != NULL)
    return g_object_ref (row);

  row = g_object_new (CONSULT_TYPE_CLIENT_ROW, NULL);
  row->client = g_list_model_get_item (self->source, position);
  row->rows = self;
  row->position = position;
  g_hash_table_insert (self->by_position, GUINT_TO_POINTER (position), row);

  return row;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = consult_client_rows_get_item_type;
  iface->get_n_items = consult_client_rows_get_n_items;
  iface->get_item = consult_client_rows_get_item;
}

ConsultClientRows *
consult_client_rows_new (void)
{
  return g_object_new (CONSULT_TYPE_CLIENT_ROWS, NULL);
}

/* What a row shows of a client (consult-client-sidebar.c). */
static gboolean
shows_the_same (ConsultClientSummary *a,
                ConsultClientSummary *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return g_strcmp0 (consult_client_summary_get_id (a), consult_client_summary_get_id (b)) == 0 &&
         g_strcmp0 (consult_client_summary_get_given_name (a), consult_client_summary_get_given_name (b)) == 0 &&
         g_strcmp0 (consult_client_summary_get_family_name (a), consult_client_summary_get_family_name (b)) == 0 &&
         g_strcmp0 (consult_client_summary_get_date_of_birth (a), consult_client_summary_get_date_of_birth (b)) == 0 &&
         g_strcmp0 (consult_client_summary_get_phone (a), consult_client_summary_get_phone (b)) == 0;
}

/* Only the rows held (those of the view's row widgets) read from the
 * source here, all near the top once the view is scrolled back.  A row
 * that shows the same client as before is not relabelled: typing on
 * often keeps the first clients of the list.  A longer list than the
 * one shown grows to at most @n_first items here. */
static void
relabel (ConsultClientRows *self,
         guint              n_first)
{
  g_autoptr (GPtrArray) changed = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gpointer key;
  ConsultClientRow *row;
  guint old_n_items;
  guint kept;

  old_n_items = self->n_items;
  self->n_items = self->source != NULL ? g_list_model_get_n_items (self->source) : 0;
  self->n_items = MIN (self->n_items, MAX (old_n_items, n_first));
  kept = MIN (old_n_items, self->n_items);

  g_hash_table_iter_init (&iter, self->by_position);
  while (g_hash_table_iter_next (&iter, &key, (gpointer *) &row))
    {
      ConsultClientSummary *client;
      gboolean same;

      if (GPOINTER_TO_UINT (key) >= kept)
        {
          /* Going away with the items removed below. */
          row->rows = NULL;
          g_hash_table_iter_remove (&iter);
          continue;
        }

      client = g_list_model_get_item (self->source, row->position);
      same = shows_the_same (row->client, client);
      g_clear_object (&row->client);
      row->client = g_steal_pointer (&client);
      if (!same)
        g_ptr_array_add (changed, g_object_ref (row));
    }

  /* Notified after the table walk: a handler may drop a row. */
  for (guint i = 0; i < changed->len; i++)
    g_object_notify_by_pspec (g_ptr_array_index (changed, i), row_properties[ROW_PROP_CLIENT]);

  if (old_n_items != self->n_items)
    g_list_model_items_changed (G_LIST_MODEL (self), kept, old_n_items - kept, self->n_items - kept);
}

/* A list counted after it was shown grows at its end: the rows before
 * stay as they are, and items held back stay so. */
static void
source_items_changed_cb (GListModel        *source,
                         guint              position,
                         guint              removed,
                         guint              added,
                         ConsultClientRows *self)
{
  if (removed == 0 && position > self->n_items)
    return;

  if (removed == 0 && position == self->n_items)
    {
      self->n_items += added;
      g_list_model_items_changed (G_LIST_MODEL (self), position, 0, added);
    }
  else
    relabel (self, G_MAXUINT);
}

void
consult_client_rows_set_source (ConsultClientRows *self,
                                GListModel        *source,
                                guint              n_first)
{
  g_return_if_fail (CONSULT_IS_CLIENT_ROWS (self));
  g_return_if_fail (source == NULL || G_IS_LIST_MODEL (source));

  if (self->source != NULL)
    g_signal_handlers_disconnect_by_func (self->source, source_items_changed_cb, self);
  g_set_object (&self->source, source);
  if (source != NULL)
    g_signal_connect (source, "items-changed", G_CALLBACK (source_items_changed_cb), self);

  relabel (self, n_first);
}

gboolean
consult_client_rows_is_complete (ConsultClientRows *self)
{
  g_return_val_if_fail (CONSULT_IS_CLIENT_ROWS (self), TRUE);

  return self->source == NULL || self->n_items == g_list_model_get_n_items (self->source);
}

void
consult_client_rows_show_all (ConsultClientRows *self)
{
  guint old_n_items;

  g_return_if_fail (CONSULT_IS_CLIENT_ROWS (self));

  if (consult_client_rows_is_complete (self))
    return;

  old_n_items = self->n_items;
  self->n_items = g_list_model_get_n_items (self->source);
  g_list_model_items_changed (G_LIST_MODEL (self), old_n_items, 0, self->n_items - old_n_items);
}
