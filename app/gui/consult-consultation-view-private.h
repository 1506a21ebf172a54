/* consult-consultation-view-private.h
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "consult-consultation-view.h"
#include "consult-intake-wizard.h"
#include "consult-plan-view.h"

G_BEGIN_DECLS

typedef enum
{
  CONSULT_RECORD_UNSAVED,
  CONSULT_RECORD_DRAFT,
  CONSULT_RECORD_SIGNED,
  CONSULT_RECORD_AMENDING,
} ConsultRecordState;

struct _ConsultConsultationView
{
  GtkWidget            parent_instance;

  ConsultContext      *context;
  ConsultIntake       *intake;
  char                *client_id;   /* NULL for a client new to the clinic */
  ConsultPlan         *plan;
  guint                replan_source;
  guint                draft_source;

  /* What the records hold for this consultation. */
  ConsultRecordState   state;
  char                *consultation_id;
  char                *plan_id;
  char                *saved_intake_json;
  char                *signed_by;

  GtkPaned            *paned;
  ConsultIntakeWizard *wizard;
  ConsultPlanView     *plan_view;
  GtkLabel            *record_label;
  GtkImage            *sync_image;
  GtkWidget           *save_button;
  GtkWidget           *sign_button;
  GtkWidget           *consent_button;
  GtkWidget           *amend_button;
};

void _consult_consultation_view_install_print_actions  (GtkWidgetClass          *widget_class);
void _consult_consultation_view_install_record_actions (GtkWidgetClass          *widget_class);
void _consult_consultation_view_update_record          (ConsultConsultationView *self);
void _consult_consultation_view_reset_record           (ConsultConsultationView *self);
void _consult_consultation_view_schedule_draft         (ConsultConsultationView *self);
void _consult_consultation_view_update_sync_state      (ConsultConsultationView *self);

G_END_DECLS
