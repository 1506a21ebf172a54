/* consult-test-planner.h
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "consult-planner.h"
#include "consult-test.h"

G_BEGIN_DECLS

/* The built-in catalogue, loaded once per test program. */
ConsultCatalogue *consult_test_catalogue      (void);

/* A valid, neutral intake (FST II, no concerns, no medical history,
 * consultation 2026-11-23) changed by "path=GVARIANT-TEXT" assignments,
 * e.g. "pregnancy='pregnant'", "preferences.requested=['ha-filler']". */
ConsultIntake    *consult_test_intake_new     (const char *first_assignment,
                                               ...) G_GNUC_NULL_TERMINATED;
void              consult_test_intake_set     (ConsultIntake *intake,
                                               const char    *assignment);
ConsultIntake    *consult_test_intake_load    (const char    *fixture);

ConsultPlan      *consult_test_plan           (ConsultIntake *intake);
/* Plans a neutral intake changed by the assignments. */
ConsultPlan      *consult_test_plan_with      (const char *first_assignment,
                                               ...) G_GNUC_NULL_TERMINATED;

gboolean          consult_test_rules_contain  (char * const *rules,
                                               const char    *rule);
/* Whether @rule appears anywhere in @plan. */
gboolean          consult_test_plan_mentions  (ConsultPlan   *plan,
                                               const char    *rule);
gboolean          consult_test_step_has_rule  (ConsultPlan   *plan,
                                               const char    *treatment,
                                               const char    *rule);
gboolean          consult_test_deferred_by    (ConsultPlan   *plan,
                                               const char    *treatment,
                                               const char    *rule);
gboolean          consult_test_excluded_by    (ConsultPlan   *plan,
                                               const char    *treatment,
                                               const char    *rule);
gboolean          consult_test_warned_by      (ConsultPlan   *plan,
                                               const char    *rule);
gboolean          consult_test_referred       (ConsultPlan   *plan,
                                               ConsultReferralTarget to,
                                               const char    *rule);
/* The phase a treatment is planned in, 0 when it is not planned. */
guint             consult_test_phase_of       (ConsultPlan   *plan,
                                               const char    *treatment);
ConsultStepFlags  consult_test_flags_of       (ConsultPlan   *plan,
                                               const char    *treatment);

/* Checks every invariant of a plan (phase order, spf and barrier-repair
 * first, one device per week, spacings of the rules, each requested
 * treatment accounted for once, rationales) and fails the test with a
 * message naming the first broken one. */
void              consult_test_check_plan_invariants (ConsultIntake *intake,
                                                      ConsultPlan   *plan);

G_END_DECLS
