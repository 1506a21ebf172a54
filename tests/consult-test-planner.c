/* consult-test-planner.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "consult-catalogue-private.h"
#include "consult-intake-schema.h"
#include "consult-test-planner.h"

static const char base_intake[] =
  "{\"format\": \"medspa-consult/intake\", \"version\": 1,"
  " \"consultation_date\": \"2026-11-23\","
  " \"client\": {\"given_name\": \"Test\", \"family_name\": \"Client\","
  "   \"date_of_birth\": \"1985-01-01\", \"sex\": \"female\"},"
  " \"fitzpatrick\": 2, \"concerns\": [], \"reactivity\": \"mild\", \"rosacea\": false,"
  " \"sun\": {\"exposure\": \"low\", \"sunscreen\": \"daily\", \"recent_tan_or_burn\": false},"
  " \"pregnancy\": \"none\", \"melasma\": \"none\","
  " \"medical\": {\"isotretinoin\": \"never\"},"
  " \"preferences\": {\"downtime\": \"extended\", \"requested\": []}}";

static ConsultCatalogue *catalogue;

ConsultCatalogue *
consult_test_catalogue (void)
{
  if (catalogue == NULL)
    {
      g_autoptr (GError) error = NULL;

      catalogue = consult_catalogue_new_default (&error);
      ck_assert_msg (catalogue != NULL, "built-in catalogue: %s", error ? error->message : "");
    }

  return catalogue;
}

void
consult_test_intake_set (ConsultIntake *intake,
                         const char    *assignment)
{
  g_auto (GStrv) parts = g_strsplit (assignment, "=", 2);
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) value = NULL;
  const ConsultIntakeField *field;

  ck_assert_msg (parts[0] != NULL && parts[1] != NULL, "bad assignment %s", assignment);
  field = consult_intake_schema_lookup (parts[0]);
  ck_assert_msg (field != NULL, "unknown field %s", parts[0]);

  value = g_variant_parse (consult_intake_field_get_value_type (field), parts[1], NULL, NULL, &error);
  ck_assert_msg (value != NULL, "%s: %s", assignment, error ? error->message : "");
  ck_assert_msg (consult_intake_set_value (intake, parts[0], value, &error),
                 "%s: %s", assignment, error ? error->message : "");
}

static ConsultIntake *
intake_new_va (const char *first,
               va_list     args)
{
  g_autoptr (GError) error = NULL;
  ConsultIntake *intake = consult_intake_new_from_data (base_intake, -1, &error);

  ck_assert_msg (intake != NULL, "base intake: %s", error ? error->message : "");
  for (const char *a = first; a != NULL; a = va_arg (args, const char *))
    consult_test_intake_set (intake, a);

  return intake;
}

ConsultIntake *
consult_test_intake_new (const char *first_assignment,
                         ...)
{
  ConsultIntake *intake;
  va_list args;

  va_start (args, first_assignment);
  intake = intake_new_va (first_assignment, args);
  va_end (args);

  return intake;
}

ConsultIntake *
consult_test_intake_load (const char *fixture)
{
  g_autofree char *path = consult_test_source_path ("fixtures", "intake", fixture, NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  ConsultIntake *intake = consult_intake_new_from_file (file, &error);

  ck_assert_msg (intake != NULL, "%s: %s", fixture, error ? error->message : "");
  return intake;
}

ConsultPlan *
consult_test_plan (ConsultIntake *intake)
{
  g_autoptr (ConsultPlanner) planner = consult_planner_new (consult_test_catalogue ());
  g_autoptr (GPtrArray) problems = consult_intake_validate (intake);
  ConsultPlan *plan;

  ck_assert_msg (problems == NULL || problems->len == 0, "test intake is not valid: %s",
                 problems && problems->len ? consult_intake_problems_join (problems) : "");
  plan = consult_planner_plan (planner, intake, NULL);
  ck_assert_ptr_nonnull (plan);
  consult_test_check_plan_invariants (intake, plan);

  return plan;
}

ConsultPlan *
consult_test_plan_with (const char *first_assignment,
                        ...)
{
  g_autoptr (ConsultIntake) intake = NULL;
  va_list args;

  va_start (args, first_assignment);
  intake = intake_new_va (first_assignment, args);
  va_end (args);

  return consult_test_plan (intake);
}

gboolean
consult_test_rules_contain (char * const *rules,
                            const char    *rule)
{
  return rules != NULL && g_strv_contains ((const char * const *) rules, rule);
}

gboolean
consult_test_step_has_rule (ConsultPlan *plan,
                            const char  *treatment,
                            const char  *rule)
{
  const ConsultPlanStep *step = consult_plan_find_step (plan, treatment, NULL);

  return step != NULL && consult_test_rules_contain (step->rules, rule);
}

gboolean
consult_test_deferred_by (ConsultPlan *plan,
                          const char  *treatment,
                          const char  *rule)
{
  const ConsultPlanDeferral *deferral = consult_plan_find_deferral (plan, treatment);

  return deferral != NULL && consult_test_rules_contain (deferral->rules, rule);
}

gboolean
consult_test_excluded_by (ConsultPlan *plan,
                          const char  *treatment,
                          const char  *rule)
{
  const ConsultPlanExclusion *exclusion = consult_plan_find_exclusion (plan, treatment);

  return exclusion != NULL && consult_test_rules_contain (exclusion->rules, rule);
}

gboolean
consult_test_warned_by (ConsultPlan *plan,
                        const char  *rule)
{
  GPtrArray *warnings = consult_plan_get_warnings (plan);

  for (guint i = 0; i < warnings->len; i++)
    if (consult_test_rules_contain (((ConsultPlanWarning *) g_ptr_array_index (warnings, i))->rules, rule))
      return TRUE;

  return FALSE;
}

gboolean
consult_test_referred (ConsultPlan           *plan,
                       ConsultReferralTarget  to,
                       const char            *rule)
{
  GPtrArray *referrals = consult_plan_get_referrals (plan);

  for (guint i = 0; i < referrals->len; i++)
    {
      const ConsultPlanReferral *referral = g_ptr_array_index (referrals, i);

      if (referral->to == to && consult_test_rules_contain (referral->rules, rule))
        return TRUE;
    }

  return FALSE;
}

gboolean
consult_test_plan_mentions (ConsultPlan *plan,
                            const char  *rule)
{
  g_autofree char *json = consult_plan_to_json (plan);
  g_autofree char *quoted = g_strdup_printf ("\"%s\"", rule);

  return strstr (json, quoted) != NULL;
}

guint
consult_test_phase_of (ConsultPlan *plan,
                       const char  *treatment)
{
  guint phase = 0;

  consult_plan_find_step (plan, treatment, &phase);
  return phase;
}

ConsultStepFlags
consult_test_flags_of (ConsultPlan *plan,
                       const char  *treatment)
{
  const ConsultPlanStep *step = consult_plan_find_step (plan, treatment, NULL);

  ck_assert_msg (step != NULL, "%s is not planned", treatment);
  return step->flags;
}

static const ConsultPlanStep *
find_any_step (GPtrArray   *steps,
               const char  *treatment)
{
  for (guint i = 0; i < steps->len; i++)
    if (g_str_equal (((ConsultPlanStep *) g_ptr_array_index (steps, i))->treatment, treatment))
      return g_ptr_array_index (steps, i);

  return NULL;
}

static void
check_spacings (ConsultPlan *plan,
                GPtrArray   *steps)
{
  ConsultCatalogue *cat = consult_test_catalogue ();

  /* Every spacing effect of every rule that can fire: where both of its
   * sides are planned, the later one keeps its distance. */
  for (guint r = 0; r < cat->rules->len; r++)
    {
      const ConsultRule *rule = g_ptr_array_index (cat->rules, r);

      for (guint e = 0; e < rule->effects->len; e++)
        {
          const ConsultEffect *effect = g_ptr_array_index (rule->effects, e);

          if (effect->kind != CONSULT_EFFECT_SPACE)
            continue;

          for (guint a = 0; a < steps->len; a++)
            for (guint b = 0; b < steps->len; b++)
              {
                const ConsultPlanStep *x = g_ptr_array_index (steps, a);
                const ConsultPlanStep *y = g_ptr_array_index (steps, b);
                const ConsultTreatment *tx = consult_catalogue_lookup_treatment (cat, x->treatment);
                const ConsultTreatment *ty = consult_catalogue_lookup_treatment (cat, y->treatment);
                gboolean x_later = (effect->later & CONSULT_TREATMENT_BIT (tx->index)) != 0;
                gboolean y_earlier = (effect->earlier & CONSULT_TREATMENT_BIT (ty->index)) != 0;

                if (a == b || !x_later || !y_earlier)
                  continue;
                if (!consult_test_step_has_rule (plan, x->treatment, rule->id))
                  continue;

                if (effect->either_order)
                  {
                    const ConsultPlanStep *first = x->start_week <= y->start_week ? x : y;
                    const ConsultPlanStep *second = first == x ? y : x;

                    ck_assert_msg (second->start_week >= consult_plan_step_get_last_week (first) + effect->weeks,
                                   "%s: %s and %s are not %u weeks apart", rule->id, x->treatment,
                                   y->treatment, effect->weeks);
                  }
                else
                  ck_assert_msg (x->start_week >= consult_plan_step_get_last_week (y) + effect->weeks,
                                 "%s: %s starts %u, less than %u weeks after %s (last %u)", rule->id,
                                 x->treatment, x->start_week, effect->weeks, y->treatment,
                                 consult_plan_step_get_last_week (y));
              }
        }
    }
}

