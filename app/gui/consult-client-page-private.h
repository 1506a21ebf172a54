/* consult-client-page-private.h
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "consult-client-page.h"
#include "consult-plan-view.h"
#include "consult-store-clients.h"
#include "consult-store-plans.h"

G_BEGIN_DECLS

struct _ConsultClientPage
{
  GtkWidget            parent_instance;

  ConsultContext      *context;
  ConsultStoreClient  *client;
  GPtrArray           *timeline_rows;

  GtkStack            *stack;
  AdwPreferencesPage  *overview;
  AdwPreferencesGroup *details_group;
  AdwEntryRow         *given_name_row;
  AdwEntryRow         *family_name_row;
  AdwEntryRow         *date_of_birth_row;
  AdwEntryRow         *phone_row;
  AdwEntryRow         *email_row;
  AdwEntryRow         *language_row;
  AdwPreferencesGroup *timeline_group;
  GtkLabel            *plan_title;
  GtkLabel            *plan_subtitle;
  ConsultPlanView     *plan_view;
  GtkWidget           *compare_button;
  GtkLabel            *compare_title;
  AdwPreferencesGroup *compare_group;
  GPtrArray           *compare_rows;

  AdwPreferencesGroup *progress_group;
  GPtrArray           *progress_rows;

  /* The plan version open on the plan page, and the one before it. */
  ConsultPlan         *open_plan;
  char                *open_plan_id;
  gboolean             open_plan_signed;
  char                *previous_plan_id;
  guint                open_version;
};

const char *_consult_client_page_treatment_name            (ConsultClientPage             *self,
                                                            const char                    *treatment);
char       *_consult_client_page_find_previous_version     (ConsultClientPage             *self,
                                                            const ConsultStorePlanVersion *version);
gboolean    _consult_client_page_update_progress           (ConsultClientPage             *self,
                                                            GError                       **error);
void        _consult_client_page_emit_changed              (ConsultClientPage             *self);
void        _consult_client_page_install_compare_actions   (GtkWidgetClass                *widget_class);
void        _consult_client_page_install_session_actions   (GtkWidgetClass                *widget_class);

G_END_DECLS
