/* test-consultation.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include <adwaita.h>

#include "consult-application.h"
#include "consult-consultation-view.h"
#include "consult-intake-wizard.h"
#include "consult-plan-view.h"
#include "consult-test.h"
#include "consult-test-app.h"
#include "consult-test-gui.h"
#include "consult-window.h"

static ConsultApplication *app;
static ConsultWindow *window;
static ConsultConsultationView *view;
static ConsultIntakeWizard *wizard;

static void
setup (void)
{
  consult_test_remove_user_data ();
  app = consult_test_app_new ();
  window = consult_test_app_activate (app);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-consultation", NULL);
  view = consult_window_get_consultation_view (window);
  wizard = CONSULT_INTAKE_WIZARD (consult_consultation_view_get_wizard (view));
  ck_assert (gtk_widget_get_mapped (GTK_WIDGET (wizard)));
}

static void
teardown (void)
{
  g_clear_pointer (&app, consult_test_app_free);
}

/* What a consultant does with each kind of row. */
static void
type_into (const char *path,
           const char *text)
{
  GtkWidget *row = consult_intake_wizard_get_field_widget (wizard, path);

  ck_assert_msg (row != NULL, "no row for %s", path);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
choose (const char *path,
        guint       index)
{
  GtkWidget *row = consult_intake_wizard_get_field_widget (wizard, path);

  ck_assert_msg (ADW_IS_COMBO_ROW (row), "no choice row for %s", path);
  /* Index 0 is "Not answered"; the values follow in schema order. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), index);
}

static void
toggle (const char *path)
{
  GtkWidget *row = consult_intake_wizard_get_field_widget (wizard, path);
  GtkWidget *toggle_switch;

  ck_assert_msg (ADW_IS_ACTION_ROW (row), "no switch row for %s", path);
  toggle_switch = consult_test_find_widget (row, GTK_TYPE_SWITCH, NULL);
  ck_assert_ptr_nonnull (toggle_switch);
  gtk_switch_set_active (GTK_SWITCH (toggle_switch), !gtk_switch_get_active (GTK_SWITCH (toggle_switch)));
}

static void
add_concern (const char *title)
{
  GtkWidget *row = consult_test_find_widget (GTK_WIDGET (wizard), ADW_TYPE_ACTION_ROW, title);

  ck_assert_msg (row != NULL, "no concern row %s", title);
  /* A button activated through its row emits "clicked" only after a
   * short delay in GTK 4.8; the click itself is synchronous. */
  g_signal_emit_by_name (consult_test_find_widget (row, GTK_TYPE_BUTTON, "Add"), "clicked");
}

static void
request (const char *treatment_name)
{
  GtkWidget *row = consult_test_find_widget (GTK_WIDGET (wizard), ADW_TYPE_ACTION_ROW, treatment_name);

  ck_assert_msg (row != NULL, "no treatment row %s", treatment_name);
  adw_action_row_activate (ADW_ACTION_ROW (row));
}

static void
fill_basics (void)
{
  type_into ("client.given_name", "Lucía");
  type_into ("client.family_name", "Ferrer");
  type_into ("client.date_of_birth", "1990-05-14");
  choose ("client.sex", 1);
  type_into ("client.phone", "+1 818 555 0142");
  type_into ("client.email", "lucia@example.org");
  type_into ("client.preferred_language", "es");
  choose ("fitzpatrick", 3);
}

static gboolean
stack_settled (gpointer data)
{
  GtkStack *stack = GTK_STACK (consult_test_find_widget (data, GTK_TYPE_STACK, NULL));

  return !gtk_stack_get_transition_running (stack);
}

static void
save_page (const char *page,
           const char *png)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  consult_intake_wizard_set_page (wizard, page);
  ck_assert (consult_test_wait_until (stack_settled, wizard, 5000));
  path = consult_test_save_png (GTK_WIDGET (window), png, &error);
  ck_assert_msg (path != NULL, "%s", error ? error->message : "");
}

START_TEST (test_fill_whole_intake)
{
  static const char *pages[] = {
    "client", "concerns", "skin", "sun", "pregnancy", "pigment", "medical", "preferences",
  };
  ConsultIntake *intake = consult_consultation_view_get_intake (view);
  g_autoptr (GPtrArray) problems = NULL;
  g_autofree char *json = NULL;
  g_auto (GStrv) concerns = NULL;
  ConsultPlan *plan;

  /* An empty intake has no plan, and says what is missing. */
  ck_assert_ptr_null (consult_consultation_view_get_plan (view));

  fill_basics ();
  add_concern ("Melasma");
  add_concern ("Expression lines");
  choose ("reactivity", 3);
  toggle ("rosacea");
  choose ("sun.exposure", 3);
  choose ("sun.sunscreen", 2);
  toggle ("sun.recent_tan_or_burn");
  toggle ("sun.upcoming_sun_exposure");
  choose ("pregnancy", 1);
  toggle ("medical.hormonal_contraception");
  choose ("melasma", 3);
  choose ("medical.isotretinoin", 3);
  type_into ("medical.isotretinoin_stopped_on", "2026-08-20");
  toggle ("medical.hsv_history");
  toggle ("medical.topical_retinoid");
  choose ("preferences.downtime", 2);
  type_into ("preferences.event_date", "2027-03-01");
  request ("Wrinkle relaxer injections");

  problems = consult_intake_validate (intake);
  ck_assert_msg (problems->len == 0, "intake has %u problems, first: %s", problems->len,
                 problems->len > 0 ? consult_intake_problem_to_string (g_ptr_array_index (problems, 0)) : "");

  ck_assert_str_eq (consult_intake_get_given_name (intake), "Lucía");
  ck_assert_int_eq (consult_intake_get_fitzpatrick (intake), 3);
  ck_assert_str_eq (consult_intake_get_sunscreen (intake), "sometimes");
  ck_assert_str_eq (consult_intake_get_melasma (intake), "active");
  ck_assert (consult_intake_get_hsv_history (intake));
  concerns = consult_intake_dup_concerns (intake);
  ck_assert_uint_eq (g_strv_length (concerns), 2);
  ck_assert_str_eq (concerns[0], "melasma");
  ck_assert_str_eq (concerns[1], "dynamic_wrinkles");

  json = consult_intake_to_json (intake);
  ck_assert_ptr_nonnull (strstr (json, "\"isotretinoin_stopped_on\": \"2026-08-20\""));

  plan = consult_consultation_view_get_plan (view);
  ck_assert_ptr_nonnull (plan);
  ck_assert_ptr_nonnull (consult_plan_find_step (plan, "spf", NULL));

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *png = g_strdup_printf ("wizard-%u-%s.png", i + 1, pages[i]);

      save_page (pages[i], png);
    }
}
END_TEST

