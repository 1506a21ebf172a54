/* consult-client-page.c
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
#include "consult-format.h"
#include "consult-sync-state.h"
#include "consult-store-timeline.h"

/* One client: their details (editable, every change audited by the
 * store), the timeline of consultations, plan versions, sign-offs and
 * consents, and any past plan exactly as it was saved: rendered from the
 * stored plan JSON, never recomputed with today's catalogue. */

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  NEW_CONSULTATION,
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ConsultClientPage, consult_client_page, GTK_TYPE_WIDGET)

GtkWidget *
consult_client_page_new (ConsultContext *context)
{
  g_return_val_if_fail (CONSULT_IS_CONTEXT (context), NULL);

  return g_object_new (CONSULT_TYPE_CLIENT_PAGE, "context", context, NULL);
}

static const char *
status_label (ConsultStorePlanStatus status)
{
  switch (status)
    {
    case CONSULT_STORE_PLAN_DRAFT:
      return _("draft");
    case CONSULT_STORE_PLAN_SIGNED:
      return _("signed");
    case CONSULT_STORE_PLAN_SUPERSEDED:
      return _("superseded");
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
plan_row_activated_cb (ConsultClientPage *self,
                       AdwActionRow      *row)
{
  g_autoptr (GError) error = NULL;

  if (!consult_client_page_open_plan (self, g_object_get_data (G_OBJECT (row), "plan-id"), &error))
    consult_show_message (GTK_WIDGET (self), _("The Plan Could Not Be Opened"), error->message);
}

/* Where the consultation stands with the health record, kept up to date
 * by update_sync_states(). */
static void
add_sync_state (ConsultClientPage *self,
                GtkWidget         *row,
                const char        *consultation_id)
{
  GtkWidget *image = gtk_image_new ();

  gtk_widget_set_valign (image, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), image);
  g_object_set_data_full (G_OBJECT (row), "consultation-id", g_strdup (consultation_id), g_free);
  g_object_set_data (G_OBJECT (row), "sync-image", image);
  consult_sync_state_show (GTK_IMAGE (image), self->context, consultation_id);
}

static void
update_sync_states (ConsultClientPage *self)
{
  for (guint i = 0; i < self->timeline_rows->len; i++)
    {
      GObject *row = g_ptr_array_index (self->timeline_rows, i);
      GtkImage *image = g_object_get_data (row, "sync-image");

      if (image != NULL)
        consult_sync_state_show (image, self->context, g_object_get_data (row, "consultation-id"));
    }
}

static GtkWidget *
timeline_row (ConsultClientPage          *self,
              const ConsultTimelineEntry *entry)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *when = consult_format_time (entry->time);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  const char *icon = NULL;

  switch (entry->kind)
    {
    case CONSULT_TIMELINE_CONSULTATION:
      /* TRANSLATORS: "Consultation of 2026-11-23" */
      title = g_strdup_printf (_("Consultation of %s"), entry->consultation_date);
      /* TRANSLATORS: time, then who held the consultation */
      subtitle = g_strdup_printf (_("%s · with %s"), when, entry->who);
      icon = "x-office-document-symbolic";
      add_sync_state (self, row, entry->record_id);
      break;

    case CONSULT_TIMELINE_PLAN_VERSION:
      /* TRANSLATORS: "Plan version 2 (signed)" */
      title = g_strdup_printf (_("Plan version %u (%s)"), entry->plan_version, status_label (entry->plan_status));
      subtitle = g_strdup_printf (_("%s · by %s"), when, entry->who);
      icon = "view-list-symbolic";
      g_object_set_data_full (G_OBJECT (row), "plan-id", g_strdup (entry->record_id), g_free);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_signal_connect_swapped (row, "activated", G_CALLBACK (plan_row_activated_cb), self);
      break;

    case CONSULT_TIMELINE_SIGN_OFF:
      /* TRANSLATORS: "Plan version 2 signed" */
      title = g_strdup_printf (_("Plan version %u signed"), entry->plan_version);
      subtitle = g_strdup_printf (_("%s · by %s"), when, entry->who);
      icon = "emblem-ok-symbolic";
      break;

    case CONSULT_TIMELINE_CONSENT:
      title = g_strdup_printf (_("Client consented to plan version %u"), entry->plan_version);
      subtitle = g_strdup (when);
      icon = "document-edit-symbolic";
      break;

    default:
      g_return_val_if_reached (row);
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name (icon));

  return row;
}

