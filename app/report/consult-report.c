/* consult-report.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-report"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "consult-report-private.h"

#define MARGIN_X          54.0
#define HEADER_TOP        36.0
#define HEADER_RULE_GAP   10.0
#define CONTENT_GAP       16.0
#define FOOTER_BOTTOM     34.0
#define FOOTER_RULE_GAP   7.0
#define PAGE_NUMBER_ROOM  80.0
#define LOGO_MAX_HEIGHT   40.0
#define LOGO_MAX_WIDTH    110.0
#define MIN_CONTENT       240.0

G_DEFINE_FINAL_TYPE (ConsultReport, consult_report, G_TYPE_OBJECT)

void
_consult_report_clear_layout (ConsultReport *self)
{
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_object (&self->header_name);
  g_clear_object (&self->header_detail);
  g_clear_object (&self->header_title);
  g_clear_object (&self->header_client);
  g_clear_object (&self->footer_note);
  g_clear_object (&self->watermark);
  g_clear_object (&self->pango);
}

static void
consult_report_finalize (GObject *object)
{
  ConsultReport *self = (ConsultReport *) object;

  _consult_report_clear_layout (self);
  g_clear_object (&self->plan);
  g_clear_object (&self->translation);
  g_clear_object (&self->catalogue);
  g_clear_pointer (&self->catalogue_texts, g_hash_table_unref);
  g_clear_pointer (&self->catalogue_msgids, g_hash_table_unref);
  g_clear_pointer (&self->clinic_name, g_free);
  g_clear_pointer (&self->clinic_address, g_free);
  g_clear_pointer (&self->clinic_phone, g_free);
  g_clear_pointer (&self->logo, cairo_surface_destroy);
  g_clear_pointer (&self->client_name, g_free);
  g_clear_pointer (&self->consultant, g_free);
  g_clear_pointer (&self->supervising_physician, g_free);
  g_clear_pointer (&self->signed_by, g_free);
  g_clear_pointer (&self->signed_at, g_date_time_unref);

  G_OBJECT_CLASS (consult_report_parent_class)->finalize (object);
}

static void
consult_report_class_init (ConsultReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = consult_report_finalize;
}

static void
consult_report_init (ConsultReport *self)
{
  g_date_clear (&self->date_of_birth, 1);
  g_date_clear (&self->consultation_date, 1);
  self->catalogue_texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->catalogue_msgids = g_hash_table_new (g_str_hash, g_str_equal);
}

ConsultReport *
consult_report_new (ConsultPlan *plan,
                    const char  *language)
{
  ConsultReport *self;

  g_return_val_if_fail (CONSULT_IS_PLAN (plan), NULL);

  self = g_object_new (CONSULT_TYPE_REPORT, NULL);
  self->plan = g_object_ref (plan);
  self->translation = consult_translation_new_for_language (language, NULL);

  return self;
}

static char *
dup_nonempty (const char *text)
{
  return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

void
consult_report_set_clinic (ConsultReport             *self,
                           const ConsultReportClinic *clinic)
{
  g_return_if_fail (CONSULT_IS_REPORT (self));
  g_return_if_fail (clinic != NULL);

  _consult_report_clear_layout (self);
  g_free (self->clinic_name);
  self->clinic_name = dup_nonempty (clinic->name);
  g_free (self->clinic_address);
  self->clinic_address = dup_nonempty (clinic->address);
  g_free (self->clinic_phone);
  self->clinic_phone = dup_nonempty (clinic->phone);

  g_clear_pointer (&self->logo, cairo_surface_destroy);
  if (clinic->logo_path != NULL && *clinic->logo_path != '\0')
    {
      cairo_surface_t *logo = cairo_image_surface_create_from_png (clinic->logo_path);

      /* A missing or broken logo must not keep a client's plan from
       * being printed: the header simply goes without it. */
      if (cairo_surface_status (logo) == CAIRO_STATUS_SUCCESS &&
          cairo_image_surface_get_width (logo) > 0 &&
          cairo_image_surface_get_height (logo) > 0)
        {
          self->logo = logo;
          self->logo_scale = MIN (LOGO_MAX_HEIGHT / cairo_image_surface_get_height (logo),
                                  LOGO_MAX_WIDTH / cairo_image_surface_get_width (logo));
        }
      else
        {
          g_message ("The clinic logo could not be read: %s",
                     cairo_status_to_string (cairo_surface_status (logo)));
          cairo_surface_destroy (logo);
        }
    }
}

