/* test-fhir-seeds.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "consult-test-store.h"
#include "test-fhir.h"

/* Odd seeds are mapped as drafts, even ones signed with consent, so the
 * golden files hold both CarePlan statuses and the Consent. */
static const char * const seeds[] = {
  "seed-1-glow",
  "seed-2-expression-lines",
  "seed-3-sun-damage",
  "seed-4-acne-scars",
  "seed-5-volume",
  "seed-6-melasma-strong-facial",
  "seed-7-tightening-all-at-once",
  "seed-8-cheaper-filler",
};

static gboolean
number_uuid (const GMatchInfo *match,
             GString          *result,
             gpointer          user_data)
{
  GHashTable *numbers = user_data;
  g_autofree char *uuid = g_match_info_fetch (match, 0);
  guint number = GPOINTER_TO_UINT (g_hash_table_lookup (numbers, uuid));

  if (number == 0)
    {
      number = g_hash_table_size (numbers) + 1;
      g_hash_table_insert (numbers, g_steal_pointer (&uuid), GUINT_TO_POINTER (number));
    }

  g_string_append_printf (result, "00000000-0000-0000-0000-%012u", number);
  return FALSE;
}

/* The store gives every record a random UUID, and fullUrls are derived
 * from them: number each distinct one in order of appearance, which
 * keeps every link between resources visible in the golden file. */
static char *
normalise_uuids (const char *text)
{
  g_autoptr (GRegex) regex = NULL;
  g_autoptr (GHashTable) numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GError) error = NULL;
  char *result;

  regex = g_regex_new ("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", 0, 0, &error);
  g_assert_no_error (error);
  result = g_regex_replace_eval (regex, text, -1, 0, 0, number_uuid, numbers, &error);
  g_assert_no_error (error);

  return result;
}

START_TEST (test_fhir_seed_golden)
{
  g_autofree char *dir = consult_test_store_make_dir ();
  g_autoptr (ConsultStore) store = consult_test_store_open (dir);
  g_autofree char *fixture = g_strdup_printf ("%s.json", seeds[_i]);
  g_autofree char *name = g_strdup_printf ("%s.bundle.json", seeds[_i]);
  g_autofree char *golden_path = consult_test_source_path ("fixtures", "fhir", name, NULL);
  g_autoptr (ConsultFhirRecords) records = NULL;
  g_autoptr (JsonNode) bundle = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *actual = NULL;
  g_autofree char *expected = NULL;

  records = test_fhir_save_seed (store, fixture, _i % 2 == 1);
  /* The store stamps records with the real time; the golden files use
   * the same fixed clock as the Bundle's timestamp. */
  records->plan->created_at = G_GINT64_CONSTANT (1795426200) * G_USEC_PER_SEC;
  bundle = test_fhir_bundle (records);
  text = consult_fhir_to_string (bundle);
  actual = normalise_uuids (text);

  if (g_getenv ("CONSULT_UPDATE_GOLDEN") != NULL)
    ck_assert_msg (g_file_set_contents (golden_path, actual, -1, &error), "%s", error ? error->message : "");

  ck_assert_msg (g_file_get_contents (golden_path, &expected, NULL, &error),
                 "%s (set CONSULT_UPDATE_GOLDEN=1 to write it)", error->message);
  if (!g_str_equal (actual, expected))
    {
      g_autofree char *output = consult_test_output_path (name);

      g_file_set_contents (output, actual, -1, NULL);
      ck_abort_msg ("%s differs from its golden file; the Bundle made is in %s", name, output);
    }

  consult_test_store_remove_dir (dir);
}
END_TEST

TCase *
test_fhir_seeds_case (void)
{
  TCase *tcase = tcase_create ("seeds");

  tcase_set_timeout (tcase, 60);
  tcase_add_loop_test (tcase, test_fhir_seed_golden, 0, G_N_ELEMENTS (seeds));
  return tcase;
}
