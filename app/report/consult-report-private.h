/* consult-report-private.h
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pangocairo.h>

#include "consult-catalogue.h"
#include "consult-report.h"
#include "consult-translation.h"

G_BEGIN_DECLS

/* The document is a list of blocks; a block is a list of items.  A block
 * is never split across pages unless it is taller than a page, and then
 * only between items (paragraphs) — or, for one paragraph taller than a
 * page, between its lines — under a "continued" marker. */

typedef enum
{
  REPORT_STYLE_TITLE,
  REPORT_STYLE_SUBTITLE,
  REPORT_STYLE_SECTION,
  REPORT_STYLE_PHASE,
  REPORT_STYLE_STEP,
  REPORT_STYLE_BODY,
  REPORT_STYLE_BODY_STRONG,
  REPORT_STYLE_LABEL,
  REPORT_STYLE_META,
  REPORT_STYLE_CONTINUED,
  REPORT_STYLE_HEADER_NAME,
  REPORT_STYLE_HEADER_DETAIL,
  REPORT_STYLE_FOOTER,
  REPORT_N_STYLES,
} ReportStyle;

typedef enum
{
  REPORT_ITEM_TEXT,
  REPORT_ITEM_SECTION,     /* text with an accent rule below */
  REPORT_ITEM_SIGNATURES,  /* two signature lines, label and layout as captions */
} ReportItemKind;

typedef struct
{
  grefcount       ref_count;
  ReportItemKind  kind;
  double          space_before;
  /* An optional caption in a left column of @label_width points; the
   * layout then starts after it. */
  PangoLayout    *label;
  double          label_width;
  double          label_offset;  /* aligns the label's baseline with the text's */
  PangoLayout    *layout;
  double          indent;
  double          height;
  gboolean        bullet;
} ReportItem;

typedef struct
{
  GPtrArray *items;          /* of ReportItem */
  char      *title;          /* repeated under "continued" when split */
  double     space_before;
  gboolean   keep_with_next;
  gboolean   separator;      /* a hairline above the block */
  gboolean   panel;          /* a tinted panel behind the block */
} ReportBlock;

typedef struct
{
  ReportItem *item;
  double      y;
} ReportPlacement;

typedef enum
{
  REPORT_DECORATION_SEPARATOR,  /* a hairline at @top */
  REPORT_DECORATION_PANEL,      /* a tinted panel from @top to @bottom */
} ReportDecorationKind;

typedef struct
{
  double               top;
  double               bottom;
  ReportDecorationKind kind;
} ReportDecoration;

typedef struct
{
  GArray *placements;        /* of ReportPlacement */
  GArray *decorations;       /* of ReportDecoration */
} ReportPage;

typedef struct
{
  double width;
  double height;
  double margin_x;
  double header_top;
  double content_top;
  double content_bottom;
  double footer_top;
} ReportGeometry;

struct _ConsultReport
{
  GObject              parent_instance;

  ConsultPlan         *plan;
  ConsultTranslation  *translation;
  ConsultCatalogue    *catalogue;
  GHashTable          *catalogue_texts;   /* where -> msgid */
  GHashTable          *catalogue_msgids;  /* every msgid */

  char                *clinic_name;
  char                *clinic_address;
  char                *clinic_phone;
  cairo_surface_t     *logo;

  char                *client_name;
  GDate                date_of_birth;
  GDate                consultation_date;
  char                *consultant;
  char                *supervising_physician;

  ConsultReportStatus  status;
  char                *signed_by;
  GDateTime           *signed_at;

  /* Built by consult_report_paginate(). */
  PangoContext        *pango;
  ReportGeometry       geometry;
  GPtrArray           *blocks;         /* of ReportBlock */
  GPtrArray           *pages;          /* of ReportPage */
  PangoLayout         *header_name;
  PangoLayout         *header_detail;
  PangoLayout         *header_title;
  PangoLayout         *header_client;
  PangoLayout         *footer_note;
  PangoLayout         *watermark;
  double               logo_scale;
};

/* consult-report-style.c */
PangoLayout *_consult_report_layout_new       (ConsultReport  *self,
                                               ReportStyle     style,
                                               const char     *text,
                                               double          width);
void         _consult_report_set_source_style (cairo_t        *cr,
                                               ReportStyle     style);
void         _consult_report_set_source_rgb   (cairo_t        *cr,
                                               guint32         rgb);
const char  *_consult_report_tr               (ConsultReport  *self,
                                               const char     *msgid) G_GNUC_FORMAT (2);
const char  *_consult_report_trc              (ConsultReport  *self,
                                               const char     *context,
                                               const char     *msgid) G_GNUC_FORMAT (3);
char        *_consult_report_format_date      (ConsultReport  *self,
                                               const GDate    *date,
                                               gboolean        abbreviated);

/* Inner margin of a tinted panel; items inside one are indented by it. */
#define REPORT_PANEL_PADDING   9.0
/* Room left above a signature line for the signature itself. */
#define REPORT_SIGNATURE_SPACE 34.0