static void
set_row_text (AdwEntryRow *row,
              const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static char *
row_text (AdwEntryRow *row)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  return text[0] != '\0' ? g_steal_pointer (&text) : NULL;
}

gboolean
consult_client_page_load (ConsultClientPage  *self,
                          const char         *client_id,
                          GError            **error)
{
  ConsultStore *store;
  g_autoptr (ConsultStoreClient) client = NULL;
  g_autoptr (GPtrArray) timeline = NULL;

  g_return_val_if_fail (CONSULT_IS_CLIENT_PAGE (self), FALSE);
  g_return_val_if_fail (client_id != NULL, FALSE);

  store = consult_context_get_store (self->context);
  client = consult_store_get_client (store, client_id, error);
  if (client == NULL)
    return FALSE;
  timeline = consult_store_get_timeline (store, client_id, error);
  if (timeline == NULL)
    return FALSE;

  g_clear_pointer (&self->client, consult_store_client_free);
  self->client = g_steal_pointer (&client);

  set_row_text (self->given_name_row, self->client->given_name);
  set_row_text (self->family_name_row, self->client->family_name);
  set_row_text (self->date_of_birth_row, self->client->date_of_birth);
  set_row_text (self->phone_row, self->client->phone);
  set_row_text (self->email_row, self->client->email);
  set_row_text (self->language_row, self->client->preferred_language);

  for (guint i = 0; i < self->timeline_rows->len; i++)
    adw_preferences_group_remove (self->timeline_group, g_ptr_array_index (self->timeline_rows, i));
  g_ptr_array_set_size (self->timeline_rows, 0);

  for (guint i = 0; i < timeline->len; i++)
    {
      GtkWidget *row = timeline_row (self, g_ptr_array_index (timeline, i));

      adw_preferences_group_add (self->timeline_group, row);
      g_ptr_array_add (self->timeline_rows, row);
    }

  gtk_stack_set_visible_child (self->stack, GTK_WIDGET (self->overview));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "client.archive", !self->client->archived);

  return TRUE;
}

const char *
consult_client_page_get_client_id (ConsultClientPage *self)
{
  g_return_val_if_fail (CONSULT_IS_CLIENT_PAGE (self), NULL);

  return self->client != NULL ? self->client->id : NULL;
}

gboolean
consult_client_page_open_plan (ConsultClientPage  *self,
                               const char         *plan_id,
                               GError            **error)
{
  g_autoptr (ConsultStorePlanVersion) version = NULL;
  g_autoptr (ConsultPlan) plan = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (CONSULT_IS_CLIENT_PAGE (self), FALSE);

  version = consult_store_get_plan (consult_context_get_store (self->context), plan_id, error);
  if (version == NULL)
    return FALSE;

  /* As saved, whatever today's catalogue would make of the intake. */
  plan = consult_plan_new_from_json (version->plan_json, -1, error);
  if (plan == NULL)
    return FALSE;

  title = g_strdup_printf (_("Plan version %u (%s)"), version->version, status_label (version->status));
  /* TRANSLATORS: the protocol catalogue version a plan was made with */
  subtitle = g_strdup_printf (_("Made with protocol catalogue %s"), version->catalogue_version);
  gtk_label_set_label (self->plan_title, title);
  gtk_label_set_label (self->plan_subtitle, subtitle);

  g_clear_pointer (&self->previous_plan_id, g_free);
  self->previous_plan_id = _consult_client_page_find_previous_version (self, version);
  self->open_version = version->version;
  g_set_object (&self->open_plan, plan);
  g_free (self->open_plan_id);
  self->open_plan_id = g_strdup (version->id);
  self->open_plan_signed = version->status == CONSULT_STORE_PLAN_SIGNED;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "client.record-session", self->open_plan_signed);
  if (!_consult_client_page_update_progress (self, error))
    return FALSE;
  gtk_widget_set_visible (self->compare_button, self->previous_plan_id != NULL);

  consult_plan_view_set_plan (self->plan_view, plan);
  consult_plan_view_set_signed_by (self->plan_view,
                                   version->status != CONSULT_STORE_PLAN_DRAFT ? version->physician : NULL);
  gtk_stack_set_visible_child_name (self->stack, "plan");

  return TRUE;
}

