/* consult-intake-wizard.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-intake-wizard"

#include "config.h"

#include <glib/gi18n.h>

#include "consult-concern-editor.h"
#include "consult-intake-binder.h"
#include "consult-intake-wizard.h"
#include "consult-treatment-picker.h"

/* The intake, one topic a page, with back/next and a visible position.
 * Nothing is blocked: problems found by the core's validation are shown
 * beside their fields and counted at the bottom, and the consultant may
 * move on and come back. */
struct _ConsultIntakeWizard
{
  GtkWidget               parent_instance;

  ConsultIntakeBinder    *binder;

  GtkWidget              *content;
  GtkStack               *stack;
  GtkLabel               *step_label;
  GtkProgressBar         *progress_bar;
  GtkLabel               *problems_label;
  ConsultConcernEditor   *concern_editor;
  ConsultTreatmentPicker *treatment_picker;
};

G_DEFINE_FINAL_TYPE (ConsultIntakeWizard, consult_intake_wizard, GTK_TYPE_WIDGET)

static guint
n_pages (ConsultIntakeWizard *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (gtk_stack_get_pages (self->stack)));
}

static guint
current_page (ConsultIntakeWizard *self)
{
  GtkWidget *visible = gtk_stack_get_visible_child (self->stack);
  guint i = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child), i++)
    if (child == visible)
      return i;

  return 0;
}

static GtkWidget *
nth_page (ConsultIntakeWizard *self,
          guint                index)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->stack));

  for (guint i = 0; child != NULL && i < index; i++)
    child = gtk_widget_get_next_sibling (child);

  return child;
}

static void
consult_intake_wizard_update (ConsultIntakeWizard *self)
{
  guint page = current_page (self);
  guint total = n_pages (self);
  GtkStackPage *stack_page = gtk_stack_get_page (self->stack, gtk_stack_get_visible_child (self->stack));
  /* TRANSLATORS: "Step 3 of 8 · Skin" */
  g_autofree char *step = g_strdup_printf (_("Step %u of %u · %s"), page + 1, total,
                                           gtk_stack_page_get_title (stack_page));

  gtk_label_set_label (self->step_label, step);
  gtk_progress_bar_set_fraction (self->progress_bar, (double) (page + 1) / total);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.previous", page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.next", page + 1 < total);
}

static void
go_to_page (ConsultIntakeWizard *self,
            guint                index)
{
  GtkWidget *page = nth_page (self, index);

  if (page == NULL)
    return;

  gtk_stack_set_visible_child (self->stack, page);
  consult_intake_wizard_update (self);
  /* Keyboard users continue on the new page, not on a vanished button. */
  gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ConsultIntakeWizard *self = CONSULT_INTAKE_WIZARD (widget);
  guint page = current_page (self);

  if (page > 0)
    go_to_page (self, page - 1);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ConsultIntakeWizard *self = CONSULT_INTAKE_WIZARD (widget);

  go_to_page (self, current_page (self) + 1);
}

void
consult_intake_wizard_set_catalogue (ConsultIntakeWizard *self,
                                     ConsultCatalogue    *catalogue)
{
  g_return_if_fail (CONSULT_IS_INTAKE_WIZARD (self));

  consult_treatment_picker_set_catalogue (self->treatment_picker, catalogue);
}

ConsultIntake *
consult_intake_wizard_get_intake (ConsultIntakeWizard *self)
{
  g_return_val_if_fail (CONSULT_IS_INTAKE_WIZARD (self), NULL);

  return consult_intake_binder_get_intake (self->binder);
}

void
consult_intake_wizard_set_intake (ConsultIntakeWizard *self,
                                  ConsultIntake       *intake)
{
  g_return_if_fail (CONSULT_IS_INTAKE_WIZARD (self));

  consult_intake_binder_set_intake (self->binder, intake);
  consult_concern_editor_set_intake (self->concern_editor, intake);
  consult_treatment_picker_set_intake (self->treatment_picker, intake);
  gtk_label_set_label (self->problems_label, "");
}

/* The page holding the field of @path, found through the widget tree so
 * that moving a row between pages in the .ui needs no code. */
