/* test-report.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include <glib/gstdio.h>
#include <poppler.h>

#include "consult-test-planner.h"
#include "consult-translation.h"
#include "test-report.h"

ConsultPlan *
test_report_load_plan (const char *fixture)
{
  g_autofree char *path = consult_test_source_path ("fixtures", "report", fixture, NULL);
  g_autofree char *data = NULL;
  g_autoptr (GError) error = NULL;
  ConsultPlan *plan;

  ck_assert (g_file_get_contents (path, &data, NULL, &error));
  plan = consult_plan_new_from_json (data, -1, &error);
  ck_assert_msg (plan != NULL, "%s", error != NULL ? error->message : "");

  return plan;
}

ConsultReport *
test_report_new_sample (ConsultPlan *plan,
                        const char  *language)
{
  ConsultReportClinic clinic = {
    .name = "Clínica Dermaluz",
    .address = "1200 Sunset Boulevard, Suite 4\nLos Angeles, CA 90026",
    .phone = "+1 213 555 0142",
    .logo_path = NULL,
  };
  ConsultReport *report = consult_report_new (plan, language);
  GDate birth;
  GDate consulted;

  g_date_clear (&birth, 1);
  g_date_set_dmy (&birth, 2, G_DATE_APRIL, 1988);
  g_date_clear (&consulted, 1);
  g_date_set_dmy (&consulted, 23, G_DATE_NOVEMBER, 2026);

  consult_report_set_catalogue (report, consult_test_catalogue ());
  consult_report_set_clinic (report, &clinic);
  consult_report_set_client (report, "Ana María Díaz Olmedo", &birth);
  consult_report_set_consultation_date (report, &consulted);
  consult_report_set_staff (report, "Lucía Romero, RN", "Dr. Helen Park");

  return report;
}

/* Appends the characters of @page_text that lie inside @area, right of
 * @column points from its left edge, except the lines ending in
 * "(continued)". */
static void
append_content_text (GString                *text,
                     PopplerPage            *page,
                     const char             *page_text,
                     const ConsultReportBox *area,
                     double                  column)
{
  g_autofree PopplerRectangle *boxes = NULL;
  g_autoptr (GString) line = g_string_new (NULL);
  g_autoptr (GString) column_line = g_string_new (NULL);
  guint n_boxes = 0;
  guint i = 0;

  ck_assert (poppler_page_get_text_layout (page, &boxes, &n_boxes));

  for (const char *p = page_text; ; p = g_utf8_next_char (p), i++)
    {
      if (*p == '\n' || *p == '\0')
        {
          if (!g_str_has_suffix (line->str, "(continued)"))
            g_string_append_printf (text, "%s\n", column_line->str);
          g_string_truncate (line, 0);
          g_string_truncate (column_line, 0);
          if (*p == '\0' || i >= n_boxes)
            break;
          continue;
        }

      if (i < n_boxes)
        {
          double middle = (boxes[i].y1 + boxes[i].y2) / 2;
          gsize length = g_utf8_next_char (p) - p;

          if (middle > area->y && middle < area->y + area->height)
            {
              g_string_append_len (line, p, length);
              if (boxes[i].x1 >= area->x + column)
                g_string_append_len (column_line, p, length);
            }
        }
    }
}

/* With @column >= 0, only the text of each page's content area right of
 * @column, without the "continued" lines: the flow of a text column as a
 * reader follows it from page to page, whatever order the PDF's text
 * extraction puts side-by-side columns in. */
static char *
export_text (ConsultReport *report,
             const char    *name,
             double         column,
             guint         *n_pages)
{
  ConsultReportBox area = { 0 };
  g_autofree char *path = consult_test_output_path (name);
  g_autofree char *uri = NULL;
  g_autoptr (GError) error = NULL;
  PopplerDocument *document;
  g_autoptr (GString) text = g_string_new (NULL);
  int pages;

  ck_assert_msg (consult_report_export_pdf (report, path, &error), "%s",
                 error != NULL ? error->message : "");

  uri = g_filename_to_uri (path, NULL, &error);
  document = poppler_document_new_from_file (uri, NULL, &error);
  ck_assert_msg (document != NULL, "%s", error != NULL ? error->message : "");

  pages = poppler_document_get_n_pages (document);
  ck_assert_int_eq (pages, consult_report_get_n_pages (report));
  consult_report_get_content_area (report, &area);

  for (int i = 0; i < pages; i++)
    {
      PopplerPage *page = poppler_document_get_page (document, i);
      g_autofree char *page_text = NULL;

      page_text = poppler_page_get_text (page);
      if (column >= 0)
        append_content_text (text, page, page_text, &area, column);
      else
        {
          g_string_append (text, page_text);
          g_string_append_c (text, '\f');
        }

      g_object_unref (page);
    }

  g_object_unref (document);
  if (n_pages != NULL)
    *n_pages = pages;

  return g_string_free (g_steal_pointer (&text), FALSE);
}

