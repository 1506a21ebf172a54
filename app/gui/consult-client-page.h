/* consult-client-page.h
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "consult-context.h"

G_BEGIN_DECLS

#define CONSULT_TYPE_CLIENT_PAGE (consult_client_page_get_type ())

G_DECLARE_FINAL_TYPE (ConsultClientPage, consult_client_page, CONSULT, CLIENT_PAGE, GtkWidget)

GtkWidget  *consult_client_page_new           (ConsultContext    *context);
gboolean    consult_client_page_load          (ConsultClientPage *self,
                                               const char        *client_id,
                                               GError           **error);
const char *consult_client_page_get_client_id (ConsultClientPage *self);
gboolean    consult_client_page_open_plan     (ConsultClientPage *self,
                                               const char        *plan_id,
                                               GError           **error);

gboolean    consult_client_page_compare_with_previous (ConsultClientPage  *self,
                                                       GError            **error);

G_END_DECLS
