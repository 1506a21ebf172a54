/* test-intake-draft.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "consult-intake-draft.h"
#include "consult-test.h"

/* A draft is saved half-filled: what is there must come back. */
START_TEST (test_partial_intake_round_trips)
{
  g_autoptr (ConsultIntake) intake = consult_intake_new ();
  g_autoptr (ConsultIntake) restored = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *json = NULL;
  const char *concerns[] = { "melasma", "pigment", NULL };

  consult_intake_set_given_name (intake, "Ana");
  consult_intake_set_sunscreen (intake, "sometimes");
  consult_intake_set_fitzpatrick (intake, 4);
  consult_intake_set_concerns (intake, concerns);
  consult_intake_set_hsv_history (intake, TRUE);
  consult_intake_set_event_date (intake, "2027-03-01");

  json = consult_intake_to_json (intake);
  restored = consult_intake_new_from_draft (json, -1, &error);
  ck_assert_msg (restored != NULL, "%s", error ? error->message : "");
  ck_assert (consult_intake_equal (intake, restored));
}
END_TEST

START_TEST (test_invalid_values_are_left_unanswered)
{
  g_autoptr (ConsultIntake) restored = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) sunscreen = NULL;
  g_autoptr (GVariant) fitzpatrick = NULL;

  restored = consult_intake_new_from_draft ("{\"fitzpatrick\": 9, \"sun\": {\"sunscreen\": \"often\", "
                                            "\"exposure\": \"high\"}, \"rosacea\": \"yes\"}", -1, &error);
  ck_assert_ptr_nonnull (restored);
  sunscreen = consult_intake_get_value (restored, "sun.sunscreen");
  fitzpatrick = consult_intake_get_value (restored, "fitzpatrick");
  ck_assert_ptr_null (sunscreen);
  ck_assert_ptr_null (fitzpatrick);
  ck_assert_str_eq (consult_intake_get_sun_exposure (restored), "high");
  ck_assert (!consult_intake_get_rosacea (restored));
}
END_TEST

START_TEST (test_not_an_object_fails)
{
  g_autoptr (GError) error = NULL;

  ck_assert_ptr_null (consult_intake_new_from_draft ("[1, 2]", -1, &error));
  ck_assert (g_error_matches (error, CONSULT_INTAKE_ERROR, CONSULT_INTAKE_ERROR_PARSE));
  g_clear_error (&error);
  ck_assert_ptr_null (consult_intake_new_from_draft ("\xff\xfe garbage", -1, &error));
  ck_assert_ptr_nonnull (error);
}
END_TEST

static Suite *
intake_draft_suite (void)
{
  Suite *suite = suite_create ("intake-draft");
  TCase *tc = tcase_create ("draft");

  tcase_add_test (tc, test_partial_intake_round_trips);
  tcase_add_test (tc, test_invalid_values_are_left_unanswered);
  tcase_add_test (tc, test_not_an_object_fails);
  suite_add_tcase (suite, tc);

  return suite;
}

int
main (void)
{
  return consult_test_run_suite (intake_draft_suite ());
}
