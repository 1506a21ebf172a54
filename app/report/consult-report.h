/* consult-report.h
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "consult-catalogue.h"
#include "consult-intake.h"
#include "consult-plan.h"
#include "consult-report-error.h"

G_BEGIN_DECLS

/* Page sizes in points (1/72 inch). */
#define CONSULT_REPORT_A4_WIDTH      595.2756
#define CONSULT_REPORT_A4_HEIGHT     841.8898
#define CONSULT_REPORT_LETTER_WIDTH  612.0
#define CONSULT_REPORT_LETTER_HEIGHT 792.0

/* The clinic's letterhead, filled by the caller (the GUI and the CLI read
 * it from GSettings); the report copies the strings. */
typedef struct
{
  const char *name;
  const char *address;    /* lines separated by newlines */
  const char *phone;
  const char *logo_path;  /* a PNG file; NULL or "" for none */
} ConsultReportClinic;

typedef enum
{
  CONSULT_REPORT_STATUS_DRAFT,
  CONSULT_REPORT_STATUS_SIGNED,
  CONSULT_REPORT_STATUS_SUPERSEDED,
} ConsultReportStatus;

/* A rectangle on a page, in points from the page's top-left corner. */
typedef struct
{
  double x;
  double y;
  double width;
  double height;
} ConsultReportBox;

#define CONSULT_TYPE_REPORT (consult_report_get_type ())

G_DECLARE_FINAL_TYPE (ConsultReport, consult_report, CONSULT, REPORT, GObject)

/* The patient's plan summary, laid out once with Cairo and Pango for both
 * printing and PDF export.  Fill it in, consult_report_paginate() for a
 * page size, then draw any page on any cairo_t, or export a PDF.  Every
 * setter discards an earlier pagination.  A report is used by one thread
 * at a time, and is drawn in the thread that laid it out: Pango's fonts
 * belong to a thread (consult_report_export_pdf_async() takes care of
 * that for a PDF written in the background).
 *
 * @language is the client's preferred language (BCP 47): headings and
 * treatment texts are printed in it when a translation exists, English
 * otherwise, whatever the process locale. */
ConsultReport *consult_report_new                   (ConsultPlan                *plan,
                                                     const char                 *language);

/* Treatment names and texts (what it is, what to expect, preparation,
 * aftercare) come from @catalogue; without one, a treatment goes by its
 * interchange id. */
void           consult_report_set_catalogue         (ConsultReport              *self,
                                                     ConsultCatalogue           *catalogue);
void           consult_report_set_clinic            (ConsultReport              *self,
                                                     const ConsultReportClinic  *clinic);
void           consult_report_set_client            (ConsultReport              *self,
                                                     const char                 *name,
                                                     const GDate                *date_of_birth);
void           consult_report_set_consultation_date (ConsultReport              *self,
                                                     const GDate                *date);
/* The client's name, date of birth and the consultation date, from the
 * intake the plan was made from. */
void           consult_report_set_intake            (ConsultReport              *self,
                                                     ConsultIntake              *intake);
void           consult_report_set_staff             (ConsultReport              *self,
                                                     const char                 *consultant,
                                                     const char                 *supervising_physician);
/* @signed_by and @signed_at describe the signature of a signed (or
 * superseded) version; a draft carries a "DRAFT" watermark. */
void           consult_report_set_status            (ConsultReport              *self,
                                                     ConsultReportStatus         status,
                                                     const char                 *signed_by,
                                                     GDateTime                  *signed_at);

/* The language the summary is actually printed in ("es", or "en"). */
const char    *consult_report_get_language          (ConsultReport              *self);

/* Lays the summary out on pages of @page_width x @page_height points.
 * For a GtkPrintOperation: set use-full-page and unit GTK_UNIT_POINTS,
 * call this in ::begin-print with gtk_print_context_get_width() and
 * _get_height() (the page setup's paper, margins included: the summary
 * keeps its own), set n-pages, and call consult_report_draw_page() with
 * the context's cairo_t in ::draw-page.  Fails on a page too small to
 * hold it. */
gboolean       consult_report_paginate              (ConsultReport              *self,
                                                     double                      page_width,
                                                     double                      page_height,
                                                     GError                    **error);
guint          consult_report_get_n_pages           (ConsultReport              *self);
void           consult_report_draw_page             (ConsultReport              *self,
                                                     cairo_t                    *cr,
                                                     guint                       page_nr);

/* Writes every page to @path (paginated as A4 unless paginated before)
 * through a temporary file renamed over @path, so a failure leaves no
 * partial PDF behind. */
gboolean       consult_report_export_pdf            (ConsultReport              *self,
                                                     const char                 *path,
                                                     GError                    **error);

/* The same in a worker thread (GTask), laid out there afresh for
 * @page_width x @page_height points: nothing may use @self until
 * @callback runs, and it is left without a layout (paginate again to
 * print it). */
void           consult_report_export_pdf_async      (ConsultReport              *self,
                                                     const char                 *path,
                                                     double                      page_width,
                                                     double                      page_height,
                                                     GCancellable               *cancellable,
                                                     GAsyncReadyCallback         callback,
                                                     gpointer                    user_data);
gboolean       consult_report_export_pdf_finish     (ConsultReport              *self,
                                                     GAsyncResult               *result,
                                                     GError                    **error);

/* Geometry, for tests and previews: the area between the running header
 * and the footer, and the box of every text block placed on @page_nr (an
 * array of ConsultReportBox). */
void           consult_report_get_content_area      (ConsultReport              *self,
                                                     ConsultReportBox           *area);
GArray        *consult_report_get_text_boxes        (ConsultReport              *self,
                                                     guint                       page_nr);

G_END_DECLS
