/* consult-intake-binder.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-intake-binder"

#include "config.h"

#include <glib/gi18n.h>

#include "consult-intake-binder.h"
#include "consult-intake-schema.h"
#include "consult-intake-values.h"

/* Connects the rows of the intake pages to the fields of a ConsultIntake.
 * A page's .ui names each row after its schema path
 * (`<property name="name">sun.sunscreen</property>`); the binder gives the
 * row its label and hint from the schema, the right editor for the
 * field's kind, and keeps row and intake in step both ways. The schema is
 * the single description of the intake, so the pages cannot drift from it.
 *
 * Kinds: booleans on an AdwActionRow (a switch is added), fixed values and
 * the Fitzpatrick type on an AdwComboRow, dates and text on an
 * AdwEntryRow, long text on a GtkTextView. */

typedef struct
{
  ConsultIntakeBinder      *binder;
  const ConsultIntakeField *field;
  GtkWidget                *widget;   /* the row, or the text view */
  GtkWidget                *editor;   /* switch, when the row has one */
  GtkWidget                *problem_icon;
  char                     *hint;
} Binding;

struct _ConsultIntakeBinder
{
  GObject        parent_instance;

  ConsultIntake *intake;
  GHashTable    *bindings;   /* path → Binding */
  gboolean       updating;
};

G_DEFINE_FINAL_TYPE (ConsultIntakeBinder, consult_intake_binder, G_TYPE_OBJECT)

static void
binding_free (Binding *binding)
{
  /* The rows may outlive the binder (they belong to the page). */
  g_signal_handlers_disconnect_by_data (binding->widget, binding);
  if (binding->editor != NULL)
    g_signal_handlers_disconnect_by_data (binding->editor, binding);
  if (GTK_IS_TEXT_VIEW (binding->widget))
    g_signal_handlers_disconnect_by_data (gtk_text_view_get_buffer (GTK_TEXT_VIEW (binding->widget)), binding);
  g_clear_object (&binding->widget);
  g_free (binding->hint);
  g_free (binding);
}

ConsultIntakeBinder *
consult_intake_binder_new (void)
{
  return g_object_new (CONSULT_TYPE_INTAKE_BINDER, NULL);
}

/* Fixed values in schema order; "unanswered" first, so that nothing is
 * ever answered for the client by a default selection. */
static guint
n_choices (const ConsultIntakeField *field)
{
  if (field->kind == CONSULT_INTAKE_FIELD_INTEGER)
    return (guint) (field->maximum - field->minimum + 1);

  return g_strv_length ((char **) field->values);
}

static char *
choice_value (const ConsultIntakeField *field,
              guint                     index)
{
  if (field->kind == CONSULT_INTAKE_FIELD_INTEGER)
    return g_strdup_printf ("%d", field->minimum + (int) index);

  return g_strdup (field->values[index]);
}

static GListModel *
choices_model (const ConsultIntakeField *field)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, _("Not answered"));
  for (guint i = 0; i < n_choices (field); i++)
    {
      g_autofree char *value = choice_value (field, i);
      const char *label = consult_intake_value_get_label (field->path, value);
      const char *description = consult_intake_value_get_description (field->path, value);

      if (description != NULL)
        {
          /* TRANSLATORS: a choice and its explanation, "Type IV — Olive; rarely burns" */
          g_autofree char *text = g_strdup_printf (_("%s — %s"), label, description);

          gtk_string_list_append (list, text);
        }
      else
        gtk_string_list_append (list, label != NULL ? label : value);
    }

  return G_LIST_MODEL (list);
}

static GVariant *
choice_variant (const ConsultIntakeField *field,
                guint                     index)
{
  if (field->kind == CONSULT_INTAKE_FIELD_INTEGER)
    return g_variant_new_int32 (field->minimum + (int) index);

  return g_variant_new_string (field->values[index]);
}

static guint
variant_choice (const ConsultIntakeField *field,
                GVariant                 *value)
{
  if (value == NULL)
    return 0;

  if (field->kind == CONSULT_INTAKE_FIELD_INTEGER)
    return (guint) (g_variant_get_int32 (value) - field->minimum) + 1;

  for (guint i = 0; field->values[i] != NULL; i++)
    if (g_str_equal (field->values[i], g_variant_get_string (value, NULL)))
      return i + 1;

  return 0;
}

