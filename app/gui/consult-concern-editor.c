/* consult-concern-editor.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-concern-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "consult-concern-editor.h"
#include "consult-intake-schema.h"
#include "consult-intake-values.h"
#include "consult-treatments.h"

/* The client's concerns in priority order: the plan follows this order,
 * so the consultant picks concerns and moves them up or down, all with
 * buttons that work from the keyboard. */
struct _ConsultConcernEditor
{
  GtkWidget            parent_instance;

  ConsultIntake       *intake;

  AdwPreferencesGroup *chosen_group;
  AdwPreferencesGroup *available_group;
  GPtrArray           *rows;   /* rows currently added to the groups */

  /* The button pressed last, to give it focus again after a rebuild so
   * that keyboard users keep their place. */
  const char          *focus_concern;
  const char          *focus_what;
  GtkWidget           *focus_button;
};

G_DEFINE_FINAL_TYPE (ConsultConcernEditor, consult_concern_editor, GTK_TYPE_WIDGET)

static char **
dup_concerns (ConsultConcernEditor *self)
{
  char **concerns = self->intake != NULL ? consult_intake_dup_concerns (self->intake) : NULL;

  return concerns != NULL ? concerns : g_new0 (char *, 1);
}

static void
store_concerns (ConsultConcernEditor *self,
                char                **concerns)
{
  if (self->intake != NULL)
    consult_intake_set_concerns (self->intake, (const char * const *) concerns);
}

static void
move_concern (ConsultConcernEditor *self,
              const char           *concern,
              int                   delta)
{
  g_auto (GStrv) concerns = dup_concerns (self);
  guint n = g_strv_length (concerns);

  for (guint i = 0; i < n; i++)
    {
      int target = (int) i + delta;

      if (!g_str_equal (concerns[i], concern))
        continue;
      if (target < 0 || target >= (int) n)
        return;

      g_free (concerns[i]);

      concerns[i] = concerns[target];
      concerns[target] = g_strdup (concern);
      store_concerns (self, concerns);
      return;
    }
}

static void
remove_concern (ConsultConcernEditor *self,
                const char           *concern)
{
  g_auto (GStrv) concerns = dup_concerns (self);
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) remaining = NULL;

  for (guint i = 0; concerns[i] != NULL; i++)
    if (!g_str_equal (concerns[i], concern))
      g_strv_builder_add (builder, concerns[i]);

  remaining = g_strv_builder_end (builder);
  store_concerns (self, remaining);
}

static void
add_concern (ConsultConcernEditor *self,
             const char           *concern)
{
  g_auto (GStrv) concerns = dup_concerns (self);
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) extended = NULL;

  g_strv_builder_addv (builder, (const char **) concerns);
  g_strv_builder_add (builder, concern);
  extended = g_strv_builder_end (builder);
  store_concerns (self, extended);
}

static void
concern_button_clicked_cb (GtkButton            *button,
                           ConsultConcernEditor *self)
{
  const char *concern = g_object_get_data (G_OBJECT (button), "concern");
  const char *what = g_object_get_data (G_OBJECT (button), "what");

  self->focus_concern = concern;
  self->focus_what = what;

  if (g_str_equal (what, "up"))
    move_concern (self, concern, -1);
  else if (g_str_equal (what, "down"))
    move_concern (self, concern, +1);
  else if (g_str_equal (what, "remove"))
    remove_concern (self, concern);
  else
    add_concern (self, concern);
}

static GtkWidget *
concern_button (ConsultConcernEditor *self,
                const char           *concern,
                const char           *what,
                const char           *icon_name,
                const char           *tooltip,
                gboolean              sensitive)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);
  const char *label = consult_intake_value_get_label ("concerns", concern);
  /* TRANSLATORS: an action and the concern it acts on, "Move up: Melasma" */
  g_autofree char *accessible = g_strdup_printf (_("%s: %s"), tooltip, label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_sensitive (button, sensitive);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data (G_OBJECT (button), "concern", (gpointer) g_intern_string (concern));
  g_object_set_data (G_OBJECT (button), "what", (gpointer) what);
  g_signal_connect (button, "clicked", G_CALLBACK (concern_button_clicked_cb), self);

  if (self->focus_concern == g_intern_string (concern) && g_str_equal (self->focus_what, what))
    self->focus_button = button;

  return button;
}

