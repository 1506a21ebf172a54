/* consult-report-paginate.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-report"

#include "config.h"

#include <glib/gi18n.h>

#include "consult-report-private.h"

#define SECTION_RULE_GAP    5.0
#define CONTINUED_GAP       4.0

static double
layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  if (layout == NULL)
    return 0;

  pango_layout_get_extents (layout, NULL, &logical);

  return pango_units_to_double (logical.height);
}

static double
first_baseline (PangoLayout *layout)
{
  return pango_units_to_double (pango_layout_get_baseline (layout));
}

static void
item_measure (ReportItem *item)
{
  double label;
  double text = layout_height (item->layout);

  if (item->kind == REPORT_ITEM_TEXT && item->label != NULL && item->layout != NULL)
    item->label_offset = MAX (0, first_baseline (item->layout) - first_baseline (item->label));

  label = item->label_offset + layout_height (item->label);

  switch (item->kind)
    {
    case REPORT_ITEM_SECTION:
      item->height = text + SECTION_RULE_GAP + 1;
      break;

    case REPORT_ITEM_SIGNATURES:
      item->height = REPORT_SIGNATURE_SPACE + 4 + MAX (label, text);
      break;

    case REPORT_ITEM_TEXT:
    default:
      item->height = MAX (label, text);
      break;
    }
}

ReportItem *
_consult_report_item_new (ReportItemKind  kind,
                          PangoLayout    *label,
                          double          label_width,
                          PangoLayout    *layout,
                          double          space_before)
{
  ReportItem *item = g_new0 (ReportItem, 1);

  g_ref_count_init (&item->ref_count);
  item->kind = kind;
  item->label = label;
  item->label_width = label_width;
  item->layout = layout;
  item->space_before = space_before;
  item_measure (item);

  return item;
}

ReportItem *
_consult_report_item_ref (ReportItem *item)
{
  g_ref_count_inc (&item->ref_count);

  return item;
}

void
_consult_report_item_unref (ReportItem *item)
{
  if (!g_ref_count_dec (&item->ref_count))
    return;

  g_clear_object (&item->label);
  g_clear_object (&item->layout);
  g_free (item);
}

ReportBlock *
_consult_report_block_new (const char *title,
                           double      space_before)
{
  ReportBlock *block = g_new0 (ReportBlock, 1);

  block->items = g_ptr_array_new_with_free_func ((GDestroyNotify) _consult_report_item_unref);
  block->title = g_strdup (title);
  block->space_before = space_before;

  return block;
}

void
_consult_report_block_free (ReportBlock *block)
{
  g_ptr_array_unref (block->items);
  g_free (block->title);
  g_free (block);
}

void
_consult_report_block_add (ReportBlock *block,
                           ReportItem  *item)
{
  g_ptr_array_add (block->items, item);
}

void
_consult_report_page_free (ReportPage *page)
{
  for (guint i = 0; i < page->placements->len; i++)
    _consult_report_item_unref (g_array_index (page->placements, ReportPlacement, i).item);

  g_array_unref (page->placements);
  g_array_unref (page->decorations);
  g_free (page);
}

static double
block_padding (const ReportBlock *block)
{
  return block->panel ? REPORT_PANEL_PADDING : 0;
}

static double
block_height (const ReportBlock *block)
{
  double height = 2 * block_padding (block);

  for (guint i = 0; i < block->items->len; i++)
    {
      const ReportItem *item = g_ptr_array_index (block->items, i);

      height += (i > 0 ? item->space_before : 0) + item->height;
    }

  return height;
}

typedef struct
{
  ConsultReport *report;
  GPtrArray     *pages;
  ReportPage    *page;
  double         y;
  gboolean       empty;
} Paginator;

static void
start_page (Paginator *p)
{
  p->page = g_new0 (ReportPage, 1);
  p->page->placements = g_array_new (FALSE, FALSE, sizeof (ReportPlacement));
  p->page->decorations = g_array_new (FALSE, FALSE, sizeof (ReportDecoration));
  g_ptr_array_add (p->pages, p->page);
  p->y = p->report->geometry.content_top;
  p->empty = TRUE;
}

static void
place_item (Paginator  *p,
            ReportItem *item,
            gboolean    keep_space)
{
  ReportPlacement placement;

  if (keep_space && !p->empty)
    p->y += item->space_before;

  placement.item = _consult_report_item_ref (item);
  placement.y = p->y;
  g_array_append_val (p->page->placements, placement);
  p->y += item->height;
  p->empty = FALSE;
}

static void
add_decoration (Paginator            *p,
                ReportDecorationKind  kind,
                double                top,
                double                bottom)
{
  ReportDecoration decoration = { top, bottom, kind };

  g_array_append_val (p->page->decorations, decoration);
}

/* Starts a new page under a "continued" line naming @block. */
static void
continue_on_new_page (Paginator   *p,
                      ReportBlock *block)
{
  ConsultReport *self = p->report;
  g_autofree char *text = NULL;
  g_autoptr (ReportItem) marker = NULL;
  double width = self->geometry.width - 2 * self->geometry.margin_x;

  start_page (p);

  if (block->title != NULL)
    /* TRANSLATORS: above the rest of a block that did not fit on the
     * previous page; %s is its title, such as a treatment's name */
    text = g_strdup_printf (_consult_report_tr (self, N_("%s (continued)")), block->title);
  else
    text = g_strdup (_consult_report_tr (self, N_("(continued)")));

  marker = _consult_report_item_new (REPORT_ITEM_TEXT, NULL, 0,
                                     _consult_report_layout_new (self, REPORT_STYLE_CONTINUED, text, width),
                                     0);
  place_item (p, marker, FALSE);
  p->y += CONTINUED_GAP;
}