static void
binding_set_problem (Binding    *binding,
                     const char *message)
{
  if (message != NULL)
    gtk_widget_add_css_class (binding->widget, "error");
  else
    gtk_widget_remove_css_class (binding->widget, "error");

  if (binding->problem_icon != NULL)
    {
      gtk_widget_set_visible (binding->problem_icon, message != NULL);
      gtk_widget_set_tooltip_text (binding->problem_icon, message);
    }

  /* Action and combo rows say what is wrong in place of the hint. */
  if (ADW_IS_ACTION_ROW (binding->widget))
    adw_action_row_set_subtitle (ADW_ACTION_ROW (binding->widget),
                                 message != NULL ? message : binding->hint);

  gtk_accessible_update_property (GTK_ACCESSIBLE (binding->widget),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  message != NULL ? message : binding->hint,
                                  -1);
}

static void
binding_store (Binding  *binding,
               GVariant *value)
{
  ConsultIntakeBinder *self = binding->binder;
  g_autoptr (GVariant) owned = value != NULL ? g_variant_ref_sink (value) : NULL;
  g_autoptr (GError) error = NULL;

  if (self->intake == NULL || self->updating)
    return;

  self->updating = TRUE;
  if (!consult_intake_set_value (self->intake, binding->field->path, owned, &error))
    {
      /* What was typed stays on screen; the field is left unanswered and
       * the row says why. */
      consult_intake_set_value (self->intake, binding->field->path, NULL, NULL);
      binding_set_problem (binding, error->message);
    }
  else
    binding_set_problem (binding, NULL);
  self->updating = FALSE;
}

static void
switch_active_cb (Binding   *binding,
                  GParamSpec *pspec,
                  GtkSwitch *widget)
{
  binding_store (binding, g_variant_new_boolean (gtk_switch_get_active (widget)));
}

static void
combo_selected_cb (Binding    *binding,
                   GParamSpec *pspec,
                   AdwComboRow *row)
{
  guint selected = adw_combo_row_get_selected (row);

  binding_store (binding, selected == 0 || selected == GTK_INVALID_LIST_POSITION
                          ? NULL : choice_variant (binding->field, selected - 1));
}

static void
entry_changed_cb (Binding     *binding,
                  GtkEditable *editable)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));

  binding_store (binding, text[0] != '\0' ? g_variant_new_string (text) : NULL);
}

static void
text_buffer_changed_cb (Binding       *binding,
                        GtkTextBuffer *buffer)
{
  GtkTextIter start;
  GtkTextIter end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  binding_store (binding, text[0] != '\0' ? g_variant_new_string (text) : NULL);
}

/* Shows the intake's value in the binding's widget. */
static void
binding_load (Binding *binding)
{
  ConsultIntakeBinder *self = binding->binder;
  g_autoptr (GVariant) value = NULL;

  if (self->intake != NULL)
    value = consult_intake_get_value (self->intake, binding->field->path);

  self->updating = TRUE;
  switch (binding->field->kind)
    {
    case CONSULT_INTAKE_FIELD_BOOLEAN:
      gtk_switch_set_active (GTK_SWITCH (binding->editor),
                             value != NULL && g_variant_get_boolean (value));
      break;

    case CONSULT_INTAKE_FIELD_ENUM:
    case CONSULT_INTAKE_FIELD_INTEGER:
      adw_combo_row_set_selected (ADW_COMBO_ROW (binding->widget),
                                  variant_choice (binding->field, value));
      break;

    case CONSULT_INTAKE_FIELD_DATE:
    case CONSULT_INTAKE_FIELD_STRING:
      {
        const char *text = value != NULL ? g_variant_get_string (value, NULL) : "";

        if (GTK_IS_TEXT_VIEW (binding->widget))
          gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (binding->widget)), text, -1);
        else if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (binding->widget)), text) != 0)
          gtk_editable_set_text (GTK_EDITABLE (binding->widget), text);
      }
      break;

    case CONSULT_INTAKE_FIELD_ENUM_LIST:
    case CONSULT_INTAKE_FIELD_TREATMENT_LIST:
    default:
      g_assert_not_reached ();
    }
  self->updating = FALSE;
}

