/* test-report-seeds.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "consult-test-planner.h"
#include "consult-translation.h"
#include "test-report.h"

static const char * const seeds[] = {
  "seed-1-glow.json",
  "seed-2-expression-lines.json",
  "seed-3-sun-damage.json",
  "seed-4-acne-scars.json",
  "seed-5-volume.json",
  "seed-6-melasma-strong-facial.json",
  "seed-7-tightening-all-at-once.json",
  "seed-8-cheaper-filler.json",
};

static void
collect_msgid (const char *where,
               const char *msgid,
               gpointer    user_data)
{
  g_hash_table_insert (user_data, g_strdup (where), g_strdup (msgid));
}

/* The catalogue's text for @kind @id's @field ("treatment spf: name")
 * in @translation's language, as the summary should print it. */
static char *
expected_text (ConsultTranslation *translation,
               const char         *kind,
               const char         *id,
               const char         *field)
{
  g_autoptr (GHashTable) texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *where = g_strdup_printf ("%s %s: %s", kind, id, field);
  const char *msgid;

  consult_catalogue_foreach_text (consult_test_catalogue (), collect_msgid, texts);
  msgid = g_hash_table_lookup (texts, where);
  ck_assert_msg (msgid != NULL, "no catalogue text at “%s”", where);

  return g_strdup (consult_translation_gettext (translation, msgid));
}

static gboolean
contains (const char *squeezed,
          const char *text)
{
  g_autofree char *wanted = test_report_squeeze (text);

  return strstr (squeezed, wanted) != NULL;
}

/* A reason is printed as stored, or rebuilt from its rules' rationales
 * in the client's language. */
static void
assert_reason (const char         *flow,
               ConsultTranslation *translation,
               const char         *reason,
               char              **rules)
{
  if (contains (flow, reason))
    return;

  for (guint i = 0; rules[i] != NULL; i++)
    {
      g_autofree char *rationale = expected_text (translation, "rule", rules[i], "rationale");

      ck_assert_msg (contains (flow, rationale), "the reason “%s” is missing", reason);
    }
}

START_TEST (test_report_seed)
{
  g_autoptr (ConsultIntake) intake = consult_test_intake_load (seeds[_i]);
  g_autoptr (ConsultPlan) plan = consult_test_plan (intake);
  const char *language = consult_intake_get_preferred_language (intake);
  g_autoptr (ConsultTranslation) translation = consult_translation_new_for_language (language, NULL);
  g_autoptr (ConsultReport) report = consult_report_new (plan, language);
  g_autofree char *pdf = g_strdup_printf ("report-%.*s.pdf", (int) strlen (seeds[_i]) - 5, seeds[_i]);
  g_autofree char *text = NULL;
  g_autofree char *squeezed = NULL;
  g_autofree char *column = NULL;
  g_autofree char *flow = NULL;
  g_autofree char *client = NULL;
  g_autofree char *page_one = NULL;
  GPtrArray *phases = consult_plan_get_phases (plan);
  GPtrArray *deferred = consult_plan_get_deferred (plan);
  GPtrArray *excluded = consult_plan_get_excluded (plan);
  gboolean spanish = g_str_has_prefix (language, "es");
  guint n_pages;

  consult_report_set_catalogue (report, consult_test_catalogue ());
  consult_report_set_intake (report, intake);
  consult_report_set_staff (report, "Lucía Romero, RN", "Dr. Helen Park");

  text = test_report_export_text (report, pdf, &n_pages);
  squeezed = test_report_squeeze (text);
  column = test_report_export_flow (report, pdf, 100);
  flow = test_report_squeeze (column);

  client = g_strdup_printf ("%s %s", consult_intake_get_given_name (intake),
                            consult_intake_get_family_name (intake));
  ck_assert_msg (contains (squeezed, client), "%s: the client's name is missing", seeds[_i]);

  for (guint i = 0; i < phases->len; i++)
    {
      const ConsultPlanPhase *phase = g_ptr_array_index (phases, i);

      for (guint j = 0; j < phase->steps->len; j++)
        {
          const ConsultPlanStep *step = g_ptr_array_index (phase->steps, j);
          g_autofree char *name = expected_text (translation, "treatment", step->treatment, "name");

          ck_assert_msg (contains (squeezed, name), "%s: “%s” is missing", seeds[_i], name);
        }
    }

  for (guint i = 0; i < deferred->len; i++)
    {
      const ConsultPlanDeferral *deferral = g_ptr_array_index (deferred, i);

      assert_reason (flow, translation, deferral->reason, deferral->rules);
    }

  for (guint i = 0; i < excluded->len; i++)
    {
      const ConsultPlanExclusion *exclusion = g_ptr_array_index (excluded, i);

      assert_reason (flow, translation, exclusion->reason, exclusion->rules);
    }

  page_one = g_strdup_printf (spanish ? "Página 1 de %u" : "Page 1 of %u", n_pages);
  ck_assert_msg (contains (squeezed, page_one), "%s: “%s” is missing", seeds[_i], page_one);

  if (spanish)
    {
      ck_assert (contains (squeezed, "Su plan de tratamiento"));
      ck_assert (contains (squeezed, "Su calendario"));
      ck_assert (contains (squeezed, "Sus tratamientos"));
      ck_assert (contains (squeezed, "Cómo proteger su piel del sol"));
      ck_assert (contains (squeezed, "Fecha de nacimiento"));
    }
}
END_TEST

TCase *
test_report_seeds_case (void)
{
  TCase *tcase = tcase_create ("seeds");

  tcase_set_timeout (tcase, 120);
  tcase_add_loop_test (tcase, test_report_seed, 0, G_N_ELEMENTS (seeds));

  return tcase;
}