char *
test_report_export_text (ConsultReport *report,
                         const char    *name,
                         guint         *n_pages)
{
  return export_text (report, name, -1, n_pages);
}

char *
test_report_export_flow (ConsultReport *report,
                         const char    *name,
                         double         column)
{
  return export_text (report, name, column, NULL);
}

char *
test_report_squeeze (const char *text)
{
  g_autoptr (GString) squeezed = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          space = TRUE;
          continue;
        }
      if (space && squeezed->len > 0)
        g_string_append_c (squeezed, ' ');
      space = FALSE;
      g_string_append_c (squeezed, *p);
    }

  return g_string_free (g_steal_pointer (&squeezed), FALSE);
}

static void
assert_contains (const char *text,
                 const char *needle)
{
  g_autofree char *haystack = test_report_squeeze (text);
  g_autofree char *wanted = test_report_squeeze (needle);

  ck_assert_msg (strstr (haystack, wanted) != NULL, "“%s” is missing from the summary", wanted);
}

START_TEST (test_translation_spanish)
{
  g_autoptr (ConsultTranslation) es = consult_translation_new_for_language ("es", NULL);
  g_autoptr (ConsultTranslation) mexico = consult_translation_new_for_language ("es-MX", NULL);
  g_autoptr (ConsultTranslation) unknown = consult_translation_new_for_language ("xx", NULL);
  g_autoptr (ConsultTranslation) escape = consult_translation_new_for_language ("../es", NULL);
  g_autoptr (ConsultTranslation) posix = consult_translation_new_for_language ("es_ES.UTF-8", NULL);

  ck_assert (consult_translation_has_catalogue (es));
  ck_assert_str_eq (consult_translation_get_language (es), "es");
  ck_assert_str_eq (consult_translation_gettext (es, "Your treatment plan"), "Su plan de tratamiento");
  ck_assert_str_eq (consult_translation_pgettext (es, "month name", "November"), "noviembre");
  /* Not a message of the catalogue: the English comes back. */
  ck_assert_str_eq (consult_translation_gettext (es, "No such message"), "No such message");

  ck_assert_str_eq (consult_translation_get_language (mexico), "es");
  ck_assert_str_eq (consult_translation_get_language (unknown), "en");
  ck_assert (!consult_translation_has_catalogue (unknown));
  ck_assert_str_eq (consult_translation_gettext (unknown, "Your treatment plan"), "Your treatment plan");
  ck_assert_str_eq (consult_translation_get_language (escape), "en");
  ck_assert_str_eq (consult_translation_get_language (posix), "es");
}
END_TEST

START_TEST (test_translation_corrupt)
{
  g_autofree char *path = consult_test_output_path ("corrupt.mo");
  g_autoptr (GError) error = NULL;
  /* The right magic, then a string table pointing far outside the file. */
  static const guint8 data[28] = {
    0xde, 0x12, 0x04, 0x95, 0, 0, 0, 0, 1, 0, 0, 0, 0xff, 0xff, 0, 0,
    0xff, 0xff, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  };
  ConsultTranslation *translation;

  ck_assert (g_file_set_contents (path, (const char *) data, sizeof data, NULL));
  translation = consult_translation_new_from_file (path, "es", &error);
  ck_assert_ptr_null (translation);
  ck_assert (g_error_matches (error, CONSULT_TRANSLATION_ERROR, CONSULT_TRANSLATION_ERROR_INVALID));

  g_clear_error (&error);
  ck_assert (g_file_set_contents (path, "short", -1, NULL));
  ck_assert_ptr_null (consult_translation_new_from_file (path, "es", &error));
  ck_assert (g_error_matches (error, CONSULT_TRANSLATION_ERROR, CONSULT_TRANSLATION_ERROR_INVALID));
}
END_TEST

