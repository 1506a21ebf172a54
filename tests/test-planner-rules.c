/* test-planner-rules.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "consult-test-planner.h"

/* Every rule of the default catalogue, once where it fires and once where
 * it does not. Each plan also passes the invariants (consult_test_plan). */

#define PLAN_WITH(name, ...) g_autoptr (ConsultPlan) name = consult_test_plan_with (__VA_ARGS__, NULL)

#define ck_assert_step_flags(plan, treatment, expected) \
  ck_assert_msg ((consult_test_flags_of (plan, treatment) & (expected)) == (expected), \
                 "%s lacks flags %x", treatment, (unsigned) (expected))

static gboolean
needs_physician (ConsultPlan *plan,
                 const char  *treatment)
{
  const ConsultPlanStep *step = consult_plan_find_step (plan, treatment, NULL);

  ck_assert_msg (step != NULL, "%s is not planned", treatment);
  return step->requires_physician;
}

START_TEST (test_r01_pregnancy_injectables)
{
  PLAN_WITH (fires, "pregnancy='pregnant'", "preferences.requested=['neuromodulator']");
  PLAN_WITH (quiet, "preferences.requested=['neuromodulator']");

  ck_assert (consult_test_deferred_by (fires, "neuromodulator", "R01"));
  ck_assert_str_eq (consult_plan_find_deferral (fires, "neuromodulator")->until,
                    "until after pregnancy and breastfeeding");
  ck_assert_uint_eq (consult_test_phase_of (quiet, "neuromodulator"), 3);
  ck_assert (!consult_test_plan_mentions (quiet, "R01"));
}
END_TEST

START_TEST (test_r02_pregnancy_devices)
{
  PLAN_WITH (fires, "pregnancy='breastfeeding'", "preferences.requested=['ipl']");
  PLAN_WITH (quiet, "preferences.requested=['ipl']");

  ck_assert (consult_test_deferred_by (fires, "ipl", "R02"));
  ck_assert (consult_test_warned_by (fires, "R02"));
  ck_assert_uint_eq (consult_test_phase_of (quiet, "ipl"), 3);
  ck_assert (!consult_test_plan_mentions (quiet, "R02"));
}
END_TEST

START_TEST (test_r03_pregnancy_topicals)
{
  PLAN_WITH (fires, "pregnancy='breastfeeding'",
             "preferences.requested=['hydroquinone', 'retinoid', 'kojic-acid', 'azelaic-acid']");
  PLAN_WITH (trying, "pregnancy='trying'", "preferences.requested=['retinoid']");
  PLAN_WITH (quiet, "preferences.requested=['hydroquinone', 'retinoid', 'kojic-acid', 'azelaic-acid']");

  ck_assert (consult_test_step_has_rule (trying, "retinoid", "R03"));
  ck_assert (consult_test_flags_of (trying, "retinoid") & CONSULT_STEP_FLAG_REASSESS);
  ck_assert (consult_test_warned_by (trying, "R03"));
  ck_assert (consult_test_excluded_by (fires, "hydroquinone", "R03"));
  ck_assert (consult_test_excluded_by (fires, "retinoid", "R03"));
  ck_assert (consult_test_excluded_by (fires, "kojic-acid", "R03"));
  ck_assert_uint_eq (consult_test_phase_of (fires, "azelaic-acid"), 1);
  ck_assert_uint_eq (consult_test_phase_of (quiet, "retinoid"), 1);
  ck_assert (!consult_test_plan_mentions (quiet, "R03"));
}
END_TEST

START_TEST (test_r04_pregnancy_peels)
{
  PLAN_WITH (fires, "pregnancy='pregnant'", "preferences.requested=['peel-medium', 'peel-superficial']");
  PLAN_WITH (quiet, "pregnancy='breastfeeding'", "preferences.requested=['peel-medium', 'peel-superficial']");

  ck_assert (consult_test_deferred_by (fires, "peel-medium", "R04"));
  ck_assert (consult_test_step_has_rule (fires, "peel-superficial", "R04"));
  ck_assert_step_flags (fires, "peel-superficial", CONSULT_STEP_FLAG_CONSERVATIVE);
  ck_assert (consult_test_warned_by (fires, "R04"));
  ck_assert_uint_eq (consult_test_phase_of (quiet, "peel-medium"), 2);
  ck_assert (!consult_test_plan_mentions (quiet, "R04"));
}
END_TEST

