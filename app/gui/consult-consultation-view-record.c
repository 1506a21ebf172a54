/* consult-consultation-view-record.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-consultation-view"

#include "config.h"

#include <glib/gi18n.h>

#include "consult-consultation-view-private.h"
#include "consult-dialogs.h"
#include "consult-sync-state.h"
#include "consult-store-drafts.h"
#include "consult-store-intake.h"
#include "consult-store-plans.h"

/* The consultation's life in the records: saved as a draft, signed by the
 * supervising physician (then read-only), consented to by the client, and
 * amended into a new version. A consultation's intake snapshot never
 * changes once saved (the store enforces it), so saving after the answers
 * changed records a new consultation, while saving the same answers again
 * updates the draft plan or, after signing, adds a plan version.
 *
 * Every failure leaves what was typed on screen and offers to try again. */

static const char *
workstation (void)
{
  return g_get_host_name ();
}

static void
show_toast (ConsultConsultationView *self,
            const char              *title)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (title));
}

typedef struct
{
  ConsultConsultationView *view;
  char                    *action;
} Retry;

static void
retry_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   Retry            *retry)
{
  if (g_str_equal (response, "retry"))
    gtk_widget_activate_action (GTK_WIDGET (retry->view), retry->action, NULL);

  g_object_unref (retry->view);
  g_free (retry->action);
  g_free (retry);
}

/* A store error, said plainly, with a way to try again once the cause is
 * dealt with (space freed, the other program closed). */
static void
show_error (ConsultConsultationView *self,
            const char              *heading,
            const GError            *error,
            const char              *retry_action)
{
  GtkWidget *dialog = adw_message_dialog_new (consult_widget_get_window (GTK_WIDGET (self)), heading, NULL);

  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s\n\n%s", error->message,
                                  _("Everything you entered is still here."));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  if (retry_action != NULL)
    {
      Retry *retry = g_new0 (Retry, 1);

      retry->view = g_object_ref (self);
      retry->action = g_strdup (retry_action);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "retry", _("_Try Again"));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "retry",
                                                  ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "retry");
      g_signal_connect (dialog, "response", G_CALLBACK (retry_response_cb), retry);
    }
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
set_str (char       **field,
         const char  *value)
{
  if (*field != value)
    {
      g_free (*field);
      *field = g_strdup (value);
    }
}

void
_consult_consultation_view_update_sync_state (ConsultConsultationView *self)
{
  consult_sync_state_show (self->sync_image, self->context, self->consultation_id);
}

/* Every change to the records goes to the health record too; the outbox
 * already holds it, so this only asks for it to be sent now. */
static void
send_to_health_record (ConsultConsultationView *self)
{
  ConsultSyncController *sync = consult_context_get_sync (self->context);

  if (sync != NULL)
    consult_sync_controller_queue (sync);
}

void
_consult_consultation_view_update_record (ConsultConsultationView *self)
{
  gboolean have_store = consult_context_get_store (self->context) != NULL;
  gboolean have_plan = self->plan != NULL;
  const char *status = NULL;

  switch (self->state)
    {
    case CONSULT_RECORD_UNSAVED:
      status = _("Not saved");
      break;

    case CONSULT_RECORD_DRAFT:
      status = _("Draft, awaiting the physician’s signature");
      break;

    case CONSULT_RECORD_SIGNED:
      status = _("Signed; read-only");
      break;

    case CONSULT_RECORD_AMENDING:
      status = _("Amending: saving adds a new version");
      break;

    default:
      g_assert_not_reached ();
    }

  gtk_label_set_label (self->record_label, status);
  gtk_widget_set_sensitive (GTK_WIDGET (self->wizard), self->state != CONSULT_RECORD_SIGNED);
  consult_plan_view_set_signed_by (self->plan_view, self->signed_by);

  /* Only what can be done now is offered. */
  gtk_widget_set_visible (self->save_button, self->state != CONSULT_RECORD_SIGNED);
  gtk_widget_set_visible (self->sign_button, self->state != CONSULT_RECORD_SIGNED);
  gtk_widget_set_visible (self->consent_button, self->state == CONSULT_RECORD_SIGNED);
  gtk_widget_set_visible (self->amend_button, self->state == CONSULT_RECORD_SIGNED);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "consultation.save",
                                 have_store && self->state != CONSULT_RECORD_SIGNED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "consultation.sign",
                                 have_store && have_plan && self->state != CONSULT_RECORD_SIGNED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "consultation.consent",
                                 have_store && self->state == CONSULT_RECORD_SIGNED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "consultation.amend",
                                 have_store && self->state == CONSULT_RECORD_SIGNED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "consultation.print", have_plan);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "consultation.export-pdf", have_plan);
  _consult_consultation_view_update_sync_state (self);
}

void
_consult_consultation_view_reset_record (ConsultConsultationView *self)
{
  self->state = CONSULT_RECORD_UNSAVED;
  g_clear_pointer (&self->consultation_id, g_free);
  g_clear_pointer (&self->plan_id, g_free);
  g_clear_pointer (&self->saved_intake_json, g_free);
  g_clear_pointer (&self->signed_by, g_free);
  _consult_consultation_view_update_record (self);
}

