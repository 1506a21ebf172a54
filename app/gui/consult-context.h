/* consult-context.h
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "consult-catalogue.h"
#include "consult-planner.h"
#include "consult-store.h"
#include "consult-sync-controller.h"

G_BEGIN_DECLS

#define CONSULT_TYPE_CONTEXT (consult_context_get_type ())

G_DECLARE_FINAL_TYPE (ConsultContext, consult_context, CONSULT, CONTEXT, GObject)

ConsultContext        *consult_context_new           (ConsultCatalogue *catalogue,
                                                      ConsultStore     *store,
                                                      GSettings        *settings);
ConsultCatalogue      *consult_context_get_catalogue (ConsultContext   *self);
ConsultPlanner        *consult_context_get_planner   (ConsultContext   *self);
GSettings             *consult_context_get_settings  (ConsultContext   *self);
ConsultStore          *consult_context_get_store     (ConsultContext   *self);
ConsultSyncController *consult_context_get_sync      (ConsultContext   *self);

G_END_DECLS