#define REPORT_COLOR_ACCENT    0x1f5f5b
#define REPORT_COLOR_TEXT      0x1e2326
#define REPORT_COLOR_MUTED     0x5f6b70
#define REPORT_COLOR_RULE      0xc9d3d2
#define REPORT_COLOR_PANEL     0xeef5f3
#define REPORT_COLOR_WATERMARK 0xd9605a

/* consult-report.c */
void         _consult_report_clear_layout      (ConsultReport  *self);

/* consult-report-texts.c */
const char  *_consult_report_treatment_msgid  (ConsultReport  *self,
                                               const char     *treatment,
                                               const char     *field);
const char  *_consult_report_treatment_text   (ConsultReport  *self,
                                               const char     *treatment,
                                               const char     *field);
const char  *_consult_report_treatment_name   (ConsultReport  *self,
                                               const char     *treatment);
const char  *_consult_report_known_text       (ConsultReport  *self,
                                               const char     *stored);
char        *_consult_report_explain          (ConsultReport      *self,
                                               const char         *stored,
                                               const char         *lead,
                                               const char * const *rules);

/* The document is built one block after another, @width points wide
 * (consult-report-blocks.c), by consult-report-content.c and, for the
 * phases and their steps, consult-report-schedule.c. */
typedef struct
{
  ConsultReport *report;
  GPtrArray     *blocks;
  double         width;
} ReportBuilder;

#define REPORT_SECTION_SPACE  24.0
#define REPORT_BLOCK_SPACE    14.0
#define REPORT_LINE_SPACE      5.0
#define REPORT_STEP_LABEL    126.0  /* the caption column of a step */
#define REPORT_DETAIL_LABEL  (REPORT_STEP_LABEL - REPORT_PANEL_PADDING)
#define REPORT_SCHEDULE_LABEL 168.0
#define REPORT_BULLET_INDENT  14.0

/* @msgid in the report's language. */
#define TR(builder, msgid) _consult_report_tr ((builder)->report, (msgid))

/* consult-report-content.c */
GPtrArray   *_consult_report_build_blocks     (ConsultReport  *self,
                                               double          width);

/* consult-report-blocks.c */
ReportItem  *_consult_report_text_item        (ReportBuilder  *b,
                                               ReportStyle     style,
                                               const char     *text,
                                               double          width,
                                               double          space_before);
ReportItem  *_consult_report_labelled_item    (ReportBuilder  *b,
                                               const char     *label,
                                               ReportStyle     label_style,
                                               double          label_width,
                                               ReportStyle     style,
                                               const char     *text,
                                               double          width,
                                               double          space_before);
ReportItem  *_consult_report_bullet_item      (ReportBuilder  *b,
                                               const char     *text,
                                               double          width,
                                               double          space_before);
ReportBlock *_consult_report_add_block        (ReportBuilder  *b,
                                               const char     *title,
                                               double          space_before);
void         _consult_report_add_section      (ReportBuilder  *b,
                                               const char     *title);
void         _consult_report_add_paragraphs   (ReportBuilder  *b,
                                               ReportBlock    *block,
                                               const char     *label,
                                               const char     *text,
                                               double          space_before);
char        *_consult_report_builder_date     (ReportBuilder  *b,
                                               const GDate    *date);
const char  *_consult_report_builder_name     (ReportBuilder  *b,
                                               const char     *treatment);
char        *_consult_report_explained        (ReportBuilder      *b,
                                               const char         *stored,
                                               const char * const *rules);

/* consult-report-schedule.c */
char        *_consult_report_session_text     (ReportBuilder          *b,
                                               const ConsultPlanStep  *step);
char        *_consult_report_phase_heading    (ReportBuilder          *b,
                                               const ConsultPlanPhase *phase);
void         _consult_report_add_schedule     (ReportBuilder  *b);
void         _consult_report_add_steps        (ReportBuilder  *b);

/* consult-report-paginate.c */
ReportItem  *_consult_report_item_new         (ReportItemKind  kind,
                                               PangoLayout    *label,
                                               double          label_width,
                                               PangoLayout    *layout,
                                               double          space_before);
ReportItem  *_consult_report_item_ref         (ReportItem     *item);
void         _consult_report_item_unref       (ReportItem     *item);
ReportBlock *_consult_report_block_new        (const char     *title,
                                               double          space_before);
void         _consult_report_block_free       (ReportBlock    *block);
void         _consult_report_block_add        (ReportBlock    *block,
                                               ReportItem     *item);
GPtrArray   *_consult_report_paginate_blocks  (ConsultReport  *self,
                                               GPtrArray      *blocks);
void         _consult_report_page_free        (ReportPage     *page);

/* consult-report-draw.c */
void         _consult_report_draw_furniture   (ConsultReport  *self,
                                               cairo_t        *cr,
                                               guint           page_nr);
void         _consult_report_draw_content     (ConsultReport  *self,
                                               cairo_t        *cr,
                                               ReportPage     *page);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReportItem, _consult_report_item_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReportBlock, _consult_report_block_free)

G_END_DECLS