/* Writes the consultation as it stands; returns FALSE with @error set,
 * having written nothing. */
static gboolean
save_record (ConsultConsultationView  *self,
             GError                  **error)
{
  ConsultStore *store = consult_context_get_store (self->context);
  const char *catalogue_version = consult_plan_get_catalogue_version (self->plan);
  g_autofree char *intake_json = consult_intake_to_json (self->intake);
  g_autofree char *plan_json = consult_plan_to_json (self->plan);
  gboolean same_intake = g_strcmp0 (intake_json, self->saved_intake_json) == 0;

  if (same_intake && self->state == CONSULT_RECORD_DRAFT)
    return consult_store_update_plan_draft (store, self->plan_id, plan_json, catalogue_version, error);

  if (same_intake && self->state == CONSULT_RECORD_AMENDING)
    {
      g_autofree char *plan_id = consult_store_amend_plan (store, self->plan_id, plan_json,
                                                           catalogue_version, error);

      if (plan_id == NULL)
        return FALSE;
      set_str (&self->plan_id, plan_id);
    }
  else
    {
      g_autofree char *client_id = NULL;
      g_autofree char *consultation_id = NULL;
      g_autofree char *plan_id = NULL;

      if (!consult_store_begin (store, error))
        return FALSE;

      /* New answers make a new consultation; its superseded draft goes.
       * A returning client is matched by name and date of birth. */
      if ((self->state == CONSULT_RECORD_DRAFT &&
           !consult_store_discard_plan_draft (store, self->plan_id, error)) ||
          !consult_store_save_intake (store, self->intake, self->plan,
                                      &client_id, &consultation_id, &plan_id, error) ||
          !consult_store_commit (store, error))
        {
          consult_store_rollback (store);
          return FALSE;
        }

      set_str (&self->client_id, client_id);
      set_str (&self->consultation_id, consultation_id);
      set_str (&self->plan_id, plan_id);
    }

  set_str (&self->saved_intake_json, intake_json);
  self->state = CONSULT_RECORD_DRAFT;

  return TRUE;
}

static gboolean
ready_to_save (ConsultConsultationView *self)
{
  if (consult_consultation_view_get_plan (self) != NULL)
    return TRUE;

  consult_show_message (GTK_WIDGET (self), _("The Intake Is Not Complete"),
                _("Some answers are missing or need correcting; they are marked on the intake pages. "
                  "A plan can only be saved once the intake is complete."));
  return FALSE;
}

static void
discard_autosaved_draft (ConsultConsultationView *self)
{
  g_autoptr (GError) error = NULL;

  g_clear_handle_id (&self->draft_source, g_source_remove);
  if (!consult_store_discard_draft (consult_context_get_store (self->context),
                                    workstation (), g_get_user_name (), &error) &&
      !g_error_matches (error, CONSULT_STORE_ERROR, CONSULT_STORE_ERROR_NOT_FOUND))
    g_warning ("Could not discard the autosaved intake: %s", error->message);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ConsultConsultationView *self = CONSULT_CONSULTATION_VIEW (widget);
  g_autoptr (GError) error = NULL;

  if (!ready_to_save (self))
    return;

  if (!save_record (self, &error))
    {
      show_error (self, _("The Plan Could Not Be Saved"), error, "consultation.save");
      return;
    }

  discard_autosaved_draft (self);
  _consult_consultation_view_update_record (self);
  g_signal_emit_by_name (self, "saved");
  send_to_health_record (self);
  show_toast (self, _("Plan saved as a draft"));
}

static void
sign_response_cb (AdwMessageDialog        *dialog,
                  const char              *response,
                  ConsultConsultationView *self)
{
  g_autofree char *physician = g_strstrip (g_strdup (consult_entry_dialog_get_text (dialog)));
  g_autofree char *intake_json = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *toast = NULL;

  if (!g_str_equal (response, "sign"))
    return;

  if (physician[0] == '\0')
    {
      consult_show_message (GTK_WIDGET (self), _("The Plan Was Not Signed"),
                    _("The signing physician’s name is required."));
      return;
    }

  /* What is signed is exactly what is on screen: save it first. */
  intake_json = consult_intake_to_json (self->intake);
  if (self->state != CONSULT_RECORD_DRAFT || g_strcmp0 (self->saved_intake_json, intake_json) != 0)
    {
      if (!save_record (self, &error))
        {
          show_error (self, _("The Plan Could Not Be Saved"), error, "consultation.sign");
          return;
        }
      discard_autosaved_draft (self);
    }

  if (!consult_store_sign_plan (consult_context_get_store (self->context), self->plan_id,
                                physician, &error))
    {
      show_error (self, _("The Plan Could Not Be Signed"), error, "consultation.sign");
      _consult_consultation_view_update_record (self);
      return;
    }

  self->state = CONSULT_RECORD_SIGNED;
  set_str (&self->signed_by, physician);
  _consult_consultation_view_update_record (self);
  g_signal_emit_by_name (self, "saved");
  send_to_health_record (self);
  /* TRANSLATORS: %s is the physician's name */
  toast = g_strdup_printf (_("Plan signed by %s"), physician);
  show_toast (self, toast);
}

