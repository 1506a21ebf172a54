/* consult-report-draw.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-report"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "consult-report-private.h"

#define HAIRLINE        0.5
#define RULE            0.9
#define SIGNATURE_GAP   36.0
#define PANEL_RADIUS    4.0

static void
show_layout (cairo_t     *cr,
             PangoLayout *layout,
             double       x,
             double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_line (cairo_t *cr,
           double   x1,
           double   y,
           double   x2,
           double   width,
           guint32  color)
{
  _consult_report_set_source_rgb (cr, color);
  cairo_set_line_width (cr, width);
  cairo_move_to (cr, x1, y);
  cairo_line_to (cr, x2, y);
  cairo_stroke (cr);
}

static double
layout_width (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);

  return pango_units_to_double (logical.x + logical.width);
}

static double
layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);

  return pango_units_to_double (logical.height);
}

/* Diagonal and translucent over the page, so a draft can be read but
 * never passes for the signed plan. */
static void
draw_watermark (ConsultReport *self,
                cairo_t       *cr)
{
  const ReportGeometry *geometry = &self->geometry;
  double angle = atan2 (geometry->height, geometry->width);
  double diagonal = hypot (geometry->width, geometry->height);
  double text_width = layout_width (self->watermark);
  double scale = 0.62 * diagonal / MAX (text_width, 1);

  cairo_save (cr);
  cairo_translate (cr, geometry->width / 2, geometry->height / 2);
  cairo_rotate (cr, -angle);
  cairo_scale (cr, scale, scale);
  cairo_move_to (cr, -text_width / 2, -layout_height (self->watermark) / 2);
  /* As outlines, not text: copying from the PDF or reading it aloud
   * must not interleave the mark's letters with the plan. */
  pango_cairo_layout_path (cr, self->watermark);
  cairo_set_source_rgba (cr, ((REPORT_COLOR_WATERMARK >> 16) & 0xff) / 255.0,
                         ((REPORT_COLOR_WATERMARK >> 8) & 0xff) / 255.0,
                         (REPORT_COLOR_WATERMARK & 0xff) / 255.0, 0.11);
  cairo_fill (cr);
  cairo_restore (cr);
}

static double
draw_logo (ConsultReport *self,
           cairo_t       *cr)
{
  const ReportGeometry *geometry = &self->geometry;
  double width;

  if (self->logo == NULL)
    return 0;

  width = cairo_image_surface_get_width (self->logo) * self->logo_scale;

  cairo_save (cr);
  cairo_translate (cr, geometry->margin_x, geometry->header_top);
  cairo_scale (cr, self->logo_scale, self->logo_scale);
  cairo_set_source_surface (cr, self->logo, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
  cairo_paint (cr);
  cairo_restore (cr);

  return width + 10;
}

void
_consult_report_draw_furniture (ConsultReport *self,
                                cairo_t       *cr,
                                guint          page_nr)
{
  const ReportGeometry *geometry = &self->geometry;
  double left = geometry->margin_x;
  double right = geometry->width - geometry->margin_x;
  double text_x;
  g_autofree char *page_text = NULL;
  g_autoptr (PangoLayout) page_layout = NULL;

  if (self->watermark != NULL)
    draw_watermark (self, cr);

  text_x = left + draw_logo (self, cr);
  show_layout (cr, self->header_name, text_x, geometry->header_top);
  show_layout (cr, self->header_detail, text_x,
               geometry->header_top + layout_height (self->header_name) + 2);
  show_layout (cr, self->header_title, right - pango_units_to_double (pango_layout_get_width (self->header_title)),
               geometry->header_top + 1);
  show_layout (cr, self->header_client, right - pango_units_to_double (pango_layout_get_width (self->header_client)),
               geometry->header_top + layout_height (self->header_title) + 3);
  draw_line (cr, left, geometry->content_top - 16, right, RULE, REPORT_COLOR_ACCENT);

  draw_line (cr, left, geometry->footer_top - 7, right, HAIRLINE, REPORT_COLOR_RULE);
  show_layout (cr, self->footer_note, left, geometry->footer_top);

  /* TRANSLATORS: in each page's footer */
  page_text = g_strdup_printf (_consult_report_tr (self, N_("Page %1$u of %2$u")),
                               page_nr + 1, self->pages->len);
  page_layout = _consult_report_layout_new (self, REPORT_STYLE_META, page_text, 0);
  show_layout (cr, page_layout, right - layout_width (page_layout), geometry->footer_top);
}

static void
draw_panel (cairo_t *cr,
            double   x,
            double   y,
            double   width,
            double   height)
{
  double r = PANEL_RADIUS;

  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + width - r, y + height - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + height - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
  _consult_report_set_source_rgb (cr, REPORT_COLOR_PANEL);
  cairo_fill (cr);
}

static void
draw_item (ConsultReport    *self,
           cairo_t          *cr,
           const ReportItem *item,
           double            y)
{
  const ReportGeometry *geometry = &self->geometry;
  double x = geometry->margin_x + item->indent;
  double right = geometry->width - geometry->margin_x;

  if (item->kind == REPORT_ITEM_SIGNATURES)
    {
      double column = (right - x - SIGNATURE_GAP) / 2;
      double line_y = y + REPORT_SIGNATURE_SPACE;

      draw_line (cr, x, line_y, x + column, RULE, REPORT_COLOR_TEXT);
      draw_line (cr, x + column + SIGNATURE_GAP, line_y, right, RULE, REPORT_COLOR_TEXT);
      show_layout (cr, item->label, x, line_y + 4);
      show_layout (cr, item->layout, x + column + SIGNATURE_GAP, line_y + 4);
      return;
    }

  if (item->label != NULL)
    show_layout (cr, item->label, x, y + item->label_offset);

  if (item->layout != NULL)
    show_layout (cr, item->layout, x + item->label_width, y);

  if (item->bullet)
    {
      PangoLayoutIter *iter = pango_layout_get_iter (item->layout);
      double baseline = pango_units_to_double (pango_layout_iter_get_baseline (iter));

      pango_layout_iter_free (iter);
      _consult_report_set_source_rgb (cr, REPORT_COLOR_ACCENT);
      cairo_arc (cr, x + item->label_width - 7.5, y + baseline - 3, 1.6, 0, 2 * G_PI);
      cairo_fill (cr);
    }

  if (item->kind == REPORT_ITEM_SECTION)
    draw_line (cr, x, y + item->height - 1, right, HAIRLINE, REPORT_COLOR_ACCENT);
}

void
_consult_report_draw_content (ConsultReport *self,
                              cairo_t       *cr,
                              ReportPage    *page)
{
  const ReportGeometry *geometry = &self->geometry;
  double left = geometry->margin_x;
  double width = geometry->width - 2 * geometry->margin_x;

  for (guint i = 0; i < page->decorations->len; i++)
    {
      const ReportDecoration *decoration = &g_array_index (page->decorations, ReportDecoration, i);

      if (decoration->kind == REPORT_DECORATION_PANEL)
        draw_panel (cr, left, decoration->top, width, decoration->bottom - decoration->top);
      else
        draw_line (cr, left, decoration->top, left + width, HAIRLINE, REPORT_COLOR_RULE);
    }

  for (guint i = 0; i < page->placements->len; i++)
    {
      const ReportPlacement *placement = &g_array_index (page->placements, ReportPlacement, i);

      draw_item (self, cr, placement->item, placement->y);
    }
}