static const char *
page_title_for_path (ConsultIntakeWizard *self,
                     const char          *path)
{
  g_autofree char *field_path = g_strdup (path);
  GtkWidget *widget;
  char *bracket = strchr (field_path, '[');

  if (bracket != NULL)
    *bracket = '\0';

  widget = consult_intake_binder_get_widget (self->binder, field_path);
  if (widget == NULL && g_str_equal (field_path, "concerns"))
    widget = GTK_WIDGET (self->concern_editor);
  if (widget == NULL && g_str_equal (field_path, "preferences.requested"))
    widget = GTK_WIDGET (self->treatment_picker);
  if (widget == NULL)
    return NULL;

  while (widget != NULL && gtk_widget_get_parent (widget) != GTK_WIDGET (self->stack))
    widget = gtk_widget_get_parent (widget);

  return widget != NULL ? gtk_stack_page_get_title (gtk_stack_get_page (self->stack, widget)) : NULL;
}

void
consult_intake_wizard_show_problems (ConsultIntakeWizard *self,
                                     GPtrArray           *problems)
{
  g_autoptr (GString) pages = g_string_new (NULL);
  g_autofree char *text = NULL;
  guint n = problems != NULL ? problems->len : 0;

  g_return_if_fail (CONSULT_IS_INTAKE_WIZARD (self));

  consult_intake_binder_show_problems (self->binder, problems);

  for (guint i = 0; i < n; i++)
    {
      const ConsultIntakeProblem *problem = g_ptr_array_index (problems, i);
      const char *title = page_title_for_path (self, problem->path);

      if (title != NULL && strstr (pages->str, title) == NULL)
        {
          if (pages->len > 0)
            g_string_append (pages, ", ");
          g_string_append (pages, title);
        }
    }

  if (n > 0)
    /* TRANSLATORS: "2 answers need attention: Client, Skin" */
    text = g_strdup_printf (ngettext ("%u answer needs attention: %s",
                                      "%u answers need attention: %s", n),
                            n, pages->len > 0 ? pages->str : _("see the marked fields"));

  gtk_label_set_label (self->problems_label, text != NULL ? text : "");
}

const char *
consult_intake_wizard_get_page (ConsultIntakeWizard *self)
{
  g_return_val_if_fail (CONSULT_IS_INTAKE_WIZARD (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

void
consult_intake_wizard_set_page (ConsultIntakeWizard *self,
                                const char          *name)
{
  g_return_if_fail (CONSULT_IS_INTAKE_WIZARD (self));

  gtk_stack_set_visible_child_name (self->stack, name);
  consult_intake_wizard_update (self);
}

GtkWidget *
consult_intake_wizard_get_field_widget (ConsultIntakeWizard *self,
                                        const char          *path)
{
  g_return_val_if_fail (CONSULT_IS_INTAKE_WIZARD (self), NULL);

  return consult_intake_binder_get_widget (self->binder, path);
}

static void
consult_intake_wizard_dispose (GObject *object)
{
  ConsultIntakeWizard *self = CONSULT_INTAKE_WIZARD (object);

  g_clear_object (&self->binder);
  gtk_widget_dispose_template (GTK_WIDGET (self), CONSULT_TYPE_INTAKE_WIZARD);

  G_OBJECT_CLASS (consult_intake_wizard_parent_class)->dispose (object);
}

static void
consult_intake_wizard_class_init (ConsultIntakeWizardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = consult_intake_wizard_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/consult-intake-wizard.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  /* Bound so that gtk_widget_dispose_template() unparents it. */
  gtk_widget_class_bind_template_child (widget_class, ConsultIntakeWizard, content);
  gtk_widget_class_bind_template_child (widget_class, ConsultIntakeWizard, stack);
  gtk_widget_class_bind_template_child (widget_class, ConsultIntakeWizard, step_label);
  gtk_widget_class_bind_template_child (widget_class, ConsultIntakeWizard, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, ConsultIntakeWizard, problems_label);
  gtk_widget_class_bind_template_child (widget_class, ConsultIntakeWizard, concern_editor);
  gtk_widget_class_bind_template_child (widget_class, ConsultIntakeWizard, treatment_picker);

  gtk_widget_class_install_action (widget_class, "wizard.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "wizard.next", NULL, next_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "wizard.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "wizard.next", NULL);

  g_type_ensure (CONSULT_TYPE_CONCERN_EDITOR);
  g_type_ensure (CONSULT_TYPE_TREATMENT_PICKER);
}

static void
consult_intake_wizard_init (ConsultIntakeWizard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->binder = consult_intake_binder_new ();
  consult_intake_binder_bind_tree (self->binder, GTK_WIDGET (self->stack));
  consult_intake_wizard_update (self);
}
