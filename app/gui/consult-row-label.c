/* consult-row-label.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-row-label"

#include "config.h"

#include "consult-row-label.h"

struct _ConsultRowLabel
{
  GtkWidget    parent_instance;

  char        *text;
  /* text at the allocated width: made when first drawn, kept across
   * redraws and reused for the next text */
  PangoLayout *layout;

  /* measured for the Pango context of this serial: a font, resolution
   * or font options change bumps it */
  guint        metrics_serial;
  int          line_height;
  int          ellipsis_width;
};

G_DEFINE_FINAL_TYPE (ConsultRowLabel, consult_row_label, GTK_TYPE_WIDGET)

/* The height of one line and the width of an ellipsis are those GtkLabel
 * gives a single ellipsized line, without laying out the text itself. */
static void
ensure_metrics (ConsultRowLabel *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  g_autoptr (PangoLayout) layout = NULL;
  PangoRectangle logical;

  if (self->line_height > 0 && self->metrics_serial == pango_context_get_serial (context))
    return;

  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), "…");
  pango_layout_get_extents (layout, NULL, &logical);
  self->line_height = PANGO_PIXELS_CEIL (logical.height);
  self->ellipsis_width = PANGO_PIXELS_CEIL (logical.width);
  self->metrics_serial = pango_context_get_serial (context);
}

static GtkSizeRequestMode
consult_row_label_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

/* The natural width is the minimum: the list gives its rows their width,
 * and a natural width from the text would have to be measured again at
 * every new text. */
static void
consult_row_label_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  ConsultRowLabel *self = CONSULT_ROW_LABEL (widget);

  ensure_metrics (self);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = self->ellipsis_width;
  else
    *minimum = *natural = self->line_height;
}

static void
consult_row_label_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  ConsultRowLabel *self = CONSULT_ROW_LABEL (widget);

  if (self->text == NULL || self->text[0] == '\0')
    return;

  if (self->layout == NULL)
    {
      self->layout = gtk_widget_create_pango_layout (widget, self->text);
      pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_single_paragraph_mode (self->layout, TRUE);
    }
  /* Pango lays the text out again only when the width changed. */
  pango_layout_set_width (self->layout, gtk_widget_get_width (widget) * PANGO_SCALE);
  gtk_snapshot_render_layout (snapshot, gtk_widget_get_style_context (widget), 0, 0, self->layout);
}

static void
consult_row_label_finalize (GObject *object)
{
  ConsultRowLabel *self = CONSULT_ROW_LABEL (object);

  g_clear_object (&self->layout);
  g_free (self->text);

  G_OBJECT_CLASS (consult_row_label_parent_class)->finalize (object);
}

static void
consult_row_label_class_init (ConsultRowLabelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = consult_row_label_finalize;
  widget_class->get_request_mode = consult_row_label_get_request_mode;
  widget_class->measure = consult_row_label_measure;
  widget_class->snapshot = consult_row_label_snapshot;

  /* Styled like the labels it replaces: the theme's label rules and the
   * .dim-label and .caption classes apply. */
  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
consult_row_label_init (ConsultRowLabel *self)
{
}

GtkWidget *
consult_row_label_new (void)
{
  return g_object_new (CONSULT_TYPE_ROW_LABEL, NULL);
}

void
consult_row_label_set_text (ConsultRowLabel *self,
                            const char      *text)
{
  g_return_if_fail (CONSULT_IS_ROW_LABEL (self));

  if (text == NULL)
    text = "";
  if (g_strcmp0 (self->text, text) == 0)
    return;

  g_free (self->text);
  self->text = g_strdup (text);
  if (self->layout != NULL)
    pango_layout_set_text (self->layout, self->text, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, self->text, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