static GtkWidget *
concern_row (const char *concern)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 consult_intake_value_get_label ("concerns", concern));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               consult_intake_value_get_description ("concerns", concern));

  return row;
}

static void
consult_concern_editor_rebuild (ConsultConcernEditor *self)
{
  g_auto (GStrv) concerns = dup_concerns (self);
  const char * const *all = consult_concern_ids ();
  guint n = g_strv_length (concerns);

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->rows, 0);
  self->focus_button = NULL;

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row = concern_row (concerns[i]);
      GtkWidget *rank = gtk_label_new (NULL);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);

      gtk_label_set_label (GTK_LABEL (rank), number);
      gtk_widget_add_css_class (rank, "concern-rank");
      gtk_widget_set_valign (rank, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), rank);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 concern_button (self, concerns[i], "up", "go-up-symbolic",
                                                 _("Move up"), i > 0));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 concern_button (self, concerns[i], "down", "go-down-symbolic",
                                                 _("Move down"), i + 1 < n));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 concern_button (self, concerns[i], "remove", "list-remove-symbolic",
                                                 _("Remove"), TRUE));
      adw_preferences_group_add (self->chosen_group, row);
      g_ptr_array_add (self->rows, row);
    }

  if (n == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No concerns chosen yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("Add at least one concern from the list below."));
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (self->chosen_group, row);
      g_ptr_array_add (self->rows, row);
    }

  for (guint i = 0; all[i] != NULL; i++)
    {
      GtkWidget *row;
      GtkWidget *button;

      if (g_strv_contains ((const char * const *) concerns, all[i]))
        continue;

      row = concern_row (all[i]);
      button = concern_button (self, all[i], "add", "list-add-symbolic", _("Add"), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (self->available_group, row);
      g_ptr_array_add (self->rows, row);
    }

  if (self->focus_button != NULL)
    {
      /* A button that became insensitive (moved to the top) cannot hold
       * focus: fall back to its row. */
      if (gtk_widget_get_sensitive (self->focus_button))
        gtk_widget_grab_focus (self->focus_button);
      else
        gtk_widget_grab_focus (gtk_widget_get_ancestor (self->focus_button, ADW_TYPE_ACTION_ROW));
    }
  self->focus_concern = NULL;
  self->focus_what = NULL;
}

static void
intake_changed_cb (ConsultConcernEditor *self,
                   const char           *path,
                   ConsultIntake        *intake)
{
  consult_concern_editor_rebuild (self);
}

void
consult_concern_editor_set_intake (ConsultConcernEditor *self,
                                   ConsultIntake        *intake)
{
  g_return_if_fail (CONSULT_IS_CONCERN_EDITOR (self));
  g_return_if_fail (!intake || CONSULT_IS_INTAKE (intake));

  if (self->intake != NULL)
    g_signal_handlers_disconnect_by_func (self->intake, intake_changed_cb, self);

  g_set_object (&self->intake, intake);

  if (intake != NULL)
    g_signal_connect_object (intake, "changed::concerns", G_CALLBACK (intake_changed_cb), self,
                             G_CONNECT_SWAPPED);

  consult_concern_editor_rebuild (self);
}

static void
consult_concern_editor_dispose (GObject *object)
{
  ConsultConcernEditor *self = CONSULT_CONCERN_EDITOR (object);

  if (self->intake != NULL)
    g_signal_handlers_disconnect_by_func (self->intake, intake_changed_cb, self);
  g_clear_object (&self->intake);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), CONSULT_TYPE_CONCERN_EDITOR);

  G_OBJECT_CLASS (consult_concern_editor_parent_class)->dispose (object);
}

static void
consult_concern_editor_class_init (ConsultConcernEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = consult_concern_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/consult-concern-editor.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, ConsultConcernEditor, chosen_group);
  gtk_widget_class_bind_template_child (widget_class, ConsultConcernEditor, available_group);
}

static void
consult_concern_editor_init (ConsultConcernEditor *self)
{
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 24);
  consult_concern_editor_rebuild (self);
}
