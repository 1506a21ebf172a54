/* test-report-cli.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <poppler.h>

#include "consult-test-store.h"
#include "test-report.h"

/* The PDF at @path as text, white space squeezed. */
static char *
pdf_text (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, &error);
  g_autoptr (GString) text = g_string_new (NULL);
  PopplerDocument *document = poppler_document_new_from_file (uri, NULL, &error);

  ck_assert_msg (document != NULL, "%s", error != NULL ? error->message : "");
  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      PopplerPage *page = poppler_document_get_page (document, i);
      g_autofree char *page_text = poppler_page_get_text (page);

      g_string_append_printf (text, "%s\n", page_text);
      g_object_unref (page);
    }
  g_object_unref (document);

  return test_report_squeeze (text->str);
}

static char *
saved_plan_id (const char *db,
               const char *seed)
{
  g_autofree char *intake = consult_test_source_path ("fixtures", "intake", seed, NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();

  ck_assert_int_eq (consult_test_store_cli (&out, &err, db, "save", intake,
                                            "--consultant", "Lucía Romero", NULL), 0);
  ck_assert (json_parser_load_from_data (parser, out, -1, NULL));

  return g_strdup (json_object_get_string_member (json_node_get_object (json_parser_get_root (parser)),
                                                  "plan_id"));
}

/* A stored plan, printed in the client's language (seed 3 prefers
 * Spanish): a draft, then signed. */
START_TEST (test_cli_export_stored)
{
  g_autofree char *dir = consult_test_store_make_dir ();
  g_autofree char *db = g_build_filename (dir, "consult.db", NULL);
  g_autofree char *pdf = consult_test_output_path ("report-cli-stored.pdf");
  g_autofree char *plan_id = saved_plan_id (db, "seed-3-sun-damage.json");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;

  ck_assert_int_eq (consult_test_store_cli (&out, &err, db, "export-pdf", plan_id, "-o", pdf, NULL), 0);
  text = pdf_text (pdf);
  ck_assert_ptr_nonnull (strstr (text, "Lucía Herrera"));
  ck_assert_ptr_nonnull (strstr (text, "Lucía Romero"));
  ck_assert_ptr_nonnull (strstr (text, "Borrador: aún no revisado"));

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  ck_assert_int_eq (consult_test_store_cli (&out, &err, db, "sign", plan_id,
                                            "--physician", "Dr. Helen Park", NULL), 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  ck_assert_int_eq (consult_test_store_cli (&out, &err, db, "export-pdf", plan_id, "-o", pdf,
                                            "--lang", "en", NULL), 0);
  g_free (text);
  text = pdf_text (pdf);
  ck_assert_ptr_nonnull (strstr (text, "Signed by Dr. Helen Park on"));

  consult_test_store_remove_dir (dir);
}
END_TEST

START_TEST (test_cli_export_file)
{
  g_autofree char *dir = consult_test_store_make_dir ();
  g_autofree char *db = g_build_filename (dir, "consult.db", NULL);
  g_autofree char *plan = consult_test_source_path ("fixtures", "report", "plan-sample.json", NULL);
  g_autofree char *intake = consult_test_source_path ("fixtures", "intake", "seed-1-glow.json", NULL);
  g_autofree char *pdf = consult_test_output_path ("report-cli-file.pdf");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;

  ck_assert_int_eq (consult_test_store_cli (&out, &err, db, "export-pdf", plan, "-o", pdf,
                                            "--intake", intake, "--paper", "letter",
                                            "--clinic-name", "Clínica Dermaluz", NULL), 0);
  text = pdf_text (pdf);
  ck_assert_ptr_nonnull (strstr (text, "Chloe Bennett"));
  ck_assert_ptr_nonnull (strstr (text, "Clínica Dermaluz"));
  ck_assert_ptr_nonnull (strstr (text, "Intense pulsed light often worsens melasma."));

  consult_test_store_remove_dir (dir);
}
END_TEST

START_TEST (test_cli_export_errors)
{
  g_autofree char *dir = consult_test_store_make_dir ();
  g_autofree char *db = g_build_filename (dir, "consult.db", NULL);
  g_autofree char *not_a_plan = consult_test_source_path ("fixtures", "intake", "seed-1-glow.json", NULL);
  g_autofree char *pdf = g_build_filename (dir, "out.pdf", NULL);
  struct { int status; const char *args[4]; const char *message; } cases[] = {
    { 2, { "no-such-plan", NULL }, "--output" },
    { 2, { "no-such-plan", "-o", pdf, "--paper=a5" }, "--paper" },
    { 1, { "no-such-plan", "-o", pdf, NULL }, "No plan version" },
    { 1, { not_a_plan, "-o", pdf, NULL }, "plan.format" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      ck_assert_int_eq (consult_test_store_cli (&out, &err, db, "export-pdf", cases[i].args[0],
                                                cases[i].args[1], cases[i].args[2], cases[i].args[3],
                                                NULL),
                        cases[i].status);
      ck_assert_msg (strstr (err, cases[i].message) != NULL, "case %u: %s", i, err);
      ck_assert (!g_file_test (pdf, G_FILE_TEST_EXISTS));
    }

  consult_test_store_remove_dir (dir);
}
END_TEST

TCase *
test_report_cli_case (void)
{
  TCase *tcase = tcase_create ("cli");

  tcase_set_timeout (tcase, 120);
  tcase_add_test (tcase, test_cli_export_stored);
  tcase_add_test (tcase, test_cli_export_file);
  tcase_add_test (tcase, test_cli_export_errors);

  return tcase;
}
