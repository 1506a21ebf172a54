/* test-report-layout.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "consult-treatments.h"
#include "test-report.h"

/* Where a step's text column starts, past its captions ("Why"). */
#define TEXT_COLUMN 100.0

/* A plan with a step for every treatment of the interchange format, ten
 * to a phase, each with a rationale of @sentences sentences that names
 * its step ("Step 7 ..."), so the PDF's text shows whether any was cut;
 * a paragraph every @per_paragraph sentences, or one paragraph if 0. */
static ConsultPlan *
build_long_plan (guint sentences,
                 guint per_paragraph)
{
  const char * const *ids = consult_treatment_ids ();
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *data = NULL;
  g_autoptr (GError) error = NULL;
  static const char * const keys[] = { "stabilise", "remodel", "refine" };
  static const char * const empty[] = { "deferred", "excluded", "referrals", "warnings" };
  guint step = 0;
  ConsultPlan *plan;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, "medspa-consult/plan");
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "catalogue_version");
  json_builder_add_string_value (builder, "2026.1");
  json_builder_set_member_name (builder, "start_date");
  json_builder_add_string_value (builder, "2026-11-23");
  json_builder_set_member_name (builder, "phases");
  json_builder_begin_array (builder);

  for (guint phase = 0; phase < 3; phase++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "number");
      json_builder_add_int_value (builder, phase + 1);
      json_builder_set_member_name (builder, "key");
      json_builder_add_string_value (builder, keys[phase]);
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, keys[phase]);
      json_builder_set_member_name (builder, "start_week");
      json_builder_add_int_value (builder, phase * 12);
      json_builder_set_member_name (builder, "end_week");
      json_builder_add_int_value (builder, phase * 12 + 12);
      json_builder_set_member_name (builder, "steps");
      json_builder_begin_array (builder);

      for (guint i = 0; i < 10 && ids[step] != NULL; i++, step++)
        {
          g_autoptr (GString) rationale = g_string_new (NULL);

          for (guint s = 0; s < sentences; s++)
            g_string_append_printf (rationale, "%sStep %u, reason %u: this treatment follows the previous one "
                                    "once the skin has settled, and its settings are chosen for your skin type.",
                                    s == 0 ? "" : (per_paragraph > 0 && s % per_paragraph == 0 ? "\n" : " "), step + 1, s + 1);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "treatment");
          json_builder_add_string_value (builder, ids[step]);
          json_builder_set_member_name (builder, "start_week");
          json_builder_add_int_value (builder, phase * 12 + i);
          json_builder_set_member_name (builder, "sessions");
          json_builder_add_int_value (builder, step % 4);
          json_builder_set_member_name (builder, "interval_weeks");
          json_builder_add_int_value (builder, step % 3 + 1);
          json_builder_set_member_name (builder, "performer");
          json_builder_add_string_value (builder, "physician_supervised");
          json_builder_set_member_name (builder, "requires_physician");
          json_builder_add_boolean_value (builder, step % 2 == 0);
          json_builder_set_member_name (builder, "flags");
          json_builder_begin_array (builder);
          json_builder_add_string_value (builder, "test_spot");
          json_builder_end_array (builder);
          json_builder_set_member_name (builder, "rationale");
          json_builder_add_string_value (builder, rationale->str);
          json_builder_set_member_name (builder, "rules");
          json_builder_begin_array (builder);
          json_builder_end_array (builder);
          json_builder_end_object (builder);
        }

      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }

  json_builder_end_array (builder);
  for (guint i = 0; i < G_N_ELEMENTS (empty); i++)
    {
      json_builder_set_member_name (builder, empty[i]);
      json_builder_begin_array (builder);
      json_builder_end_array (builder);
    }
  json_builder_set_member_name (builder, "requires_physician_signoff");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  data = json_generator_to_data (generator, NULL);

  plan = consult_plan_new_from_json (data, -1, &error);
  ck_assert_msg (plan != NULL, "%s", error != NULL ? error->message : "");
  ck_assert_uint_eq (step, 30);

  return plan;
}