START_TEST (test_concerns_reorder)
{
  ConsultIntake *intake = consult_consultation_view_get_intake (view);
  GtkWidget *button;
  g_auto (GStrv) concerns = NULL;

  consult_intake_wizard_set_page (wizard, "concerns");
  add_concern ("Volume loss");
  add_concern ("Pigment and sun spots");

  button = consult_test_find_widget (GTK_WIDGET (wizard), GTK_TYPE_BUTTON, "Move up");
  /* The first "Move up" is the top concern's, which cannot move. */
  ck_assert (!gtk_widget_get_sensitive (button));
  for (GtkWidget *row = consult_test_find_widget (GTK_WIDGET (wizard), ADW_TYPE_ACTION_ROW, "Pigment and sun spots");
       row != NULL; row = NULL)
    {
      GtkWidget *up = consult_test_find_widget (row, GTK_TYPE_BUTTON, "Move up");

      ck_assert (gtk_widget_get_sensitive (up));
      g_signal_emit_by_name (up, "clicked");
    }

  concerns = consult_intake_dup_concerns (intake);
  ck_assert_str_eq (concerns[0], "pigment");
  ck_assert_str_eq (concerns[1], "volume_loss");
}
END_TEST

START_TEST (test_pregnant_client_defers_neuromodulator)
{
  ConsultPlan *plan;
  const ConsultPlanDeferral *deferral;
  GtkWidget *plan_view;
  GtkWidget *row;
  g_autoptr (GError) error = NULL;
  g_autofree char *png = NULL;

  fill_basics ();
  add_concern ("Expression lines");
  choose ("pregnancy", 3);
  request ("Wrinkle relaxer injections");

  plan = consult_consultation_view_get_plan (view);
  ck_assert_ptr_nonnull (plan);
  ck_assert_ptr_null (consult_plan_find_step (plan, "neuromodulator", NULL));

  deferral = consult_plan_find_deferral (plan, "neuromodulator");
  if (deferral == NULL)
    {
      /* Some catalogues exclude rather than defer; either way with a reason. */
      const ConsultPlanExclusion *exclusion = consult_plan_find_exclusion (plan, "neuromodulator");

      ck_assert_ptr_nonnull (exclusion);
      ck_assert (g_strv_contains ((const char * const *) exclusion->rules, "R01"));
    }
  else
    ck_assert (g_strv_contains ((const char * const *) deferral->rules, "R01"));

  /* And the consultant sees it, with its reason, without a click. */
  consult_test_settle ();
  plan_view = consult_test_find_widget (GTK_WIDGET (view), CONSULT_TYPE_PLAN_VIEW, NULL);
  row = consult_test_find_widget (plan_view, ADW_TYPE_EXPANDER_ROW, "Wrinkle relaxer injections");
  ck_assert_ptr_nonnull (row);
  ck_assert (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));
  ck_assert_ptr_nonnull (consult_test_find_widget (row, GTK_TYPE_LABEL,
                                                   deferral != NULL ? deferral->reason
                                                                    : consult_plan_find_exclusion (plan, "neuromodulator")->reason));

  png = consult_test_save_png (GTK_WIDGET (window), "plan-view-pregnant.png", &error);
  ck_assert_msg (png != NULL, "%s", error ? error->message : "");

  /* The same screen in the dark style, to look at. */
  g_clear_pointer (&png, g_free);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  png = consult_test_save_png (GTK_WIDGET (window), "plan-view-pregnant-dark.png", &error);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  ck_assert_msg (png != NULL, "%s", error ? error->message : "");
}
END_TEST

START_TEST (test_invalid_date_shown_inline)
{
  GtkWidget *row;

  fill_basics ();
  type_into ("client.date_of_birth", "1990-02-30");
  row = consult_intake_wizard_get_field_widget (wizard, "client.date_of_birth");
  ck_assert (gtk_widget_has_css_class (row, "error"));
  /* What was typed stays on screen. */
  ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (row)), "1990-02-30");

  type_into ("client.date_of_birth", "1990-02-28");
  ck_assert (!gtk_widget_has_css_class (row, "error"));
}
END_TEST

static Suite *
consultation_suite (void)
{
  Suite *suite = suite_create ("consultation");
  TCase *tc = tcase_create ("intake");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_fill_whole_intake);
  tcase_add_test (tc, test_concerns_reorder);
  tcase_add_test (tc, test_pregnant_client_defers_neuromodulator);
  tcase_add_test (tc, test_invalid_date_shown_inline);
  suite_add_tcase (suite, tc);

  return suite;
}

int
main (int    argc,
      char **argv)
{
  gtk_init ();
  adw_init ();

  return consult_test_run_suite (consultation_suite ());
}