const char *
_consult_client_page_treatment_name (ConsultClientPage *self,
                                     const char        *treatment)
{
  const ConsultTreatment *info = consult_catalogue_lookup_treatment (consult_context_get_catalogue (self->context),
                                                                     treatment);

  return info != NULL ? consult_treatment_get_name (info) : treatment;
}

/* The open version against the one before it: what was added, removed or
 * rescheduled, each marked so that it stands out. */
void
_consult_client_page_emit_changed (ConsultClientPage *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
save_details_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ConsultClientPage *self = CONSULT_CLIENT_PAGE (widget);
  g_autoptr (GError) error = NULL;

  if (self->client == NULL)
    return;

  g_free (self->client->given_name);
  self->client->given_name = row_text (self->given_name_row);
  g_free (self->client->family_name);
  self->client->family_name = row_text (self->family_name_row);
  g_free (self->client->date_of_birth);
  self->client->date_of_birth = row_text (self->date_of_birth_row);
  g_free (self->client->phone);
  self->client->phone = row_text (self->phone_row);
  g_free (self->client->email);
  self->client->email = row_text (self->email_row);
  g_free (self->client->preferred_language);
  self->client->preferred_language = row_text (self->language_row);

  if (!consult_store_save_client (consult_context_get_store (self->context), self->client, &error))
    {
      consult_show_message (GTK_WIDGET (self), _("The Client’s Details Could Not Be Saved"), error->message);
      return;
    }

  g_signal_emit (self, signals[CHANGED], 0);
}

static void
archive_response_cb (AdwMessageDialog  *dialog,
                     const char        *response,
                     ConsultClientPage *self)
{
  g_autoptr (GError) error = NULL;

  if (!g_str_equal (response, "archive") || self->client == NULL)
    return;

  if (!consult_store_set_client_archived (consult_context_get_store (self->context),
                                          self->client->id, TRUE, &error))
    {
      consult_show_message (GTK_WIDGET (self), _("The Client Could Not Be Archived"), error->message);
      return;
    }

  self->client->archived = TRUE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "client.archive", FALSE);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Records are archived, never deleted: hidden from the list, kept whole. */