START_TEST (test_report_english_content)
{
  g_autoptr (ConsultPlan) plan = test_report_load_plan ("plan-sample.json");
  g_autoptr (ConsultReport) report = test_report_new_sample (plan, "en");
  g_autofree char *text = NULL;
  g_autofree char *column = NULL;
  guint n_pages;
  g_autofree char *page_one = NULL;

  text = test_report_export_text (report, "report-sample-en.pdf", &n_pages);
  ck_assert_uint_ge (n_pages, 2);
  /* Reasons are in the text column beside their "Why" caption. */
  column = test_report_export_flow (report, "report-sample-en.pdf", 100);

  assert_contains (text, "Ana María Díaz Olmedo");
  assert_contains (text, "2 April 1988");
  assert_contains (text, "Dr. Helen Park");
  assert_contains (text, "Lucía Romero, RN");
  assert_contains (text, "Your schedule");
  assert_contains (text, "4 sessions, every 4 weeks: 15 Feb 2027, 15 Mar 2027, 12 Apr 2027, 10 May 2027");
  assert_contains (text, "Daily, from 23 Nov 2026");
  assert_contains (text, "Draft: not yet reviewed and signed");
  assert_contains (text, "Postponed until 1 June 2027");
  assert_contains (text, "Postponed: until your tan has faded");
  assert_contains (column, "Lasers can rebound melasma: they wait until twelve weeks of topical control and consistent sun protection.");
  assert_contains (column, "Intense pulsed light often worsens melasma.");
  assert_contains (column, "A mole on the left cheek changed shape recently");
  assert_contains (text, "Tell the clinic about any new medicine");
  assert_contains (column, "We start with a test spot and conservative depth");
  assert_contains (text, "Protecting your skin from the sun");
  assert_contains (text, "Microneedling");
  assert_contains (text, "Medium-depth peel");
  assert_contains (text, "Clínica Dermaluz");
  assert_contains (text, "This plan is decision support");

  page_one = g_strdup_printf ("Page 1 of %u", n_pages);
  assert_contains (text, page_one);
}
END_TEST

START_TEST (test_report_spanish_headings)
{
  g_autoptr (ConsultPlan) plan = test_report_load_plan ("plan-sample.json");
  g_autoptr (ConsultReport) report = test_report_new_sample (plan, "es");
  g_autofree char *text = NULL;
  guint n_pages;
  g_autofree char *page_one = NULL;

  ck_assert_str_eq (consult_report_get_language (report), "es");
  text = test_report_export_text (report, "report-sample-es.pdf", &n_pages);

  assert_contains (text, "Su plan de tratamiento");
  assert_contains (text, "Su calendario");
  assert_contains (text, "Sus tratamientos");
  assert_contains (text, "Fecha de nacimiento");
  assert_contains (text, "2 de abril de 1988");
  page_one = g_strdup_printf ("Página 1 de %u", n_pages);
  assert_contains (text, page_one);
}
END_TEST

START_TEST (test_report_signed)
{
  g_autoptr (ConsultPlan) plan = test_report_load_plan ("plan-sample.json");
  g_autoptr (ConsultReport) report = test_report_new_sample (plan, "en");
  g_autoptr (GDateTime) signed_at = g_date_time_new_local (2026, 11, 24, 9, 5, 0);
  g_autofree char *text = NULL;

  consult_report_set_status (report, CONSULT_REPORT_STATUS_SIGNED, "Dr. Helen Park", signed_at);
  text = test_report_export_text (report, "report-sample-signed.pdf", NULL);

  assert_contains (text, "Signed by Dr. Helen Park on 24 November 2026 at 09:05");
  ck_assert_ptr_null (strstr (text, "Draft"));

  g_free (text);
  consult_report_set_status (report, CONSULT_REPORT_STATUS_SUPERSEDED, "Dr. Helen Park", signed_at);
  text = test_report_export_text (report, "report-sample-superseded.pdf", NULL);
  assert_contains (text, "Superseded by a newer version of this plan. Signed by Dr. Helen Park on 24 November 2026 at 09:05.");
}
END_TEST