void
consult_test_check_plan_invariants (ConsultIntake *intake,
                                    ConsultPlan   *plan)
{
  ConsultCatalogue *cat = consult_test_catalogue ();
  GPtrArray *phases = consult_plan_get_phases (plan);
  g_autoptr (GPtrArray) steps = g_ptr_array_new ();
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_auto (GStrv) requested = consult_intake_dup_requested (intake);
  const ConsultPlanPhase *first;
  guint previous_number = 0;
  guint previous_start = 0;

  ck_assert_msg (phases->len >= 1, "a plan has at least phase 1");
  first = g_ptr_array_index (phases, 0);
  ck_assert_uint_eq (first->number, 1);
  ck_assert_uint_eq (first->start_week, 0);
  ck_assert_msg (find_any_step (first->steps, "spf") != NULL, "spf is not in phase 1");
  ck_assert_msg (find_any_step (first->steps, "barrier-repair") != NULL, "barrier-repair is not in phase 1");
  ck_assert_uint_eq (find_any_step (first->steps, "spf")->start_week, 0);
  ck_assert_uint_eq (find_any_step (first->steps, "barrier-repair")->start_week, 0);

  for (guint i = 0; i < phases->len; i++)
    {
      const ConsultPlanPhase *phase = g_ptr_array_index (phases, i);

      ck_assert_msg (phase->number > previous_number, "phases out of order");
      ck_assert_msg (phase->start_week >= previous_start, "phase %u starts before the previous one", phase->number);
      ck_assert_msg (phase->steps->len > 0, "empty phase %u", phase->number);
      ck_assert_uint_ge (phase->end_week, phase->start_week);
      previous_number = phase->number;
      previous_start = phase->start_week;

      for (guint j = 0; j < phase->steps->len; j++)
        {
          const ConsultPlanStep *step = g_ptr_array_index (phase->steps, j);
          const ConsultTreatment *treatment = consult_catalogue_lookup_treatment (cat, step->treatment);

          ck_assert_msg (treatment != NULL, "unknown treatment %s", step->treatment);
          ck_assert_msg (g_hash_table_add (seen, step->treatment), "%s appears twice", step->treatment);
          ck_assert_msg (step->rationale != NULL && *step->rationale != '\0', "%s has no rationale", step->treatment);
          ck_assert_msg (step->start_week >= phase->start_week, "%s starts before its phase", step->treatment);
          ck_assert_msg (consult_treatment_get_allowed_phases (treatment) & (1u << phase->number),
                         "%s is in phase %u, not allowed", step->treatment, phase->number);
          if (consult_treatment_get_performer (treatment) == CONSULT_PERFORMER_PHYSICIAN)
            ck_assert_msg (step->requires_physician, "%s is physician-only", step->treatment);
          if (step->requires_physician || step->performer != CONSULT_PERFORMER_ESTHETICIAN)
            ck_assert_msg (consult_plan_get_requires_physician_signoff (plan), "sign-off missing");
          g_ptr_array_add (steps, (gpointer) step);
        }
    }

  for (guint i = 0; i < steps->len; i++)
    for (guint j = i + 1; j < steps->len; j++)
      {
        const ConsultPlanStep *a = g_ptr_array_index (steps, i);
        const ConsultPlanStep *b = g_ptr_array_index (steps, j);
        const ConsultTreatment *ta = consult_catalogue_lookup_treatment (cat, a->treatment);
        const ConsultTreatment *tb = consult_catalogue_lookup_treatment (cat, b->treatment);

        if ((cat->devices & CONSULT_TREATMENT_BIT (ta->index)) &&
            (cat->devices & CONSULT_TREATMENT_BIT (tb->index)))
          ck_assert_msg (a->start_week != b->start_week, "devices %s and %s start the same week",
                         a->treatment, b->treatment);
      }

  for (guint i = 0; i < consult_plan_get_deferred (plan)->len; i++)
    {
      const ConsultPlanDeferral *deferral = g_ptr_array_index (consult_plan_get_deferred (plan), i);

      ck_assert_msg (g_hash_table_add (seen, deferral->treatment), "%s appears twice", deferral->treatment);
      ck_assert_msg (*deferral->reason != '\0' && *deferral->until != '\0', "%s deferred without reason",
                     deferral->treatment);
    }
  for (guint i = 0; i < consult_plan_get_excluded (plan)->len; i++)
    {
      const ConsultPlanExclusion *exclusion = g_ptr_array_index (consult_plan_get_excluded (plan), i);

      ck_assert_msg (g_hash_table_add (seen, exclusion->treatment), "%s appears twice", exclusion->treatment);
      ck_assert_msg (*exclusion->reason != '\0' && exclusion->rules[0] != NULL, "%s excluded without reason",
                     exclusion->treatment);
    }

  for (guint i = 0; requested != NULL && requested[i] != NULL; i++)
    ck_assert_msg (g_hash_table_contains (seen, requested[i]), "requested %s is not accounted for", requested[i]);

  check_spacings (plan, steps);
}