START_TEST (test_r05_pregnancy_comfort_care)
{
  PLAN_WITH (fires, "pregnancy='pregnant'", "preferences.requested=['microneedling']");
  PLAN_WITH (quiet, "pregnancy='trying'", "preferences.requested=['microneedling']");

  ck_assert_uint_eq (consult_test_phase_of (fires, "facial"), 1);
  ck_assert_step_flags (fires, "facial", CONSULT_STEP_FLAG_CONSERVATIVE);
  ck_assert (consult_test_deferred_by (fires, "microneedling", "R05"));
  ck_assert (consult_test_warned_by (fires, "R05"));
  ck_assert_uint_eq (consult_test_phase_of (quiet, "facial"), 0);
  ck_assert (!consult_test_plan_mentions (quiet, "R05"));
}
END_TEST

START_TEST (test_r06_melasma)
{
  PLAN_WITH (fires, "melasma='active'", "preferences.requested=['ipl', 'laser-nonablative-fractional']");
  PLAN_WITH (quiet, "preferences.requested=['ipl', 'laser-nonablative-fractional']");
  const ConsultPlanStep *laser = consult_plan_find_step (fires, "laser-nonablative-fractional", NULL);

  ck_assert (consult_test_excluded_by (fires, "ipl", "R06"));
  ck_assert_ptr_nonnull (laser);
  ck_assert_step_flags (fires, "laser-nonablative-fractional",
                        CONSULT_STEP_FLAG_TEST_SPOT | CONSULT_STEP_FLAG_CONSERVATIVE);
  ck_assert (laser->requires_physician);
  ck_assert_uint_ge (laser->start_week, 8);
  ck_assert_uint_eq (consult_test_phase_of (quiet, "ipl"), 3);
  ck_assert (!consult_test_plan_mentions (quiet, "R06"));
}
END_TEST

START_TEST (test_r07_pigment_first)
{
  PLAN_WITH (fires, "concerns=['pigment']");
  PLAN_WITH (quiet, "concerns=['dullness']");

  ck_assert (consult_test_step_has_rule (fires, "spf", "R07"));
  ck_assert_uint_eq (consult_test_phase_of (fires, "hydroquinone"), 1);
  ck_assert (consult_test_step_has_rule (fires, "hydroquinone", "R07"));
  ck_assert_uint_eq (consult_test_phase_of (quiet, "hydroquinone"), 0);
  ck_assert (!consult_test_plan_mentions (quiet, "R07"));
}
END_TEST

START_TEST (test_r07_pregnancy_picks_a_safe_topical)
{
  PLAN_WITH (plan, "concerns=['melasma']", "pregnancy='pregnant'");

  ck_assert_uint_eq (consult_test_phase_of (plan, "azelaic-acid"), 1);
  ck_assert (consult_test_step_has_rule (plan, "azelaic-acid", "R07"));
  ck_assert_uint_eq (consult_test_phase_of (plan, "hydroquinone"), 0);
}
END_TEST

START_TEST (test_r08_tan_and_sunscreen)
{
  PLAN_WITH (tan, "sun.recent_tan_or_burn=true", "preferences.requested=['ipl']");
  PLAN_WITH (rarely, "sun.sunscreen='rarely'", "preferences.requested=['ipl', 'microneedling']");
  PLAN_WITH (trip, "sun.upcoming_sun_exposure=true", "preferences.requested=['ipl']");
  PLAN_WITH (outdoors, "sun.exposure='high'", "preferences.requested=['ipl']");
  PLAN_WITH (quiet, "preferences.requested=['ipl']");

  ck_assert_str_eq (consult_plan_find_deferral (trip, "ipl")->until, "until after the planned time in strong sun");
  ck_assert_step_flags (outdoors, "ipl", CONSULT_STEP_FLAG_CONSERVATIVE);
  ck_assert (consult_test_deferred_by (tan, "ipl", "R08"));
  ck_assert_str_eq (consult_plan_find_deferral (tan, "ipl")->until, "2026-12-21");
  ck_assert (consult_test_deferred_by (rarely, "ipl", "R08"));
  ck_assert (!g_date_valid (&consult_plan_find_deferral (rarely, "ipl")->until_date));
  ck_assert_step_flags (rarely, "microneedling", CONSULT_STEP_FLAG_CONSERVATIVE);
  ck_assert_uint_eq (consult_test_phase_of (quiet, "ipl"), 3);
  ck_assert (!consult_test_plan_mentions (quiet, "R08"));
}
END_TEST

