/* consult-test-plan-json.h
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <check.h>

#include "consult-plan.h"

/* Small plan documents for tests, written as JSON so that they go
 * through the same reader as stored plans. PLAN() has the two standard
 * phase-1 steps and takes phase 2's and phase 3's steps. */
#define STEP(treatment, week, sessions, interval, performer) \
  "{\"treatment\": \"" treatment "\", \"start_week\": " #week ", \"sessions\": " #sessions ", " \
  "\"interval_weeks\": " #interval ", \"performer\": \"" performer "\", \"requires_physician\": false, " \
  "\"flags\": [], \"rationale\": \"Because.\", \"rules\": []}"

#define PLAN(phase2_steps, phase3_steps) \
  "{\"format\": \"medspa-consult/plan\", \"version\": 1, \"catalogue_version\": \"2026.1\", " \
  "\"start_date\": \"2026-11-23\", \"phases\": [" \
  "{\"number\": 1, \"key\": \"stabilise\", \"title\": \"Stabilise\", \"start_week\": 0, \"end_week\": 8, \"steps\": [" \
  STEP ("spf", 0, 0, 0, "esthetician") ", " STEP ("barrier-repair", 0, 0, 0, "esthetician") "]}, " \
  "{\"number\": 2, \"key\": \"remodel\", \"title\": \"Remodel\", \"start_week\": 8, \"end_week\": 20, \"steps\": [" \
  phase2_steps "]}, " \
  "{\"number\": 3, \"key\": \"refine\", \"title\": \"Refine\", \"start_week\": 20, \"end_week\": 30, \"steps\": [" \
  phase3_steps "]}], " \
  "\"deferred\": [], \"excluded\": [], \"referrals\": [], \"warnings\": [], \"requires_physician_signoff\": true}"

static inline ConsultPlan *
consult_test_plan (const char *json)
{
  g_autoptr (GError) error = NULL;
  ConsultPlan *plan = consult_plan_new_from_json (json, -1, &error);

  ck_assert_msg (plan != NULL, "%s", error != NULL ? error->message : "");
  return plan;
}
