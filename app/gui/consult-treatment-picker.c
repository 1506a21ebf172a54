/* consult-treatment-picker.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-treatment-picker"

#include "config.h"

#include <glib/gi18n.h>

#include "consult-intake-schema.h"
#include "consult-treatment-picker.h"

/* The treatments the client asked for by name (preferences.requested):
 * one check row per treatment of the catalogue. The planner accounts for
 * each one, so what is ticked here always shows up in the plan. */
struct _ConsultTreatmentPicker
{
  AdwPreferencesGroup  parent_instance;

  ConsultCatalogue    *catalogue;
  ConsultIntake       *intake;
  GPtrArray           *rows;
  gboolean             updating;
};

G_DEFINE_FINAL_TYPE (ConsultTreatmentPicker, consult_treatment_picker, ADW_TYPE_PREFERENCES_GROUP)

static void
check_toggled_cb (ConsultTreatmentPicker *self,
                  GtkCheckButton         *check)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) requested = NULL;

  if (self->updating || self->intake == NULL)
    return;

  /* Catalogue order, so that the same choices give the same intake. */
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      GtkCheckButton *button = g_object_get_data (G_OBJECT (row), "check");

      if (gtk_check_button_get_active (button))
        g_strv_builder_add (builder, g_object_get_data (G_OBJECT (row), "treatment"));
    }

  requested = g_strv_builder_end (builder);
  self->updating = TRUE;
  consult_intake_set_requested (self->intake, (const char * const *) requested);
  self->updating = FALSE;
}

static void
consult_treatment_picker_load (ConsultTreatmentPicker *self)
{
  g_auto (GStrv) requested = NULL;

  if (self->intake != NULL)
    requested = consult_intake_dup_requested (self->intake);

  self->updating = TRUE;
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      GtkCheckButton *check = g_object_get_data (G_OBJECT (row), "check");

      gtk_check_button_set_active (check, requested != NULL &&
                                   g_strv_contains ((const char * const *) requested,
                                                    g_object_get_data (G_OBJECT (row), "treatment")));
    }
  self->updating = FALSE;
}

static void
consult_treatment_picker_rebuild (ConsultTreatmentPicker *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  if (self->catalogue == NULL)
    return;

  for (guint i = 0; i < consult_catalogue_get_n_treatments (self->catalogue); i++)
    {
      const ConsultTreatment *treatment = consult_catalogue_get_treatment (self->catalogue, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), consult_treatment_get_name (treatment));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), consult_treatment_get_summary (treatment));
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
      /* Not the widget name: names are how the intake pages mark rows
       * that edit a field. */
      g_object_set_data (G_OBJECT (row), "treatment", (gpointer) consult_treatment_get_id (treatment));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      consult_treatment_get_name (treatment), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_object_set_data (G_OBJECT (row), "check", check);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (check_toggled_cb), self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
      g_ptr_array_add (self->rows, row);
    }

  consult_treatment_picker_load (self);
}

static void
intake_changed_cb (ConsultTreatmentPicker *self,
                   const char             *path,
                   ConsultIntake          *intake)
{
  if (!self->updating)
    consult_treatment_picker_load (self);
}

void
consult_treatment_picker_set_catalogue (ConsultTreatmentPicker *self,
                                        ConsultCatalogue       *catalogue)
{
  g_return_if_fail (CONSULT_IS_TREATMENT_PICKER (self));

  if (g_set_object (&self->catalogue, catalogue))
    consult_treatment_picker_rebuild (self);
}

void
consult_treatment_picker_set_intake (ConsultTreatmentPicker *self,
                                     ConsultIntake          *intake)
{
  g_return_if_fail (CONSULT_IS_TREATMENT_PICKER (self));

  if (self->intake != NULL)
    g_signal_handlers_disconnect_by_func (self->intake, intake_changed_cb, self);

  g_set_object (&self->intake, intake);

  if (intake != NULL)
    g_signal_connect_object (intake, "changed::preferences.requested",
                             G_CALLBACK (intake_changed_cb), self, G_CONNECT_SWAPPED);

  consult_treatment_picker_load (self);
}

static void
consult_treatment_picker_dispose (GObject *object)
{
  ConsultTreatmentPicker *self = CONSULT_TREATMENT_PICKER (object);

  if (self->intake != NULL)
    g_signal_handlers_disconnect_by_func (self->intake, intake_changed_cb, self);
  g_clear_object (&self->intake);
  g_clear_object (&self->catalogue);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (consult_treatment_picker_parent_class)->dispose (object);
}

static void
consult_treatment_picker_class_init (ConsultTreatmentPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = consult_treatment_picker_dispose;
}

static void
consult_treatment_picker_init (ConsultTreatmentPicker *self)
{
  const ConsultIntakeField *field = consult_intake_schema_lookup ("preferences.requested");

  self->rows = g_ptr_array_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), consult_intake_field_get_label (field));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), consult_intake_field_get_hint (field));
}