START_TEST (test_r09_skin_type_6)
{
  PLAN_WITH (fires, "fitzpatrick=6", "concerns=['unwanted_hair']",
             "preferences.requested=['laser-hair-alexandrite']");
  PLAN_WITH (quiet, "fitzpatrick=3", "concerns=['unwanted_hair']",
             "preferences.requested=['laser-hair-alexandrite']");

  ck_assert (consult_test_excluded_by (fires, "laser-hair-alexandrite", "R09"));
  ck_assert (consult_test_step_has_rule (fires, "laser-hair-nd-yag", "R09"));
  ck_assert_uint_ne (consult_test_phase_of (quiet, "laser-hair-alexandrite"), 0);
  ck_assert (!consult_test_plan_mentions (quiet, "R09"));
}
END_TEST

START_TEST (test_r10_skin_types_4_5)
{
  PLAN_WITH (fires, "fitzpatrick=5", "preferences.requested=['laser-hair-diode', 'laser-hair-alexandrite']");
  PLAN_WITH (quiet, "fitzpatrick=3", "preferences.requested=['laser-hair-diode', 'laser-hair-alexandrite']");

  ck_assert_step_flags (fires, "laser-hair-diode", CONSULT_STEP_FLAG_TEST_SPOT | CONSULT_STEP_FLAG_CONSERVATIVE);
  ck_assert (consult_test_excluded_by (fires, "laser-hair-alexandrite", "R10"));
  ck_assert (consult_test_step_has_rule (fires, "laser-hair-nd-yag", "R10"));
  ck_assert_uint_ne (consult_test_phase_of (quiet, "laser-hair-alexandrite"), 0);
  ck_assert (!consult_test_plan_mentions (quiet, "R10"));
}
END_TEST

START_TEST (test_r11_skin_types_4_6)
{
  PLAN_WITH (fires, "fitzpatrick=4", "preferences.requested=['laser-nonablative-fractional', 'peel-deep']");
  PLAN_WITH (quiet, "fitzpatrick=3", "preferences.requested=['laser-nonablative-fractional', 'peel-deep']");
  const ConsultPlanStep *laser = consult_plan_find_step (fires, "laser-nonablative-fractional", NULL);
  const ConsultPlanStep *cream = consult_plan_find_step (fires, "hydroquinone", NULL);

  ck_assert (consult_test_excluded_by (fires, "peel-deep", "R11"));
  ck_assert_step_flags (fires, "laser-nonablative-fractional",
                        CONSULT_STEP_FLAG_TEST_SPOT | CONSULT_STEP_FLAG_CONSERVATIVE);
  ck_assert_ptr_nonnull (cream);
  ck_assert (consult_test_rules_contain (cream->rules, "R11"));
  ck_assert_uint_ge (laser->start_week, cream->start_week + 2);
  ck_assert_uint_eq (consult_test_phase_of (quiet, "peel-deep"), 2);
  ck_assert_uint_eq (consult_test_phase_of (quiet, "hydroquinone"), 0);
  ck_assert (!consult_test_plan_mentions (quiet, "R11"));
}
END_TEST

START_TEST (test_r12_isotretinoin)
{
  PLAN_WITH (stopped, "medical.isotretinoin='stopped'", "medical.isotretinoin_stopped_on='2026-08-23'",
             "preferences.requested=['rf-microneedling', 'microneedling']");
  PLAN_WITH (current, "medical.isotretinoin='current'", "preferences.requested=['rf-microneedling']");
  PLAN_WITH (quiet, "medical.isotretinoin='stopped'", "medical.isotretinoin_stopped_on='2026-03-01'",
             "preferences.requested=['rf-microneedling', 'microneedling']");

  ck_assert (consult_test_deferred_by (stopped, "rf-microneedling", "R12"));
  ck_assert_str_eq (consult_plan_find_deferral (stopped, "rf-microneedling")->until, "2027-02-23");
  ck_assert (needs_physician (stopped, "microneedling"));
  ck_assert (consult_test_warned_by (stopped, "R12"));
  ck_assert_str_eq (consult_plan_find_deferral (current, "rf-microneedling")->until,
                    "until 6 months after the last isotretinoin dose");
  ck_assert_uint_eq (consult_test_phase_of (quiet, "rf-microneedling"), 2);
  ck_assert (!consult_test_plan_mentions (quiet, "R12"));
}
END_TEST

START_TEST (test_r13_topical_retinoid)
{
  PLAN_WITH (fires, "medical.topical_retinoid=true", "preferences.requested=['peel-superficial']");
  PLAN_WITH (quiet, "preferences.requested=['peel-superficial']");

  ck_assert (consult_test_step_has_rule (fires, "peel-superficial", "R13"));
  ck_assert (consult_test_warned_by (fires, "R13"));
  ck_assert (!consult_test_plan_mentions (quiet, "R13"));
}
END_TEST

