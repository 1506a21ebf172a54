/* consult-report-blocks.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-report"

#include "config.h"

#include <glib/gi18n.h>

#include "consult-report-private.h"

/* The pieces every part of the document is built from: items, blocks,
 * sections and captioned paragraphs. */

ReportItem *
_consult_report_text_item (ReportBuilder *b,
                           ReportStyle    style,
                           const char    *text,
                           double         width,
                           double         space_before)
{
  return _consult_report_item_new (REPORT_ITEM_TEXT, NULL, 0,
                                   _consult_report_layout_new (b->report, style, text, width),
                                   space_before);
}

/* A caption in a left column beside its text. */
ReportItem *
_consult_report_labelled_item (ReportBuilder *b,
                               const char    *label,
                               ReportStyle    label_style,
                               double         label_width,
                               ReportStyle    style,
                               const char    *text,
                               double         width,
                               double         space_before)
{
  PangoLayout *caption = NULL;

  if (label != NULL)
    caption = _consult_report_layout_new (b->report, label_style, label, label_width - 12);

  return _consult_report_item_new (REPORT_ITEM_TEXT, caption, label_width,
                                   _consult_report_layout_new (b->report, style, text, width - label_width),
                                   space_before);
}

ReportItem *
_consult_report_bullet_item (ReportBuilder *b,
                             const char    *text,
                             double         width,
                             double         space_before)
{
  ReportItem *item = _consult_report_item_new (REPORT_ITEM_TEXT, NULL, REPORT_BULLET_INDENT,
                                               _consult_report_layout_new (b->report, REPORT_STYLE_BODY,
                                                                           text, width - REPORT_BULLET_INDENT),
                                               space_before);

  item->bullet = TRUE;
  return item;
}

ReportBlock *
_consult_report_add_block (ReportBuilder *b,
                           const char    *title,
                           double         space_before)
{
  ReportBlock *block = _consult_report_block_new (title, space_before);

  g_ptr_array_add (b->blocks, block);
  return block;
}

void
_consult_report_add_section (ReportBuilder *b,
                             const char    *title)
{
  ReportBlock *block = _consult_report_add_block (b, NULL, REPORT_SECTION_SPACE);

  block->keep_with_next = TRUE;
  _consult_report_block_add (block,
                             _consult_report_item_new (REPORT_ITEM_SECTION, NULL, 0,
                                                       _consult_report_layout_new (b->report, REPORT_STYLE_SECTION,
                                                                                   title, b->width),
                                                       0));
}

/* Adds @text as paragraphs (one per line of @text), the first beside
 * @label: a long rationale can then be carried over to the next page
 * between paragraphs. */
void
_consult_report_add_paragraphs (ReportBuilder *b,
                                ReportBlock   *block,
                                const char    *label,
                                const char    *text,
                                double         space_before)
{
  g_auto (GStrv) paragraphs = g_strsplit (text, "\n", -1);
  gboolean first = TRUE;

  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_strstrip (paragraphs[i]);
      if (*paragraphs[i] == '\0')
        continue;

      _consult_report_block_add (block,
                                 _consult_report_labelled_item (b, first ? label : NULL, REPORT_STYLE_LABEL, REPORT_STEP_LABEL, REPORT_STYLE_BODY,
                                                                paragraphs[i], b->width, first ? space_before : REPORT_LINE_SPACE));
      first = FALSE;
    }
}

char *
_consult_report_builder_date (ReportBuilder *b,
                              const GDate   *date)
{
  return _consult_report_format_date (b->report, date, FALSE);
}

const char *
_consult_report_builder_name (ReportBuilder *b,
                              const char    *treatment)
{
  return _consult_report_treatment_name (b->report, treatment);
}

/* @stored (a reason the planner wrote from @rules' rationales) in the
 * report's language when it can be, as stored otherwise. */
char *
_consult_report_explained (ReportBuilder      *b,
                           const char         *stored,
                           const char * const *rules)
{
  char *translated = _consult_report_explain (b->report, stored, "", rules);

  return translated != NULL ? translated : g_strdup (_consult_report_known_text (b->report, stored));
}