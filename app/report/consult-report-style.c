/* consult-report-style.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-report"

#include "config.h"

#include <glib/gi18n.h>

#include "consult-report-private.h"

/* DejaVu is what every Debian system has; Cantarell only stands in where
 * DejaVu is missing, so the same plan paginates the same way everywhere
 * the project is supported. */
#define FAMILY "DejaVu Sans, Cantarell, sans-serif"

typedef struct
{
  const char *font;
  guint32     color;
  double      line_spacing;
} StyleSpec;

static const StyleSpec styles[REPORT_N_STYLES] = {
  [REPORT_STYLE_TITLE]         = { FAMILY " Bold 18",     REPORT_COLOR_ACCENT, 1.0 },
  [REPORT_STYLE_SUBTITLE]      = { FAMILY " 10",          REPORT_COLOR_MUTED,  1.2 },
  [REPORT_STYLE_SECTION]       = { FAMILY " Bold 12.5",   REPORT_COLOR_ACCENT, 1.0 },
  [REPORT_STYLE_PHASE]         = { FAMILY " Bold 10",     REPORT_COLOR_TEXT,   1.15 },
  [REPORT_STYLE_STEP]          = { FAMILY " Bold 10.5",   REPORT_COLOR_TEXT,   1.1 },
  [REPORT_STYLE_BODY]          = { FAMILY " 9",           REPORT_COLOR_TEXT,   1.3 },
  [REPORT_STYLE_BODY_STRONG]   = { FAMILY " Bold 9",      REPORT_COLOR_TEXT,   1.3 },
  [REPORT_STYLE_LABEL]         = { FAMILY " Bold 8",      REPORT_COLOR_MUTED,  1.3 },
  [REPORT_STYLE_META]          = { FAMILY " 8.5",         REPORT_COLOR_MUTED,  1.25 },
  [REPORT_STYLE_CONTINUED]     = { FAMILY " Oblique 8",   REPORT_COLOR_MUTED,  1.0 },
  [REPORT_STYLE_HEADER_NAME]   = { FAMILY " Bold 11",     REPORT_COLOR_ACCENT, 1.0 },
  [REPORT_STYLE_HEADER_DETAIL] = { FAMILY " 7.5",         REPORT_COLOR_MUTED,  1.2 },
  [REPORT_STYLE_FOOTER]        = { FAMILY " 7",           REPORT_COLOR_MUTED,  1.25 },
};

void
_consult_report_set_source_rgb (cairo_t *cr,
                                guint32  rgb)
{
  cairo_set_source_rgb (cr,
                        ((rgb >> 16) & 0xff) / 255.0,
                        ((rgb >> 8) & 0xff) / 255.0,
                        (rgb & 0xff) / 255.0);
}

void
_consult_report_set_source_style (cairo_t     *cr,
                                  ReportStyle  style)
{
  g_assert (style < REPORT_N_STYLES);

  _consult_report_set_source_rgb (cr, styles[style].color);
}

/* A wrapped layout of @text, @width points wide; a negative @width gives
 * one line ellipsized at -@width points (a header that must never wrap),
 * 0 a layout as wide as its text. */
PangoLayout *
_consult_report_layout_new (ConsultReport *self,
                            ReportStyle    style,
                            const char    *text,
                            double         width)
{
  PangoLayout *layout;
  PangoFontDescription *font;
  PangoAttrList *attributes;
  guint32 color;

  g_assert (CONSULT_IS_REPORT (self));
  g_assert (style < REPORT_N_STYLES);
  g_assert (self->pango != NULL);

  color = styles[style].color;
  layout = pango_layout_new (self->pango);
  font = pango_font_description_from_string (styles[style].font);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  attributes = pango_attr_list_new ();
  pango_attr_list_insert (attributes,
                          pango_attr_foreground_new (((color >> 16) & 0xff) * 257,
                                                     ((color >> 8) & 0xff) * 257,
                                                     (color & 0xff) * 257));
  pango_layout_set_attributes (layout, attributes);
  pango_attr_list_unref (attributes);

  if (width > 0)
    {
      pango_layout_set_width (layout, pango_units_from_double (width));
      /* Names and words longer than a line (a 60-letter surname) break
       * between characters rather than run off the page. */
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  else if (width < 0)
    {
      pango_layout_set_width (layout, pango_units_from_double (-width));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_single_paragraph_mode (layout, TRUE);
    }

  pango_layout_set_line_spacing (layout, styles[style].line_spacing);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);

  return layout;
}

const char *
_consult_report_tr (ConsultReport *self,
                    const char    *msgid)
{
  return consult_translation_gettext (self->translation, msgid);
}

const char *
_consult_report_trc (ConsultReport *self,
                     const char    *context,
                     const char    *msgid)
{
  return consult_translation_pgettext (self->translation, context, msgid);
}

static const char * const month_names[] = {
  NC_("month name", "January"), NC_("month name", "February"),
  NC_("month name", "March"), NC_("month name", "April"),
  NC_("month name", "May"), NC_("month name", "June"),
  NC_("month name", "July"), NC_("month name", "August"),
  NC_("month name", "September"), NC_("month name", "October"),
  NC_("month name", "November"), NC_("month name", "December"),
};

static const char * const month_abbreviations[] = {
  NC_("abbreviated month", "Jan"), NC_("abbreviated month", "Feb"),
  NC_("abbreviated month", "Mar"), NC_("abbreviated month", "Apr"),
  NC_("abbreviated month", "May"), NC_("abbreviated month", "Jun"),
  NC_("abbreviated month", "Jul"), NC_("abbreviated month", "Aug"),
  NC_("abbreviated month", "Sep"), NC_("abbreviated month", "Oct"),
  NC_("abbreviated month", "Nov"), NC_("abbreviated month", "Dec"),
};

/* Month names come from the report's own translation, never from the
 * process locale (strftime), so a Spanish summary says "noviembre" on an
 * English desktop. */
char *
_consult_report_format_date (ConsultReport *self,
                             const GDate   *date,
                             gboolean       abbreviated)
{
  guint month;
  const char *name;

  g_assert (CONSULT_IS_REPORT (self));

  if (date == NULL || !g_date_valid (date))
    return g_strdup ("—");

  month = g_date_get_month (date) - 1;
  if (abbreviated)
    name = _consult_report_trc (self, "abbreviated month", month_abbreviations[month]);
  else
    name = _consult_report_trc (self, "month name", month_names[month]);

  if (abbreviated)
    /* TRANSLATORS: a short date in a list of session dates: the day, the
     * abbreviated month and the year, as in "23 Nov 2026"; reorder with
     * %1$u, %2$s, %3$u */
    return g_strdup_printf (_consult_report_trc (self, "abbreviated date", NC_("abbreviated date", "%1$u %2$s %3$u")),
                            (guint) g_date_get_day (date), name,
                            (guint) g_date_get_year (date));

  /* TRANSLATORS: a date: the day of the month, the month's name and the
   * year, as in "23 November 2026"; reorder with %1$u, %2$s, %3$u */
  return g_strdup_printf (_consult_report_tr (self, N_("%1$u %2$s %3$u")),
                          (guint) g_date_get_day (date), name,
                          (guint) g_date_get_year (date));
}