START_TEST (test_r14_cold_sores)
{
  PLAN_WITH (history, "medical.hsv_history=true", "preferences.requested=['ha-filler']");
  PLAN_WITH (active, "medical.active_cold_sore=true", "preferences.requested=['ha-filler']");
  PLAN_WITH (quiet, "preferences.requested=['ha-filler']");

  ck_assert_step_flags (history, "ha-filler", CONSULT_STEP_FLAG_ANTIVIRAL_PROPHYLAXIS);
  ck_assert (needs_physician (history, "ha-filler"));
  ck_assert (consult_test_deferred_by (active, "ha-filler", "R14"));
  ck_assert (!(consult_test_flags_of (quiet, "ha-filler") & CONSULT_STEP_FLAG_ANTIVIRAL_PROPHYLAXIS));
  ck_assert (!consult_test_plan_mentions (quiet, "R14"));
}
END_TEST

START_TEST (test_r15_keloids)
{
  PLAN_WITH (fires, "medical.keloid_history=true", "preferences.requested=['biostimulator', 'microneedling']");
  PLAN_WITH (quiet, "preferences.requested=['biostimulator', 'microneedling']");

  ck_assert (consult_test_excluded_by (fires, "biostimulator", "R15"));
  ck_assert_step_flags (fires, "microneedling", CONSULT_STEP_FLAG_TEST_SPOT);
  ck_assert (needs_physician (fires, "microneedling"));
  ck_assert_uint_ne (consult_test_phase_of (quiet, "biostimulator"), 0);
  ck_assert (!consult_test_plan_mentions (quiet, "R15"));
}
END_TEST

START_TEST (test_r16_anticoagulant)
{
  PLAN_WITH (fires, "medical.anticoagulant=true", "preferences.requested=['neuromodulator']");
  PLAN_WITH (quiet, "preferences.requested=['neuromodulator']");

  ck_assert_step_flags (fires, "neuromodulator", CONSULT_STEP_FLAG_BRUISING_CONSENT);
  ck_assert (needs_physician (fires, "neuromodulator"));
  ck_assert (consult_test_warned_by (fires, "R16"));
  ck_assert (!needs_physician (quiet, "neuromodulator"));
  ck_assert (!consult_test_plan_mentions (quiet, "R16"));
}
END_TEST

START_TEST (test_r17_bleeding_disorder)
{
  PLAN_WITH (fires, "medical.bleeding_disorder=true", "preferences.requested=['ha-filler', 'biostimulator']");
  PLAN_WITH (quiet, "preferences.requested=['ha-filler', 'biostimulator']");

  ck_assert (consult_test_excluded_by (fires, "ha-filler", "R17"));
  ck_assert (consult_test_step_has_rule (fires, "biostimulator", "R17"));
  ck_assert (needs_physician (fires, "biostimulator"));
  ck_assert_uint_eq (consult_test_phase_of (quiet, "ha-filler"), 3);
  ck_assert (!consult_test_plan_mentions (quiet, "R17"));
}
END_TEST

START_TEST (test_r18_severe_allergies)
{
  PLAN_WITH (fires, "medical.anaphylaxis_or_severe_allergies=true", "preferences.requested=['ha-filler']");
  PLAN_WITH (quiet, "preferences.requested=['ha-filler']");

  ck_assert (consult_test_excluded_by (fires, "ha-filler", "R18"));
  ck_assert_uint_eq (consult_test_phase_of (quiet, "ha-filler"), 3);
  ck_assert (!consult_test_plan_mentions (quiet, "R18"));
}
END_TEST

START_TEST (test_r19_lidocaine)
{
  PLAN_WITH (fires, "medical.lidocaine_allergy=true", "preferences.requested=['ha-filler']");
  PLAN_WITH (quiet, "preferences.requested=['ha-filler']");

  ck_assert_step_flags (fires, "ha-filler", CONSULT_STEP_FLAG_PHYSICIAN_REVIEW);
  ck_assert (consult_test_warned_by (fires, "R19"));
  ck_assert (!consult_test_plan_mentions (quiet, "R19"));
}
END_TEST