void
consult_report_set_client (ConsultReport *self,
                           const char    *name,
                           const GDate   *date_of_birth)
{
  g_return_if_fail (CONSULT_IS_REPORT (self));

  _consult_report_clear_layout (self);
  g_free (self->client_name);
  self->client_name = dup_nonempty (name);
  g_date_clear (&self->date_of_birth, 1);
  if (date_of_birth != NULL && g_date_valid (date_of_birth))
    self->date_of_birth = *date_of_birth;
}

void
consult_report_set_consultation_date (ConsultReport *self,
                                      const GDate   *date)
{
  g_return_if_fail (CONSULT_IS_REPORT (self));

  _consult_report_clear_layout (self);
  g_date_clear (&self->consultation_date, 1);
  if (date != NULL && g_date_valid (date))
    self->consultation_date = *date;
}

void
consult_report_set_intake (ConsultReport *self,
                           ConsultIntake *intake)
{
  g_autofree char *name = NULL;
  const char *given;
  const char *family;
  GDate birth;
  GDate consulted;

  g_return_if_fail (CONSULT_IS_REPORT (self));
  g_return_if_fail (CONSULT_IS_INTAKE (intake));

  given = consult_intake_get_given_name (intake);
  family = consult_intake_get_family_name (intake);
  name = g_strstrip (g_strdup_printf ("%s %s", given != NULL ? given : "", family != NULL ? family : ""));

  g_date_clear (&birth, 1);
  g_date_clear (&consulted, 1);
  consult_report_set_client (self, name,
                             consult_intake_get_date (intake, "client.date_of_birth", &birth) ? &birth : NULL);
  consult_report_set_consultation_date (self,
                                        consult_intake_get_date (intake, "consultation_date", &consulted)
                                        ? &consulted : NULL);
}

void
consult_report_set_staff (ConsultReport *self,
                          const char    *consultant,
                          const char    *supervising_physician)
{
  g_return_if_fail (CONSULT_IS_REPORT (self));

  _consult_report_clear_layout (self);
  g_free (self->consultant);
  self->consultant = dup_nonempty (consultant);
  g_free (self->supervising_physician);
  self->supervising_physician = dup_nonempty (supervising_physician);
}

void
consult_report_set_status (ConsultReport       *self,
                           ConsultReportStatus  status,
                           const char          *signed_by,
                           GDateTime           *signed_at)
{
  g_return_if_fail (CONSULT_IS_REPORT (self));
  g_return_if_fail (status <= CONSULT_REPORT_STATUS_SUPERSEDED);

  _consult_report_clear_layout (self);
  self->status = status;
  g_free (self->signed_by);
  self->signed_by = dup_nonempty (signed_by);
  g_clear_pointer (&self->signed_at, g_date_time_unref);
  if (signed_at != NULL)
    self->signed_at = g_date_time_ref (signed_at);
}

const char *
consult_report_get_language (ConsultReport *self)
{
  g_return_val_if_fail (CONSULT_IS_REPORT (self), NULL);

  return consult_translation_get_language (self->translation);
}

/* Metrics are fixed at 72 dpi without hinting, so the layout computed
 * here is the same on a printer's cairo_t, a PDF and a preview.  The
 * font map is the calling thread's own (Pango's default is per thread),
 * which is why a report is laid out and drawn in one thread. */
static PangoContext *
create_pango_context (ConsultReport *self)
{
  PangoContext *context;
  cairo_font_options_t *options;
  g_autofree char *tag = g_strdup (consult_translation_get_language (self->translation));

  context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_resolution (context, 72);

  options = cairo_font_options_create ();
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (context, FALSE);

  g_strdelimit (tag, "_", '-');
  pango_context_set_language (context, pango_language_from_string (tag));

  return context;
}

static double
layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);

  return pango_units_to_double (logical.height);
}

