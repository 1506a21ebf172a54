/* consult-client-page-compare.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-client-page"

#include "config.h"

#include <glib/gi18n.h>

#include "consult-client-page-private.h"
#include "consult-dialogs.h"
#include "consult-plan-diff.h"

/* Two versions of a client's plan side by side. */

char *
_consult_client_page_find_previous_version (ConsultClientPage             *self,
                                            const ConsultStorePlanVersion *version)
{
  g_autoptr (GPtrArray) versions = NULL;

  versions = consult_store_list_plan_versions (consult_context_get_store (self->context),
                                               version->consultation_id, NULL);
  for (guint i = 0; versions != NULL && i < versions->len; i++)
    {
      const ConsultStorePlanVersion *other = g_ptr_array_index (versions, i);

      if (other->version + 1 == version->version)
        return g_strdup (other->id);
    }

  return NULL;
}

gboolean
consult_client_page_compare_with_previous (ConsultClientPage  *self,
                                           GError            **error)
{
  g_autoptr (ConsultStorePlanVersion) previous = NULL;
  g_autoptr (ConsultPlan) older = NULL;
  g_autoptr (GPtrArray) changes = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (CONSULT_IS_CLIENT_PAGE (self), FALSE);
  g_return_val_if_fail (self->open_plan != NULL && self->previous_plan_id != NULL, FALSE);

  previous = consult_store_get_plan (consult_context_get_store (self->context), self->previous_plan_id, error);
  if (previous == NULL)
    return FALSE;
  older = consult_plan_new_from_json (previous->plan_json, -1, error);
  if (older == NULL)
    return FALSE;

  for (guint i = 0; i < self->compare_rows->len; i++)
    adw_preferences_group_remove (self->compare_group, g_ptr_array_index (self->compare_rows, i));
  g_ptr_array_set_size (self->compare_rows, 0);

  changes = consult_plan_diff (older, self->open_plan);
  for (guint i = 0; i < changes->len; i++)
    {
      const ConsultPlanChange *change = g_ptr_array_index (changes, i);
      GtkWidget *row = adw_action_row_new ();
      const char *subtitle = NULL;
      const char *css_class = NULL;

      switch (change->kind)
        {
        case CONSULT_PLAN_CHANGE_ADDED:
          subtitle = _("Added");
          css_class = "plan-added";
          break;
        case CONSULT_PLAN_CHANGE_REMOVED:
          subtitle = _("Removed");
          css_class = "plan-removed";
          break;
        case CONSULT_PLAN_CHANGE_CHANGED:
          subtitle = change->details;
          css_class = "plan-changed";
          break;
        case CONSULT_PLAN_CHANGE_UNCHANGED:
          subtitle = _("Unchanged");
          css_class = "dim-label";
          break;
        default:
          g_assert_not_reached ();
        }

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _consult_client_page_treatment_name (self, change->treatment));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_add_css_class (row, css_class);
      adw_preferences_group_add (self->compare_group, row);
      g_ptr_array_add (self->compare_rows, row);
    }

  /* TRANSLATORS: "Version 2 compared with version 1" */
  title = g_strdup_printf (_("Version %u compared with version %u"), self->open_version, previous->version);
  gtk_label_set_label (self->compare_title, title);
  gtk_stack_set_visible_child_name (self->stack, "compare");

  return TRUE;
}

static void
compare_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ConsultClientPage *self = CONSULT_CLIENT_PAGE (widget);
  g_autoptr (GError) error = NULL;

  if (!consult_client_page_compare_with_previous (self, &error))
    consult_show_message (GTK_WIDGET (self), _("The Plan Versions Could Not Be Compared"), error->message);
}

static void
back_to_plan_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ConsultClientPage *self = CONSULT_CLIENT_PAGE (widget);

  gtk_stack_set_visible_child_name (self->stack, "plan");
}

void
_consult_client_page_install_compare_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "client.compare", NULL, compare_action);
  gtk_widget_class_install_action (widget_class, "client.back-to-plan", NULL, back_to_plan_action);
}