static void
archive_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ConsultClientPage *self = CONSULT_CLIENT_PAGE (widget);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (consult_widget_get_window (GTK_WIDGET (self)), _("Archive This Client?"),
                                   _("The client is hidden from the client list. Nothing is deleted: "
                                     "their consultations and plans stay in the records, and "
                                     "“Include archived” shows them again."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "archive", _("_Archive"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "archive", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (archive_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
new_consultation_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  ConsultClientPage *self = CONSULT_CLIENT_PAGE (widget);

  if (self->client != NULL)
    g_signal_emit (self, signals[NEW_CONSULTATION], 0, self->client->id);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ConsultClientPage *self = CONSULT_CLIENT_PAGE (widget);

  gtk_stack_set_visible_child (self->stack, GTK_WIDGET (self->overview));
}

static void
consult_client_page_constructed (GObject *object)
{
  ConsultClientPage *self = CONSULT_CLIENT_PAGE (object);

  G_OBJECT_CLASS (consult_client_page_parent_class)->constructed (object);

  consult_plan_view_set_catalogue (self->plan_view, consult_context_get_catalogue (self->context));
  if (consult_context_get_sync (self->context) != NULL)
    g_signal_connect_object (consult_context_get_sync (self->context), "finished",
                             G_CALLBACK (update_sync_states), self, G_CONNECT_SWAPPED);
}

static void
consult_client_page_dispose (GObject *object)
{
  ConsultClientPage *self = CONSULT_CLIENT_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CONSULT_TYPE_CLIENT_PAGE);
  g_clear_pointer (&self->client, consult_store_client_free);
  g_clear_pointer (&self->timeline_rows, g_ptr_array_unref);
  g_clear_pointer (&self->compare_rows, g_ptr_array_unref);
  g_clear_pointer (&self->progress_rows, g_ptr_array_unref);
  g_clear_pointer (&self->open_plan_id, g_free);
  g_clear_pointer (&self->previous_plan_id, g_free);
  g_clear_object (&self->open_plan);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (consult_client_page_parent_class)->dispose (object);
}

static void
consult_client_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  ConsultClientPage *self = CONSULT_CLIENT_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
consult_client_page_class_init (ConsultClientPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = consult_client_page_constructed;
  object_class->dispose = consult_client_page_dispose;
  object_class->set_property = consult_client_page_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         CONSULT_TYPE_CONTEXT,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[NEW_CONSULTATION] =
    g_signal_new ("new-consultation", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/consult-client-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, ConsultClientPage, stack);
  gtk_widget_class_bind_template_child (widget_class, ConsultClientPage, overview);
  gtk_widget_class_bind_template_child (widget_class, ConsultClientPage, details_group);
  gtk_widget_class_bind_template_child (widget_class, ConsultClientPage, given_name_row);
  gtk_widget_class_bind_template_child (widget_class, ConsultClientPage, family_name_row);
  gtk_widget_class_bind_template_child (widget_class, ConsultClientPage, date_of_birth_row);
  gtk_widget_class_bind_template_child (widget_class, ConsultClientPage, phone_row);
  gtk_widget_class_bind_template_child (widget_class, ConsultClientPage, email_row);
  gtk_widget_class_bind_template_child (widget_class, ConsultClientPage, language_row);
  gtk_widget_class_bind_template_child (widget_class, ConsultClientPage, timeline_group);
  gtk_widget_class_bind_template_child (widget_class, ConsultClientPage, plan_title);
  gtk_widget_class_bind_template_child (widget_class, ConsultClientPage, plan_subtitle);
  gtk_widget_class_bind_template_child (widget_class, ConsultClientPage, plan_view);
  gtk_widget_class_bind_template_child (widget_class, ConsultClientPage, compare_button);
  gtk_widget_class_bind_template_child (widget_class, ConsultClientPage, compare_title);
  gtk_widget_class_bind_template_child (widget_class, ConsultClientPage, compare_group);
  gtk_widget_class_bind_template_child (widget_class, ConsultClientPage, progress_group);

  gtk_widget_class_install_action (widget_class, "client.save-details", NULL, save_details_action);
  gtk_widget_class_install_action (widget_class, "client.archive", NULL, archive_action);
  gtk_widget_class_install_action (widget_class, "client.new-consultation", NULL, new_consultation_action);
  gtk_widget_class_install_action (widget_class, "client.back", NULL, back_action);
  _consult_client_page_install_compare_actions (widget_class);
  _consult_client_page_install_session_actions (widget_class);

  g_type_ensure (CONSULT_TYPE_PLAN_VIEW);
}

static void
consult_client_page_init (ConsultClientPage *self)
{
  self->timeline_rows = g_ptr_array_new ();
  self->compare_rows = g_ptr_array_new ();
  self->progress_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