/* The address on one line, the phone number on the next. */
static char *
header_detail_text (ConsultReport *self)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *address = NULL;

  if (self->clinic_address != NULL)
    {
      g_auto (GStrv) lines = g_strsplit (self->clinic_address, "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_strstrip (lines[i]);
          if (*lines[i] != '\0')
            g_ptr_array_add (parts, g_strdup (lines[i]));
        }
    }

  g_ptr_array_add (parts, NULL);
  address = g_strjoinv ("  ·  ", (char **) parts->pdata);

  if (self->clinic_phone == NULL)
    return g_steal_pointer (&address);
  if (*address == '\0')
    return g_strdup (self->clinic_phone);

  return g_strdup_printf ("%s\n%s", address, self->clinic_phone);
}

static void
build_furniture (ConsultReport *self)
{
  ReportGeometry *geometry = &self->geometry;
  double content_width = geometry->width - 2 * geometry->margin_x;
  double logo_width = 0;
  double logo_height = 0;
  double left_width;
  double right_width = content_width * 0.38;
  double header_height;
  g_autofree char *detail = header_detail_text (self);
  PangoFontDescription *font;

  if (self->logo != NULL)
    {
      logo_width = cairo_image_surface_get_width (self->logo) * self->logo_scale + 10;
      logo_height = cairo_image_surface_get_height (self->logo) * self->logo_scale;
    }

  left_width = content_width - right_width - 16 - logo_width;

  self->header_name = _consult_report_layout_new (self, REPORT_STYLE_HEADER_NAME,
                                                  self->clinic_name, -left_width);
  self->header_detail = _consult_report_layout_new (self, REPORT_STYLE_HEADER_DETAIL,
                                                    detail, left_width);
  /* Each line ellipsized rather than wrapped: the header keeps its
   * height whatever the clinic typed. */
  pango_layout_set_height (self->header_detail, -1);
  pango_layout_set_ellipsize (self->header_detail, PANGO_ELLIPSIZE_END);

  self->header_title = _consult_report_layout_new (self, REPORT_STYLE_HEADER_DETAIL,
                                                   _consult_report_tr (self, N_("Treatment plan summary")),
                                                   -right_width);
  pango_layout_set_alignment (self->header_title, PANGO_ALIGN_RIGHT);
  self->header_client = _consult_report_layout_new (self, REPORT_STYLE_STEP,
                                                    self->client_name, -right_width);
  pango_layout_set_alignment (self->header_client, PANGO_ALIGN_RIGHT);

  header_height = MAX (logo_height,
                       layout_height (self->header_name) + 2 + layout_height (self->header_detail));
  header_height = MAX (header_height,
                       layout_height (self->header_title) + 3 + layout_height (self->header_client));
  geometry->content_top = geometry->header_top + header_height + HEADER_RULE_GAP + CONTENT_GAP;

  self->footer_note = _consult_report_layout_new (self, REPORT_STYLE_FOOTER,
                                                  _consult_report_tr (self, N_("This plan is decision support prepared with MedSpa Consult from the answers given at your consultation. "
                                                                               "The supervising physician decides on every treatment and may change this plan at any visit; "
                                                                               "it is not a prescription. Please ask us about anything that is unclear.")),
                                                  content_width - PAGE_NUMBER_ROOM);
  geometry->footer_top = geometry->height - FOOTER_BOTTOM - layout_height (self->footer_note);
  geometry->content_bottom = geometry->footer_top - FOOTER_RULE_GAP - CONTENT_GAP;

  if (self->status != CONSULT_REPORT_STATUS_SIGNED)
    {
      const char *mark = self->status == CONSULT_REPORT_STATUS_DRAFT
        /* TRANSLATORS: the watermark across every page of an unsigned plan */
        ? _consult_report_tr (self, N_("DRAFT"))
        /* TRANSLATORS: the watermark across every page of a replaced plan */
        : _consult_report_tr (self, N_("SUPERSEDED"));

      self->watermark = _consult_report_layout_new (self, REPORT_STYLE_TITLE, mark, 0);
      font = pango_font_description_from_string ("DejaVu Sans, Cantarell, sans-serif Bold 72");
      pango_layout_set_font_description (self->watermark, font);
      pango_font_description_free (font);
    }
}