/* Every text box of every page lies inside the content area. */
static void
assert_boxes_inside (ConsultReport *report)
{
  ConsultReportBox area;

  consult_report_get_content_area (report, &area);

  for (guint page = 0; page < consult_report_get_n_pages (report); page++)
    {
      g_autoptr (GArray) boxes = consult_report_get_text_boxes (report, page);

      ck_assert_uint_gt (boxes->len, 0);
      for (guint i = 0; i < boxes->len; i++)
        {
          const ConsultReportBox *box = &g_array_index (boxes, ConsultReportBox, i);

          ck_assert_msg (box->y >= area.y - 0.01 && box->y + box->height <= area.y + area.height + 0.01,
                         "page %u, box %u: %.1f–%.1f outside %.1f–%.1f", page + 1, i,
                         box->y, box->y + box->height, area.y, area.y + area.height);
          ck_assert_msg (box->x >= area.x - 0.01 && box->x + box->width <= area.x + area.width + 0.01,
                         "page %u, box %u is %.1f wide at %.1f", page + 1, i, box->width, box->x);
        }
    }
}

static void
assert_every_step_whole (const char *text,
                         guint       sentences)
{
  g_autofree char *squeezed = test_report_squeeze (text);

  for (guint step = 1; step <= 30; step++)
    for (guint s = 1; s <= sentences; s++)
      {
        g_autofree char *sentence = g_strdup_printf ("Step %u, reason %u: this treatment follows the previous one "
                                                     "once the skin has settled, and its settings are chosen for "
                                                     "your skin type.", step, s);

        ck_assert_msg (strstr (squeezed, sentence) != NULL, "step %u, sentence %u is cut", step, s);
      }
}

/* Lays a long plan out on @width x @height, exports it as @name and
 * checks that every text box stays inside the content area, that every
 * sentence of every step is there whole, and whether anything had to be
 * "continued" on the next page. */
static guint
check_long_plan (guint       sentences,
                 guint       per_paragraph,
                 const char *language,
                 double      width,
                 double      height,
                 const char *name,
                 gboolean    continued)
{
  g_autoptr (ConsultPlan) plan = build_long_plan (sentences, per_paragraph);
  g_autoptr (ConsultReport) report = test_report_new_sample (plan, language);
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *flow = NULL;
  g_autofree char *last_page = NULL;
  guint n_pages;

  ck_assert (consult_report_paginate (report, width, height, &error));
  assert_boxes_inside (report);

  text = test_report_export_text (report, name, &n_pages);
  ck_assert_uint_eq (strstr (text, g_str_equal (language, "es") ? "(continuación)" : "(continued)") != NULL,
                     continued);
  last_page = g_strdup_printf (g_str_equal (language, "es") ? "Página %u de %u" : "Page %u of %u",
                               n_pages, n_pages);
  ck_assert_ptr_nonnull (strstr (text, last_page));

  flow = test_report_export_flow (report, name, TEXT_COLUMN);
  assert_every_step_whole (flow, sentences);

  return n_pages;
}

/* Short blocks are never split, so nothing is ever "continued". */
START_TEST (test_layout_thirty_steps)
{
  ck_assert_uint_ge (check_long_plan (3, 0, "en", CONSULT_REPORT_A4_WIDTH, CONSULT_REPORT_A4_HEIGHT,
                                      "report-thirty-steps.pdf", FALSE),
                     4);
}
END_TEST

START_TEST (test_layout_letter)
{
  check_long_plan (2, 1, "es", CONSULT_REPORT_LETTER_WIDTH, CONSULT_REPORT_LETTER_HEIGHT,
                   "report-letter-es.pdf", FALSE);
}
END_TEST

/* Rationales far longer than a page, split between paragraphs under a
 * "continued" line. */
START_TEST (test_layout_huge_rationale)
{
  check_long_plan (60, 4, "en", CONSULT_REPORT_A4_WIDTH, CONSULT_REPORT_A4_HEIGHT,
                   "report-huge-rationale.pdf", TRUE);
}
END_TEST

/* One paragraph longer than a page: the last resort, cut between lines. */
START_TEST (test_layout_huge_paragraph)
{
  check_long_plan (70, 0, "en", CONSULT_REPORT_LETTER_WIDTH, CONSULT_REPORT_LETTER_HEIGHT,
                   "report-huge-paragraph.pdf", TRUE);
}
END_TEST