START_TEST (test_r20_neuromuscular)
{
  PLAN_WITH (fires, "medical.neuromuscular_disorder=true", "preferences.requested=['neuromodulator']");
  PLAN_WITH (quiet, "preferences.requested=['neuromodulator']");

  ck_assert (consult_test_excluded_by (fires, "neuromodulator", "R20"));
  ck_assert_uint_eq (consult_test_phase_of (quiet, "neuromodulator"), 3);
  ck_assert (!consult_test_plan_mentions (quiet, "R20"));
}
END_TEST

START_TEST (test_r21_botulinum_allergy_and_aminoglycoside)
{
  PLAN_WITH (allergy, "medical.botulinum_allergy=true", "preferences.requested=['neuromodulator']");
  PLAN_WITH (drug, "medical.aminoglycoside=true", "preferences.requested=['neuromodulator']");
  PLAN_WITH (quiet, "preferences.requested=['neuromodulator']");

  ck_assert (consult_test_excluded_by (allergy, "neuromodulator", "R21"));
  ck_assert (consult_test_deferred_by (drug, "neuromodulator", "R21"));
  ck_assert (!consult_test_plan_mentions (quiet, "R21"));
}
END_TEST

START_TEST (test_r22_active_lesions)
{
  PLAN_WITH (fires, "medical.active_acne=true", "preferences.requested=['microneedling', 'neuromodulator']");
  PLAN_WITH (quiet, "preferences.requested=['microneedling', 'neuromodulator']");

  ck_assert (consult_test_deferred_by (fires, "microneedling", "R22"));
  ck_assert (consult_test_deferred_by (fires, "neuromodulator", "R22"));
  ck_assert_uint_eq (consult_test_phase_of (quiet, "microneedling"), 2);
  ck_assert (!consult_test_plan_mentions (quiet, "R22"));
}
END_TEST

START_TEST (test_r23_rosacea)
{
  PLAN_WITH (fires, "rosacea=true", "concerns=['redness_vessels']", "preferences.requested=['hydrafacial']");
  PLAN_WITH (quiet, "concerns=['redness_vessels']", "preferences.requested=['hydrafacial']");

  ck_assert (consult_test_excluded_by (fires, "hydrafacial", "R23"));
  ck_assert_uint_eq (consult_test_phase_of (fires, "vascular-laser"), 3);
  ck_assert (consult_test_step_has_rule (fires, "vascular-laser", "R23"));
  ck_assert_uint_ne (consult_test_phase_of (quiet, "hydrafacial"), 0);
  ck_assert (!consult_test_plan_mentions (quiet, "R23"));
}
END_TEST

START_TEST (test_r24_photosensitising)
{
  PLAN_WITH (fires, "medical.photosensitizing_medication=true", "preferences.requested=['ipl']");
  PLAN_WITH (quiet, "preferences.requested=['ipl']");

  ck_assert_step_flags (fires, "ipl", CONSULT_STEP_FLAG_TEST_SPOT);
  ck_assert (needs_physician (fires, "ipl"));
  ck_assert (!needs_physician (quiet, "ipl"));
  ck_assert (!consult_test_plan_mentions (quiet, "R24"));
}
END_TEST

START_TEST (test_r25_autoimmune_and_vitiligo)
{
  PLAN_WITH (autoimmune, "medical.autoimmune=true", "preferences.requested=['ipl', 'ha-filler']");
  PLAN_WITH (vitiligo, "medical.vitiligo=true", "preferences.requested=['microneedling']");
  PLAN_WITH (quiet, "preferences.requested=['ipl', 'ha-filler', 'microneedling']");

  ck_assert (consult_test_deferred_by (autoimmune, "ipl", "R25"));
  ck_assert (consult_test_step_has_rule (autoimmune, "ha-filler", "R25"));
  ck_assert_step_flags (vitiligo, "microneedling", CONSULT_STEP_FLAG_TEST_SPOT | CONSULT_STEP_FLAG_PHYSICIAN_REVIEW);
  ck_assert (consult_test_warned_by (vitiligo, "R25"));
  ck_assert (!consult_test_plan_mentions (quiet, "R25"));
}
END_TEST

START_TEST (test_r26_clotting_risk)
{
  PLAN_WITH (fires, "medical.hormonal_contraception=true", "preferences.requested=['tranexamic-acid-oral']");
  PLAN_WITH (quiet, "preferences.requested=['tranexamic-acid-oral']");

  ck_assert (consult_test_excluded_by (fires, "tranexamic-acid-oral", "R26"));
  ck_assert_uint_eq (consult_test_phase_of (quiet, "tranexamic-acid-oral"), 1);
  ck_assert (!consult_test_plan_mentions (quiet, "R26"));
}
END_TEST