gboolean
consult_report_paginate (ConsultReport  *self,
                         double          page_width,
                         double          page_height,
                         GError        **error)
{
  ReportGeometry *geometry = &self->geometry;

  g_return_val_if_fail (CONSULT_IS_REPORT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  _consult_report_clear_layout (self);

  if (page_width < 4 * MARGIN_X || page_height < 2 * MIN_CONTENT)
    {
      g_set_error (error, CONSULT_REPORT_ERROR, CONSULT_REPORT_ERROR_FAILED,
                   _("The page is too small for the plan summary (%.0f × %.0f points)."),
                   page_width, page_height);
      return FALSE;
    }

  self->pango = create_pango_context (self);
  geometry->width = page_width;
  geometry->height = page_height;
  geometry->margin_x = MARGIN_X;
  geometry->header_top = HEADER_TOP;
  build_furniture (self);

  if (geometry->content_bottom - geometry->content_top < MIN_CONTENT)
    {
      g_set_error (error, CONSULT_REPORT_ERROR, CONSULT_REPORT_ERROR_FAILED,
                   _("The page is too small for the plan summary (%.0f × %.0f points)."),
                   page_width, page_height);
      _consult_report_clear_layout (self);
      return FALSE;
    }

  self->blocks = _consult_report_build_blocks (self, page_width - 2 * MARGIN_X);
  self->pages = _consult_report_paginate_blocks (self, self->blocks);

  return TRUE;
}

guint
consult_report_get_n_pages (ConsultReport *self)
{
  g_return_val_if_fail (CONSULT_IS_REPORT (self), 0);

  return self->pages != NULL ? self->pages->len : 0;
}

void
consult_report_draw_page (ConsultReport *self,
                          cairo_t       *cr,
                          guint          page_nr)
{
  g_return_if_fail (CONSULT_IS_REPORT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (self->pages != NULL && page_nr < self->pages->len);

  cairo_save (cr);
  _consult_report_draw_content (self, cr, g_ptr_array_index (self->pages, page_nr));
  _consult_report_draw_furniture (self, cr, page_nr);
  cairo_restore (cr);
}

typedef struct
{
  int fd;
  int saved_errno;
} PdfSink;

static cairo_status_t
write_pdf_data (void                *closure,
                const unsigned char *data,
                unsigned int         length)
{
  PdfSink *sink = closure;

  while (length > 0)
    {
      gssize written = write (sink->fd, data, length);

      if (written < 0)
        {
          if (errno == EINTR)
            continue;
          sink->saved_errno = errno;
          return CAIRO_STATUS_WRITE_ERROR;
        }

      data += written;
      length -= written;
    }

  return CAIRO_STATUS_SUCCESS;
}

static gboolean
render_pdf (ConsultReport  *self,
            PdfSink        *sink)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;

  surface = cairo_pdf_surface_create_for_stream (write_pdf_data, sink,
                                                 self->geometry.width, self->geometry.height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  _consult_report_tr (self, N_("Treatment plan summary")));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "MedSpa Consult");

  cr = cairo_create (surface);
  for (guint i = 0; i < self->pages->len; i++)
    {
      consult_report_draw_page (self, cr, i);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);

  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS && sink->saved_errno == 0)
    sink->saved_errno = EIO;

  return status == CAIRO_STATUS_SUCCESS;
}