/* Cuts @item after its last line that ends within @avail points.
 * Returns NULL when not even its first line fits. */
static ReportItem *
split_item (ReportItem  *item,
            double       avail,
            ReportItem **tail)
{
  PangoLayoutIter *iter;
  const char *text;
  int split = -1;
  g_autofree char *head_text = NULL;
  PangoLayout *head_layout;
  PangoLayout *tail_layout;

  g_assert (item->layout != NULL);

  iter = pango_layout_get_iter (item->layout);
  do
    {
      int top;
      int bottom;

      pango_layout_iter_get_line_yrange (iter, &top, &bottom);
      if (pango_units_to_double (bottom) > avail)
        {
          split = pango_layout_iter_get_line_readonly (iter)->start_index;
          break;
        }
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  if (split <= 0)
    return NULL;

  text = pango_layout_get_text (item->layout);
  /* Without the space the line broke at, which would otherwise count in
   * the head's width now that it is its last line. */
  head_text = g_strchomp (g_strndup (text, split));

  head_layout = pango_layout_copy (item->layout);
  pango_layout_set_text (head_layout, head_text, -1);
  tail_layout = pango_layout_copy (item->layout);
  pango_layout_set_text (tail_layout, text + split, -1);

  *tail = _consult_report_item_new (item->kind, NULL, item->label_width, tail_layout, 0);
  (*tail)->indent = item->indent;

  {
    ReportItem *head = _consult_report_item_new (item->kind,
                                                 item->label != NULL ? g_object_ref (item->label) : NULL,
                                                 item->label_width, head_layout,
                                                 item->space_before);
    head->indent = item->indent;
    head->bullet = item->bullet;
    return head;
  }
}

/* A block taller than a page: items go on one by one, a new page (under
 * a "continued" line) taking the first item that does not fit; a single
 * paragraph taller than a page is cut between lines. */
static void
place_block_split (Paginator   *p,
                   ReportBlock *block)
{
  const ReportGeometry *geometry = &p->report->geometry;
  double pad = block_padding (block);
  double fragment_top = p->y;

  p->y += pad;

  for (guint i = 0; i < block->items->len; i++)
    {
      g_autoptr (ReportItem) item = _consult_report_item_ref (g_ptr_array_index (block->items, i));

      while (item != NULL)
        {
          double space = p->empty ? 0 : item->space_before;
          double avail = geometry->content_bottom - pad - p->y - space;
          g_autoptr (ReportItem) head = NULL;
          ReportItem *tail = NULL;

          if (item->height <= avail)
            {
              place_item (p, item, TRUE);
              g_clear_pointer (&item, _consult_report_item_unref);
              break;
            }

          if (item->kind == REPORT_ITEM_TEXT && item->layout != NULL &&
              item->height > geometry->content_bottom - geometry->content_top - 2 * pad - 24)
            head = split_item (item, avail, &tail);

          if (head != NULL)
            {
              place_item (p, head, TRUE);
              g_clear_pointer (&item, _consult_report_item_unref);
              item = tail;
            }
          else if (p->empty)
            {
              /* Cannot happen with the minimum page size paginate()
               * enforces; placing it anyway guarantees progress. */
              place_item (p, item, TRUE);
              g_clear_pointer (&item, _consult_report_item_unref);
              break;
            }

          if (block->panel)
            add_decoration (p, REPORT_DECORATION_PANEL, fragment_top, p->y + pad);
          continue_on_new_page (p, block);
          fragment_top = p->y;
          p->y += pad;
        }
    }

  p->y += pad;
  if (block->panel)
    add_decoration (p, REPORT_DECORATION_PANEL, fragment_top, p->y);
}

static void
place_block (Paginator   *p,
             ReportBlock *block,
             ReportBlock *next)
{
  const ReportGeometry *geometry = &p->report->geometry;
  double page_height = geometry->content_bottom - geometry->content_top;
  double height = block_height (block);
  double need = height;
  double space = p->empty ? 0 : block->space_before;
  double top;

  /* A heading goes with the start of what it introduces. */
  if (block->keep_with_next && next != NULL && next->items->len > 0)
    {
      double next_height = block_height (next);

      if (next_height > page_height - height - next->space_before)
        next_height = ((ReportItem *) g_ptr_array_index (next->items, 0))->height +
                      2 * block_padding (next);
      need += next->space_before + next_height;
    }

  if (!p->empty && p->y + space + need > geometry->content_bottom)
    {
      start_page (p);
      space = 0;
    }

  p->y += space;
  top = p->y;

  if (block->separator && !p->empty)
    add_decoration (p, REPORT_DECORATION_SEPARATOR, top - space / 2, top - space / 2);

  if (height > geometry->content_bottom - p->y)
    {
      place_block_split (p, block);
      return;
    }

  p->y += block_padding (block);
  for (guint i = 0; i < block->items->len; i++)
    place_item (p, g_ptr_array_index (block->items, i), i > 0);
  p->y += block_padding (block);

  if (block->panel)
    add_decoration (p, REPORT_DECORATION_PANEL, top, p->y);
}

GPtrArray *
_consult_report_paginate_blocks (ConsultReport *self,
                                 GPtrArray     *blocks)
{
  Paginator p = { self, NULL, NULL, 0, TRUE };

  g_assert (CONSULT_IS_REPORT (self));

  p.pages = g_ptr_array_new_with_free_func ((GDestroyNotify) _consult_report_page_free);
  start_page (&p);

  for (guint i = 0; i < blocks->len; i++)
    place_block (&p, g_ptr_array_index (blocks, i),
                 i + 1 < blocks->len ? g_ptr_array_index (blocks, i + 1) : NULL);

  return p.pages;
}