START_TEST (test_r27_implanted_device)
{
  PLAN_WITH (fires, "medical.implanted_device=true", "preferences.requested=['skin-tightening']");
  PLAN_WITH (quiet, "preferences.requested=['skin-tightening']");

  ck_assert (consult_test_excluded_by (fires, "skin-tightening", "R27"));
  ck_assert_uint_eq (consult_test_phase_of (quiet, "skin-tightening"), 2);
  ck_assert (!consult_test_plan_mentions (quiet, "R27"));
}
END_TEST

START_TEST (test_r28_hydroquinone)
{
  PLAN_WITH (fires, "preferences.requested=['hydroquinone']");
  PLAN_WITH (quiet, "preferences.requested=['azelaic-acid']");

  ck_assert_step_flags (fires, "hydroquinone", CONSULT_STEP_FLAG_REASSESS);
  ck_assert (consult_test_step_has_rule (fires, "hydroquinone", "R28"));
  ck_assert (needs_physician (fires, "hydroquinone"));
  ck_assert (!consult_test_plan_mentions (quiet, "R28"));
}
END_TEST

START_TEST (test_r29_one_device_at_a_time)
{
  PLAN_WITH (fires, "preferences.requested=['ipl', 'vascular-laser']");
  PLAN_WITH (quiet, "preferences.requested=['ipl']");
  const ConsultPlanStep *ipl = consult_plan_find_step (fires, "ipl", NULL);
  const ConsultPlanStep *vascular = consult_plan_find_step (fires, "vascular-laser", NULL);
  const ConsultPlanStep *first = ipl->start_week < vascular->start_week ? ipl : vascular;
  const ConsultPlanStep *second = first == ipl ? vascular : ipl;

  ck_assert (consult_test_step_has_rule (fires, "ipl", "R29"));
  ck_assert_uint_ge (second->start_week, consult_plan_step_get_last_week (first) + 2);
  ck_assert (!consult_test_plan_mentions (quiet, "R29"));
}
END_TEST

START_TEST (test_r30_relaxer_before_filler)
{
  PLAN_WITH (fires, "preferences.requested=['neuromodulator', 'ha-filler']");
  PLAN_WITH (quiet, "preferences.requested=['neuromodulator']");
  const ConsultPlanStep *relaxer = consult_plan_find_step (fires, "neuromodulator", NULL);
  const ConsultPlanStep *filler = consult_plan_find_step (fires, "ha-filler", NULL);

  ck_assert_uint_ge (filler->start_week, relaxer->start_week + 2);
  ck_assert (consult_test_step_has_rule (fires, "ha-filler", "R30"));
  ck_assert (!consult_test_plan_mentions (quiet, "R30"));
}
END_TEST

START_TEST (test_r31_devices_before_filler)
{
  PLAN_WITH (fires, "preferences.requested=['ha-filler', 'ipl']");
  PLAN_WITH (quiet, "preferences.requested=['ha-filler']");
  const ConsultPlanStep *ipl = consult_plan_find_step (fires, "ipl", NULL);
  const ConsultPlanStep *filler = consult_plan_find_step (fires, "ha-filler", NULL);

  ck_assert_uint_ge (filler->start_week, consult_plan_step_get_last_week (ipl) + 2);
  ck_assert (consult_test_step_has_rule (fires, "ha-filler", "R31"));
  ck_assert (!consult_test_plan_mentions (quiet, "R31"));
}
END_TEST

START_TEST (test_r32_spacing_after_procedures)
{
  PLAN_WITH (fires, "preferences.requested=['laser-ablative-fractional', 'rf-microneedling']");
  PLAN_WITH (quiet, "preferences.requested=['rf-microneedling']");
  const ConsultPlanStep *ablative = consult_plan_find_step (fires, "laser-ablative-fractional", NULL);
  const ConsultPlanStep *rf = consult_plan_find_step (fires, "rf-microneedling", NULL);

  ck_assert_uint_ge (rf->start_week, consult_plan_step_get_last_week (ablative) + 6);
  ck_assert (consult_test_step_has_rule (fires, "rf-microneedling", "R32"));
  ck_assert (!consult_test_plan_mentions (quiet, "R32"));
}
END_TEST