gboolean
consult_report_export_pdf (ConsultReport  *self,
                           const char     *path,
                           GError        **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *temp_path = NULL;
  PdfSink sink = { -1, 0 };

  g_return_val_if_fail (CONSULT_IS_REPORT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->pages == NULL &&
      !consult_report_paginate (self, CONSULT_REPORT_A4_WIDTH, CONSULT_REPORT_A4_HEIGHT, error))
    return FALSE;

  /* The temporary file sits beside @path so that the rename is atomic. */
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  temp_path = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);

  sink.fd = g_mkstemp_full (temp_path, O_WRONLY, 0666);
  if (sink.fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, CONSULT_REPORT_ERROR, CONSULT_REPORT_ERROR_WRITE,
                   _("Could not write “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  if (!render_pdf (self, &sink) || fsync (sink.fd) != 0)
    {
      if (sink.saved_errno == 0)
        sink.saved_errno = errno;
      goto failed;
    }

  if (close (sink.fd) != 0)
    {
      sink.fd = -1;
      sink.saved_errno = errno;
      goto failed;
    }
  sink.fd = -1;

  if (g_rename (temp_path, path) != 0)
    {
      sink.saved_errno = errno;
      goto failed;
    }

  return TRUE;

failed:
  if (sink.fd >= 0)
    close (sink.fd);
  g_unlink (temp_path);
  g_set_error (error, CONSULT_REPORT_ERROR, CONSULT_REPORT_ERROR_WRITE,
               _("Could not write “%s”: %s"), path, g_strerror (sink.saved_errno));
  return FALSE;
}

typedef struct
{
  char   *path;
  double  width;
  double  height;
} ExportTask;

static void
export_task_free (ExportTask *task)
{
  g_free (task->path);
  g_free (task);
}

static void
export_pdf_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  ConsultReport *self = source_object;
  ExportTask *data = task_data;
  g_autoptr (GError) error = NULL;
  gboolean done;

  if (g_task_return_error_if_cancelled (task))
    return;

  done = consult_report_paginate (self, data->width, data->height, &error) &&
         !g_cancellable_set_error_if_cancelled (cancellable, &error) &&
         consult_report_export_pdf (self, data->path, &error);

  /* The layout holds this thread's fonts: no other thread may draw it. */
  _consult_report_clear_layout (self);

  if (done)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

void
consult_report_export_pdf_async (ConsultReport       *self,
                                 const char          *path,
                                 double               page_width,
                                 double               page_height,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  ExportTask *data;

  g_return_if_fail (CONSULT_IS_REPORT (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (ExportTask, 1);
  data->path = g_strdup (path);
  data->width = page_width;
  data->height = page_height;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, consult_report_export_pdf_async);
  g_task_set_task_data (task, data, (GDestroyNotify) export_task_free);
  g_task_run_in_thread (task, export_pdf_thread);
}

gboolean
consult_report_export_pdf_finish (ConsultReport  *self,
                                  GAsyncResult   *result,
                                  GError        **error)
{
  g_return_val_if_fail (CONSULT_IS_REPORT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == consult_report_export_pdf_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
consult_report_get_content_area (ConsultReport    *self,
                                 ConsultReportBox *area)
{
  g_return_if_fail (CONSULT_IS_REPORT (self));
  g_return_if_fail (area != NULL);
  g_return_if_fail (self->pages != NULL);

  area->x = self->geometry.margin_x;
  area->y = self->geometry.content_top;
  area->width = self->geometry.width - 2 * self->geometry.margin_x;
  area->height = self->geometry.content_bottom - self->geometry.content_top;
}

GArray *
consult_report_get_text_boxes (ConsultReport *self,
                               guint          page_nr)
{
  ReportPage *page;
  GArray *boxes;

  g_return_val_if_fail (CONSULT_IS_REPORT (self), NULL);
  g_return_val_if_fail (self->pages != NULL && page_nr < self->pages->len, NULL);

  page = g_ptr_array_index (self->pages, page_nr);
  boxes = g_array_sized_new (FALSE, FALSE, sizeof (ConsultReportBox), page->placements->len);

  for (guint i = 0; i < page->placements->len; i++)
    {
      const ReportPlacement *placement = &g_array_index (page->placements, ReportPlacement, i);
      const ReportItem *item = placement->item;
      ConsultReportBox box;
      double text_width = 0;

      /* Ink, not logical, extents: a wrapped line's logical width counts
       * the space it broke at, which is never drawn. */
      if (item->layout != NULL)
        {
          PangoRectangle ink;

          pango_layout_get_extents (item->layout, &ink, NULL);
          text_width = pango_units_to_double (ink.x + ink.width);
        }

      box.x = self->geometry.margin_x + item->indent;
      box.y = placement->y;
      box.width = item->label_width + text_width;
      box.height = item->height;
      g_array_append_val (boxes, box);
    }

  return boxes;
}