static void
sign_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ConsultConsultationView *self = CONSULT_CONSULTATION_VIEW (widget);
  AdwMessageDialog *dialog;

  if (!ready_to_save (self))
    return;

  /* A deliberate act: the physician types their name and confirms. */
  dialog = consult_name_dialog_new (widget, _("Sign This Plan?"),
                                    _("Signing confirms that you, the supervising physician, have "
                                      "reviewed this plan. A signed plan cannot be changed; later "
                                      "changes become a new version."),
                                    _("Physician’s Full Name"), "sign", _("_Sign Plan"));
  g_signal_connect_object (dialog, "response", G_CALLBACK (sign_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The confirmation must name the client: typed by the client, it shows
 * they read whose plan this is. Case and surrounding spaces aside. */
static gboolean
name_confirms_client (ConsultIntake *intake,
                      const char    *typed)
{
  g_autofree char *full = g_strjoin (" ", consult_intake_get_given_name (intake),
                                     consult_intake_get_family_name (intake) ? consult_intake_get_family_name (intake) : "",
                                     NULL);
  g_autofree char *expected = g_utf8_casefold (g_strstrip (full), -1);
  g_autofree char *got_copy = g_strstrip (g_strdup (typed));
  g_autofree char *got = g_utf8_casefold (got_copy, -1);

  return g_utf8_collate (expected, got) == 0;
}

static void
consent_response_cb (AdwMessageDialog        *dialog,
                     const char              *response,
                     ConsultConsultationView *self)
{
  const char *typed = consult_entry_dialog_get_text (dialog);
  g_autofree char *version = NULL;
  g_autofree char *consent_id = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr (GError) error = NULL;

  if (!g_str_equal (response, "consent"))
    return;

  if (!name_confirms_client (self->intake, typed))
    {
      consult_show_message (GTK_WIDGET (self), _("Consent Was Not Recorded"),
                    _("The name typed does not match the client’s name on this plan."));
      return;
    }

  version = g_settings_get_string (consult_context_get_settings (self->context), "consent-text-version");
  consent_id = consult_store_record_consent (consult_context_get_store (self->context), self->plan_id,
                                             version, today, typed, &error);
  if (consent_id == NULL)
    {
      show_error (self, _("Consent Could Not Be Recorded"), error, "consultation.consent");
      return;
    }

  send_to_health_record (self);
  show_toast (self, _("Client’s consent recorded"));
}

static void
consent_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ConsultConsultationView *self = CONSULT_CONSULTATION_VIEW (widget);
  AdwMessageDialog *dialog;

  dialog = consult_name_dialog_new (widget, _("Record the Client’s Consent"),
                                    _("The client has read the plan and its risks, and agrees to it. "
                                      "To confirm, the client types their full name."),
                                    _("Client’s Full Name"), "consent", _("_Record Consent"));
  g_signal_connect_object (dialog, "response", G_CALLBACK (consent_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
amend_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ConsultConsultationView *self = CONSULT_CONSULTATION_VIEW (widget);

  self->state = CONSULT_RECORD_AMENDING;
  g_clear_pointer (&self->signed_by, g_free);
  _consult_consultation_view_update_record (self);
}

static gboolean
autosave_draft_cb (gpointer data)
{
  ConsultConsultationView *self = data;
  g_autofree char *json = NULL;
  g_autoptr (GError) error = NULL;

  self->draft_source = 0;

  if (self->intake == NULL || consult_context_get_store (self->context) == NULL)
    return G_SOURCE_REMOVE;

  /* Failing here is not worth a dialog in the middle of typing; the
   * explicit save reports the same problem with a way out. */
  json = consult_intake_to_json (self->intake);
  if (!consult_store_save_draft (consult_context_get_store (self->context),
                                 workstation (), g_get_user_name (), json, &error))
    g_warning ("Could not autosave the intake in progress: %s", error->message);

  return G_SOURCE_REMOVE;
}

/* Saves the intake in progress a moment after typing stops, so that a
 * crash or a power cut loses at most that moment. */
void
_consult_consultation_view_schedule_draft (ConsultConsultationView *self)
{
  if (self->state == CONSULT_RECORD_SIGNED)
    return;

  g_clear_handle_id (&self->draft_source, g_source_remove);
  self->draft_source = g_timeout_add (750, autosave_draft_cb, self);
}

void
_consult_consultation_view_install_record_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "consultation.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "consultation.sign", NULL, sign_action);
  gtk_widget_class_install_action (widget_class, "consultation.consent", NULL, consent_action);
  gtk_widget_class_install_action (widget_class, "consultation.amend", NULL, amend_action);
}
