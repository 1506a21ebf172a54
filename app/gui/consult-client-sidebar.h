/* consult-client-sidebar.h
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "consult-store.h"

G_BEGIN_DECLS

#define CONSULT_TYPE_CLIENT_SIDEBAR (consult_client_sidebar_get_type ())

G_DECLARE_FINAL_TYPE (ConsultClientSidebar, consult_client_sidebar, CONSULT, CLIENT_SIDEBAR, GtkWidget)

void        consult_client_sidebar_set_store    (ConsultClientSidebar *self,
                                                 ConsultStore         *store);
void        consult_client_sidebar_refresh      (ConsultClientSidebar *self);
void        consult_client_sidebar_focus_search (ConsultClientSidebar *self);
GListModel *consult_client_sidebar_get_model    (ConsultClientSidebar *self);

G_END_DECLS
