/* test-intake-values.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "consult-intake-schema.h"
#include "consult-intake-values.h"
#include "consult-test.h"

/* Every fixed value a person can pick must have a label to pick it by. */
START_TEST (test_every_enum_value_has_a_label)
{
  const ConsultIntakeField *fields;
  guint n_fields;
  guint checked = 0;

  fields = consult_intake_schema_get_fields (&n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      const ConsultIntakeField *field = &fields[i];

      if (field->kind != CONSULT_INTAKE_FIELD_ENUM && field->kind != CONSULT_INTAKE_FIELD_ENUM_LIST)
        continue;

      for (guint j = 0; field->values[j] != NULL; j++)
        {
          ck_assert_msg (consult_intake_value_get_label (field->path, field->values[j]) != NULL,
                         "%s = %s has no label", field->path, field->values[j]);
          checked++;
        }
    }

  ck_assert_uint_ge (checked, 40);
}
END_TEST

START_TEST (test_fitzpatrick_types_have_descriptions)
{
  for (guint type = 1; type <= 6; type++)
    {
      char value[2] = { (char) ('0' + type), 0 };

      ck_assert_ptr_nonnull (consult_intake_value_get_label ("fitzpatrick", value));
      ck_assert_ptr_nonnull (consult_intake_value_get_description ("fitzpatrick", value));
    }
}
END_TEST

START_TEST (test_unknown_values_have_no_label)
{
  ck_assert_ptr_null (consult_intake_value_get_label ("sun.sunscreen", "often"));
  ck_assert_ptr_null (consult_intake_value_get_label ("no.such.field", "none"));
  ck_assert_str_eq (consult_intake_value_get_label ("sun.sunscreen", "sometimes"), "Some days");
}
END_TEST

static Suite *
intake_values_suite (void)
{
  Suite *suite = suite_create ("intake-values");
  TCase *tc = tcase_create ("labels");

  tcase_add_test (tc, test_every_enum_value_has_a_label);
  tcase_add_test (tc, test_fitzpatrick_types_have_descriptions);
  tcase_add_test (tc, test_unknown_values_have_no_label);
  suite_add_tcase (suite, tc);

  return suite;
}

int
main (void)
{
  return consult_test_run_suite (intake_values_suite ());
}