static GtkWidget *
add_problem_icon (GtkWidget *row)
{
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  gtk_widget_add_css_class (icon, "error");
  gtk_widget_set_visible (icon, FALSE);

  if (ADW_IS_ACTION_ROW (row))
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
  else if (ADW_IS_ENTRY_ROW (row))
    adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), icon);

  return icon;
}

static void
consult_intake_binder_bind_widget (ConsultIntakeBinder      *self,
                                   const ConsultIntakeField *field,
                                   GtkWidget                *widget)
{
  Binding *binding = g_new0 (Binding, 1);

  binding->binder = self;
  binding->field = field;
  binding->widget = g_object_ref (widget);
  binding->hint = g_strdup (consult_intake_field_get_hint (field));

  if (ADW_IS_PREFERENCES_ROW (widget))
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (widget), consult_intake_field_get_label (field));

  switch (field->kind)
    {
    case CONSULT_INTAKE_FIELD_BOOLEAN:
      g_return_if_fail (ADW_IS_ACTION_ROW (widget));
      binding->editor = gtk_switch_new ();
      gtk_widget_set_valign (binding->editor, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (binding->editor),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      consult_intake_field_get_label (field), -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (widget), binding->editor);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (widget), binding->editor);
      g_signal_connect_swapped (binding->editor, "notify::active", G_CALLBACK (switch_active_cb), binding);
      break;

    case CONSULT_INTAKE_FIELD_ENUM:
    case CONSULT_INTAKE_FIELD_INTEGER:
      {
        g_autoptr (GListModel) model = choices_model (field);

        g_return_if_fail (ADW_IS_COMBO_ROW (widget));
        adw_combo_row_set_model (ADW_COMBO_ROW (widget), model);
        g_signal_connect_swapped (widget, "notify::selected", G_CALLBACK (combo_selected_cb), binding);
      }
      break;

    case CONSULT_INTAKE_FIELD_DATE:
    case CONSULT_INTAKE_FIELD_STRING:
      if (GTK_IS_TEXT_VIEW (widget))
        {
          g_signal_connect_swapped (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), "changed",
                                    G_CALLBACK (text_buffer_changed_cb), binding);
          gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          consult_intake_field_get_label (field), -1);
        }
      else
        {
          g_return_if_fail (ADW_IS_ENTRY_ROW (widget));
          g_signal_connect_swapped (widget, "changed", G_CALLBACK (entry_changed_cb), binding);
          if (field->kind == CONSULT_INTAKE_FIELD_DATE)
            {
              /* TRANSLATORS: the label of a date field, then the expected form */
              g_autofree char *title = g_strdup_printf (_("%s (YYYY-MM-DD)"),
                                                        consult_intake_field_get_label (field));

              adw_preferences_row_set_title (ADW_PREFERENCES_ROW (widget), title);
            }
        }
      break;

    case CONSULT_INTAKE_FIELD_ENUM_LIST:
    case CONSULT_INTAKE_FIELD_TREATMENT_LIST:
    default:
      g_critical ("Field %s has no generic editor", field->path);
      binding_free (binding);
      return;
    }

  if (ADW_IS_ACTION_ROW (widget))
    adw_action_row_set_subtitle (ADW_ACTION_ROW (widget), binding->hint);
  else
    gtk_widget_set_tooltip_text (widget, binding->hint);

  binding->problem_icon = add_problem_icon (widget);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, binding->hint, -1);

  g_hash_table_replace (self->bindings, (gpointer) field->path, binding);
  binding_load (binding);
}