START_TEST (test_layout_long_names)
{
  g_autoptr (ConsultPlan) plan = test_report_load_plan ("plan-sample.json");
  g_autoptr (ConsultReport) report = test_report_new_sample (plan, "en");
  g_autoptr (GString) name = g_string_new ("María de los Ángeles ");
  ConsultReportClinic clinic = {
    .name = "The Extraordinarily Long-Named Center for Physician-Led Aesthetic and Laser Dermatology of Greater Los Angeles",
    .address = "Building C, Floor 12, 1200 West Sunset Boulevard Extension\nLos Angeles, California 90026-1234\nUnited States of America",
    .phone = "+1 213 555 0142 extension 4471",
  };
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < 12; i++)
    g_string_append (name, "Fernández-Villaverde ");
  g_string_append (name, "Supercalifragilisticexpialidocious-Hyphenated-Surname-Without-Any-Spaces-At-All-Whatsoever");

  consult_report_set_clinic (report, &clinic);
  consult_report_set_client (report, name->str, NULL);
  ck_assert (consult_report_paginate (report, CONSULT_REPORT_A4_WIDTH, CONSULT_REPORT_A4_HEIGHT, &error));
  assert_boxes_inside (report);

  text = test_report_export_text (report, "report-long-names.pdf", NULL);
  /* The details carry the whole name, wrapped; headers ellipsize it. */
  {
    g_autofree char *squeezed = test_report_squeeze (text);

    ck_assert_ptr_nonnull (strstr (squeezed, "María de los Ángeles Fernández-Villaverde"));
  }
}
END_TEST

START_TEST (test_layout_page_too_small)
{
  g_autoptr (ConsultPlan) plan = test_report_load_plan ("plan-sample.json");
  g_autoptr (ConsultReport) report = test_report_new_sample (plan, "en");
  g_autoptr (GError) error = NULL;

  ck_assert (!consult_report_paginate (report, 200, 300, &error));
  ck_assert (g_error_matches (error, CONSULT_REPORT_ERROR, CONSULT_REPORT_ERROR_FAILED));
  ck_assert_uint_eq (consult_report_get_n_pages (report), 0);
}
END_TEST

/* A logo of @width x @height pixels: a teal disc on white. */
static char *
write_logo (int width,
            int height)
{
  char *path = consult_test_output_path ("report-logo.png");
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 0.12, 0.37, 0.36);
  cairo_arc (cr, height / 2.0, height / 2.0, height / 2.0, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_destroy (cr);
  ck_assert_int_eq (cairo_surface_write_to_png (surface, path), CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  return path;
}

/* Pages 1 and 2, with a logo, as images for people to look at
 * (tests/output); a logo that cannot be read is left out. */
START_TEST (test_layout_png)
{
  g_autoptr (ConsultPlan) plan = test_report_load_plan ("plan-sample.json");
  g_autoptr (ConsultReport) report = test_report_new_sample (plan, "en");
  g_autoptr (GError) error = NULL;
  g_autofree char *logo = write_logo (400, 400);
  ConsultReportClinic clinic = {
    .name = "Clínica Dermaluz",
    .address = "1200 Sunset Boulevard, Suite 4\nLos Angeles, CA 90026",
    .phone = "+1 213 555 0142",
    .logo_path = "/nonexistent/logo.png",
  };
  double scale = 150.0 / 72.0;
  cairo_surface_t *surface;
  cairo_t *cr;

  consult_report_set_clinic (report, &clinic);
  ck_assert (consult_report_paginate (report, CONSULT_REPORT_A4_WIDTH, CONSULT_REPORT_A4_HEIGHT, &error));
  clinic.logo_path = logo;
  consult_report_set_clinic (report, &clinic);
  ck_assert (consult_report_paginate (report, CONSULT_REPORT_A4_WIDTH, CONSULT_REPORT_A4_HEIGHT, &error));
  assert_boxes_inside (report);

  for (guint page = 0; page < MIN (2, consult_report_get_n_pages (report)); page++)
    {
      g_autofree char *name = g_strdup_printf ("report-page-%u.png", page + 1);
      g_autofree char *path = consult_test_output_path (name);

      surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24,
                                            CONSULT_REPORT_A4_WIDTH * scale,
                                            CONSULT_REPORT_A4_HEIGHT * scale);
      cr = cairo_create (surface);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_scale (cr, scale, scale);
      consult_report_draw_page (report, cr, page);
      ck_assert_int_eq (cairo_status (cr), CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      ck_assert_int_eq (cairo_surface_write_to_png (surface, path), CAIRO_STATUS_SUCCESS);
      cairo_surface_destroy (surface);
    }
}
END_TEST

TCase *
test_report_layout_case (void)
{
  TCase *tcase = tcase_create ("layout");

  tcase_set_timeout (tcase, 120);
  tcase_add_test (tcase, test_layout_thirty_steps);
  tcase_add_test (tcase, test_layout_letter);
  tcase_add_test (tcase, test_layout_huge_rationale);
  tcase_add_test (tcase, test_layout_huge_paragraph);
  tcase_add_test (tcase, test_layout_long_names);
  tcase_add_test (tcase, test_layout_page_too_small);
  tcase_add_test (tcase, test_layout_png);

  return tcase;
}