START_TEST (test_report_write_errors)
{
  g_autoptr (ConsultPlan) plan = test_report_load_plan ("plan-sample.json");
  g_autoptr (ConsultReport) report = test_report_new_sample (plan, "en");
  g_autofree char *missing = consult_test_output_path ("no-such-folder/plan.pdf");
  g_autofree char *folder = consult_test_output_path ("report-write-errors");
  g_autoptr (GError) error = NULL;
  g_autoptr (GDir) dir = NULL;

  ck_assert (!consult_report_export_pdf (report, missing, &error));
  ck_assert (g_error_matches (error, CONSULT_REPORT_ERROR, CONSULT_REPORT_ERROR_WRITE));
  ck_assert (!g_file_test (missing, G_FILE_TEST_EXISTS));

  /* Replacing a folder fails at the rename: no temporary file is left. */
  g_clear_error (&error);
  g_mkdir_with_parents (folder, 0755);
  ck_assert (!consult_report_export_pdf (report, folder, &error));
  ck_assert (g_error_matches (error, CONSULT_REPORT_ERROR, CONSULT_REPORT_ERROR_WRITE));

  dir = g_dir_open (folder, 0, NULL);
  ck_assert_ptr_nonnull (dir);
  {
    g_autofree char *parent = g_path_get_dirname (folder);
    g_autoptr (GDir) siblings = g_dir_open (parent, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (siblings)) != NULL)
      ck_assert_msg (!g_str_has_prefix (name, ".report-write-errors."), "%s was left behind", name);
  }
}
END_TEST

typedef struct
{
  gboolean  done;
  GError   *error;
} Export;

static void
exported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Export *export = user_data;

  export->done = TRUE;
  ck_assert (consult_report_export_pdf_finish (CONSULT_REPORT (object), result, &export->error) ||
             export->error != NULL);
}

static void
export_and_wait (ConsultReport *report,
                 const char    *path,
                 GCancellable  *cancellable,
                 GError       **error)
{
  Export export = { FALSE, NULL };

  consult_report_export_pdf_async (report, path, CONSULT_REPORT_LETTER_WIDTH, CONSULT_REPORT_LETTER_HEIGHT,
                                   cancellable, exported_cb, &export);
  while (!export.done)
    g_main_context_iteration (NULL, TRUE);

  if (export.error != NULL)
    g_propagate_error (error, export.error);
}

/* In a worker thread, then again after the report was laid out for print
 * in this one; a cancelled export writes nothing. */
START_TEST (test_report_export_async)
{
  g_autoptr (ConsultPlan) plan = test_report_load_plan ("plan-sample.json");
  g_autoptr (ConsultReport) report = test_report_new_sample (plan, "es");
  g_autofree char *path = consult_test_output_path ("report-async.pdf");
  g_autofree char *cancelled_path = consult_test_output_path ("report-cancelled.pdf");
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;

  g_unlink (path);
  g_unlink (cancelled_path);
  ck_assert (consult_report_paginate (report, CONSULT_REPORT_A4_WIDTH, CONSULT_REPORT_A4_HEIGHT, &error));

  export_and_wait (report, path, NULL, &error);
  ck_assert_msg (error == NULL, "%s", error != NULL ? error->message : "");
  ck_assert (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  /* The worker's layout is gone: printing lays the report out anew. */
  ck_assert_uint_eq (consult_report_get_n_pages (report), 0);

  text = test_report_export_text (report, "report-async-again.pdf", NULL);
  ck_assert_ptr_nonnull (strstr (text, "Su plan de tratamiento"));

  g_cancellable_cancel (cancellable);
  export_and_wait (report, cancelled_path, cancellable, &error);
  ck_assert (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED));
  ck_assert (!g_file_test (cancelled_path, G_FILE_TEST_EXISTS));
}
END_TEST

static Suite *
report_suite (void)
{
  Suite *suite = suite_create ("report");
  TCase *translation = tcase_create ("translation");
  TCase *content = tcase_create ("content");

  tcase_add_test (translation, test_translation_spanish);
  tcase_add_test (translation, test_translation_corrupt);
  suite_add_tcase (suite, translation);

  tcase_set_timeout (content, 60);
  tcase_add_test (content, test_report_english_content);
  tcase_add_test (content, test_report_spanish_headings);
  tcase_add_test (content, test_report_signed);
  tcase_add_test (content, test_report_write_errors);
  tcase_add_test (content, test_report_export_async);
  suite_add_tcase (suite, content);

  suite_add_tcase (suite, test_report_layout_case ());
  suite_add_tcase (suite, test_report_seeds_case ());
  suite_add_tcase (suite, test_report_cli_case ());

  return suite;
}

int
main (void)
{
  return consult_test_run_suite (report_suite ());
}