START_TEST (test_r33_natural_relaxer)
{
  PLAN_WITH (fires, "concerns=['dynamic_wrinkles']");
  PLAN_WITH (quiet, "concerns=['dullness']");

  ck_assert_uint_eq (consult_test_phase_of (fires, "neuromodulator"), 3);
  ck_assert_step_flags (fires, "neuromodulator", CONSULT_STEP_FLAG_CONSERVATIVE | CONSULT_STEP_FLAG_REASSESS);
  ck_assert_uint_ge (consult_plan_find_step (fires, "neuromodulator", NULL)->interval_weeks, 13);
  ck_assert (!consult_test_plan_mentions (quiet, "R33"));
}
END_TEST

START_TEST (test_r34_volume)
{
  PLAN_WITH (fires, "concerns=['volume_loss']");
  PLAN_WITH (quiet, "concerns=['dullness']");

  ck_assert_uint_eq (consult_test_phase_of (fires, "ha-filler"), 3);
  ck_assert (needs_physician (fires, "ha-filler"));
  ck_assert_step_flags (fires, "ha-filler", CONSULT_STEP_FLAG_CONSERVATIVE);
  ck_assert (consult_test_warned_by (fires, "R34"));
  ck_assert (!consult_test_plan_mentions (quiet, "R34"));
}
END_TEST

START_TEST (test_r35_glow_first)
{
  PLAN_WITH (fires, "concerns=['dullness']", "preferences.requested=['laser-nonablative-fractional']");
  PLAN_WITH (quiet, "concerns=['dullness', 'pigment']", "preferences.requested=['laser-nonablative-fractional']");

  ck_assert (consult_test_deferred_by (fires, "laser-nonablative-fractional", "R35"));
  ck_assert_uint_eq (consult_test_phase_of (fires, "facial"), 1);
  ck_assert_step_flags (fires, "facial", CONSULT_STEP_FLAG_REASSESS);
  ck_assert (consult_test_warned_by (fires, "R35"));
  ck_assert_uint_eq (consult_test_phase_of (quiet, "laser-nonablative-fractional"), 2);
  ck_assert (!consult_test_plan_mentions (quiet, "R35"));
}
END_TEST

START_TEST (test_r36_dermatologist)
{
  PLAN_WITH (fires, "medical.suspicious_lesion=true", "preferences.requested=['facial']");
  PLAN_WITH (quiet, "preferences.requested=['facial']");

  ck_assert (consult_test_referred (fires, CONSULT_REFERRAL_DERMATOLOGIST, "R36"));
  ck_assert (consult_test_deferred_by (fires, "facial", "R36"));
  ck_assert (consult_plan_get_requires_physician_signoff (fires));
  ck_assert_uint_eq (consult_test_phase_of (quiet, "facial"), 1);
  ck_assert (!consult_test_plan_mentions (quiet, "R36"));
}
END_TEST

START_TEST (test_r37_laxity)
{
  PLAN_WITH (fires, "medical.significant_laxity=true", "concerns=['laxity']");
  PLAN_WITH (quiet, "concerns=['laxity']");

  ck_assert (consult_test_referred (fires, CONSULT_REFERRAL_PLASTIC_SURGEON, "R37"));
  ck_assert (consult_test_step_has_rule (fires, "skin-tightening", "R37"));
  ck_assert_uint_eq (consult_plan_get_referrals (quiet)->len, 0);
  ck_assert (!consult_test_plan_mentions (quiet, "R37"));
}
END_TEST

START_TEST (test_r38_scope)
{
  PLAN_WITH (fires, "preferences.requested=['neuromodulator']");
  PLAN_WITH (quiet, "preferences.requested=['facial']");
  PLAN_WITH (not_planned, "pregnancy='pregnant'", "preferences.requested=['neuromodulator']");

  /* A warning about injectors is for plans that have an injection. */
  ck_assert (!consult_test_warned_by (not_planned, "R38"));
  ck_assert (consult_test_warned_by (fires, "R38"));
  ck_assert (consult_test_step_has_rule (fires, "neuromodulator", "R38"));
  ck_assert_int_eq (consult_plan_find_step (fires, "neuromodulator", NULL)->performer,
                    CONSULT_PERFORMER_PHYSICIAN_SUPERVISED);
  ck_assert (!consult_test_plan_mentions (quiet, "R38"));
}
END_TEST

START_TEST (test_downtime_tolerance)
{
  PLAN_WITH (none, "preferences.downtime='none'", "concerns=['acne_scarring']",
             "preferences.requested=['laser-ablative-fractional']");
  const ConsultPlanDeferral *deferral = consult_plan_find_deferral (none, "laser-ablative-fractional");

  /* Requested: deferred, with the reason; merely offered: not offered. */
  ck_assert_ptr_nonnull (deferral);
  ck_assert_ptr_nonnull (strstr (deferral->reason, "14 days"));
  ck_assert_ptr_null (consult_plan_find_deferral (none, "laser-nonablative-fractional"));
  ck_assert_uint_eq (consult_test_phase_of (none, "laser-nonablative-fractional"), 0);
}
END_TEST