void
consult_intake_binder_bind_tree (ConsultIntakeBinder *self,
                                 GtkWidget           *root)
{
  const ConsultIntakeField *field;

  g_return_if_fail (CONSULT_IS_INTAKE_BINDER (self));
  g_return_if_fail (GTK_IS_WIDGET (root));

  field = consult_intake_schema_lookup (gtk_widget_get_name (root));
  if (field != NULL && (ADW_IS_PREFERENCES_ROW (root) || GTK_IS_TEXT_VIEW (root)))
    {
      consult_intake_binder_bind_widget (self, field, root);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    consult_intake_binder_bind_tree (self, child);
}

static void
intake_changed_cb (ConsultIntakeBinder *self,
                   const char          *path,
                   ConsultIntake       *intake)
{
  Binding *binding;

  if (self->updating)
    return;

  binding = g_hash_table_lookup (self->bindings, path);
  if (binding != NULL)
    binding_load (binding);
}

ConsultIntake *
consult_intake_binder_get_intake (ConsultIntakeBinder *self)
{
  g_return_val_if_fail (CONSULT_IS_INTAKE_BINDER (self), NULL);

  return self->intake;
}

void
consult_intake_binder_set_intake (ConsultIntakeBinder *self,
                                  ConsultIntake       *intake)
{
  GHashTableIter iter;
  Binding *binding;

  g_return_if_fail (CONSULT_IS_INTAKE_BINDER (self));
  g_return_if_fail (!intake || CONSULT_IS_INTAKE (intake));

  if (self->intake != NULL)
    g_signal_handlers_disconnect_by_func (self->intake, intake_changed_cb, self);

  if (!g_set_object (&self->intake, intake))
    return;

  if (intake != NULL)
    g_signal_connect_object (intake, "changed", G_CALLBACK (intake_changed_cb), self,
                             G_CONNECT_SWAPPED);

  g_hash_table_iter_init (&iter, self->bindings);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &binding))
    {
      binding_load (binding);
      binding_set_problem (binding, NULL);
    }
}

/* Marks each row with the first problem reported for its field (a list's
 * items, "concerns[2]", count for the list's row). */
void
consult_intake_binder_show_problems (ConsultIntakeBinder *self,
                                     GPtrArray           *problems)
{
  GHashTableIter iter;
  Binding *binding;

  g_return_if_fail (CONSULT_IS_INTAKE_BINDER (self));

  g_hash_table_iter_init (&iter, self->bindings);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &binding))
    {
      const char *message = NULL;

      for (guint i = 0; problems != NULL && i < problems->len && message == NULL; i++)
        {
          const ConsultIntakeProblem *problem = g_ptr_array_index (problems, i);
          gsize len = strlen (binding->field->path);

          if (strncmp (problem->path, binding->field->path, len) == 0 &&
              (problem->path[len] == '\0' || problem->path[len] == '['))
            message = problem->message;
        }

      binding_set_problem (binding, message);
    }
}

GtkWidget *
consult_intake_binder_get_widget (ConsultIntakeBinder *self,
                                  const char          *path)
{
  Binding *binding;

  g_return_val_if_fail (CONSULT_IS_INTAKE_BINDER (self), NULL);

  binding = g_hash_table_lookup (self->bindings, path);

  return binding != NULL ? binding->widget : NULL;
}

static void
consult_intake_binder_dispose (GObject *object)
{
  ConsultIntakeBinder *self = CONSULT_INTAKE_BINDER (object);

  if (self->intake != NULL)
    g_signal_handlers_disconnect_by_func (self->intake, intake_changed_cb, self);
  g_clear_object (&self->intake);
  g_hash_table_remove_all (self->bindings);

  G_OBJECT_CLASS (consult_intake_binder_parent_class)->dispose (object);
}

static void
consult_intake_binder_finalize (GObject *object)
{
  ConsultIntakeBinder *self = CONSULT_INTAKE_BINDER (object);

  g_clear_pointer (&self->bindings, g_hash_table_unref);

  G_OBJECT_CLASS (consult_intake_binder_parent_class)->finalize (object);
}

static void
consult_intake_binder_class_init (ConsultIntakeBinderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = consult_intake_binder_dispose;
  object_class->finalize = consult_intake_binder_finalize;
}

static void
consult_intake_binder_init (ConsultIntakeBinder *self)
{
  self->bindings = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) binding_free);
}