START_TEST (test_event_date)
{
  PLAN_WITH (soon, "preferences.event_date='2026-11-30'", "preferences.requested=['ipl']");
  PLAN_WITH (later, "preferences.event_date='2027-01-18'", "preferences.requested=['ipl', 'neuromodulator']");
  const ConsultPlanStep *ipl = consult_plan_find_step (soon, "ipl", NULL);
  const ConsultPlanStep *late_ipl = consult_plan_find_step (later, "ipl", NULL);
  GPtrArray *warnings = consult_plan_get_warnings (soon);
  gboolean warned = FALSE;

  for (guint i = 0; i < warnings->len; i++)
    warned |= strstr (((ConsultPlanWarning *) g_ptr_array_index (warnings, i))->text, "2026-11-30") != NULL;
  ck_assert (warned);
  ck_assert_uint_ge (ipl->start_week, 1);

  /* Event at week 8: no ipl session with its 7-day recovery in weeks 6-8. */
  for (guint s = 0; s < late_ipl->sessions; s++)
    {
      guint day = (late_ipl->start_week + s * late_ipl->interval_weeks) * 7;

      ck_assert_msg (day > 56 || day + 7 + 14 <= 56, "ipl session on day %u is too close to the event", day);
    }
}
END_TEST

int
main (void)
{
  Suite *suite = suite_create ("planner-rules");
  TCase *tc = tcase_create ("rules");

  tcase_add_test (tc, test_r01_pregnancy_injectables);
  tcase_add_test (tc, test_r02_pregnancy_devices);
  tcase_add_test (tc, test_r03_pregnancy_topicals);
  tcase_add_test (tc, test_r04_pregnancy_peels);
  tcase_add_test (tc, test_r05_pregnancy_comfort_care);
  tcase_add_test (tc, test_r06_melasma);
  tcase_add_test (tc, test_r07_pigment_first);
  tcase_add_test (tc, test_r07_pregnancy_picks_a_safe_topical);
  tcase_add_test (tc, test_r08_tan_and_sunscreen);
  tcase_add_test (tc, test_r09_skin_type_6);
  tcase_add_test (tc, test_r10_skin_types_4_5);
  tcase_add_test (tc, test_r11_skin_types_4_6);
  tcase_add_test (tc, test_r12_isotretinoin);
  tcase_add_test (tc, test_r13_topical_retinoid);
  tcase_add_test (tc, test_r14_cold_sores);
  tcase_add_test (tc, test_r15_keloids);
  tcase_add_test (tc, test_r16_anticoagulant);
  tcase_add_test (tc, test_r17_bleeding_disorder);
  tcase_add_test (tc, test_r18_severe_allergies);
  tcase_add_test (tc, test_r19_lidocaine);
  tcase_add_test (tc, test_r20_neuromuscular);
  tcase_add_test (tc, test_r21_botulinum_allergy_and_aminoglycoside);
  tcase_add_test (tc, test_r22_active_lesions);
  tcase_add_test (tc, test_r23_rosacea);
  tcase_add_test (tc, test_r24_photosensitising);
  tcase_add_test (tc, test_r25_autoimmune_and_vitiligo);
  tcase_add_test (tc, test_r26_clotting_risk);
  tcase_add_test (tc, test_r27_implanted_device);
  tcase_add_test (tc, test_r28_hydroquinone);
  tcase_add_test (tc, test_r29_one_device_at_a_time);
  tcase_add_test (tc, test_r30_relaxer_before_filler);
  tcase_add_test (tc, test_r31_devices_before_filler);
  tcase_add_test (tc, test_r32_spacing_after_procedures);
  tcase_add_test (tc, test_r33_natural_relaxer);
  tcase_add_test (tc, test_r34_volume);
  tcase_add_test (tc, test_r35_glow_first);
  tcase_add_test (tc, test_r36_dermatologist);
  tcase_add_test (tc, test_r37_laxity);
  tcase_add_test (tc, test_r38_scope);
  tcase_add_test (tc, test_downtime_tolerance);
  tcase_add_test (tc, test_event_date);
  suite_add_tcase (suite, tc);

  return consult_test_run_suite (suite);
}
