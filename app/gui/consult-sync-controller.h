/* consult-sync-controller.h
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "consult-catalogue.h"
#include "consult-store.h"

G_BEGIN_DECLS

typedef enum
{
  CONSULT_SYNC_STATUS_NOT_CONFIGURED,  /* no server address: records stay here */
  CONSULT_SYNC_STATUS_SENDING,
  CONSULT_SYNC_STATUS_SENT,            /* nothing waiting */
  CONSULT_SYNC_STATUS_PENDING,         /* waiting for the next attempt */
  CONSULT_SYNC_STATUS_FAILED,          /* the server refused something: a person must act */
} ConsultSyncStatus;

typedef enum
{
  CONSULT_SYNC_TOKEN_NONE,
  CONSULT_SYNC_TOKEN_KEYRING,
  CONSULT_SYNC_TOKEN_SESSION,          /* typed in, kept in memory until the app quits */
} ConsultSyncTokenSource;

#define CONSULT_TYPE_SYNC_STATUS (consult_sync_status_get_type ())
GType consult_sync_status_get_type (void) G_GNUC_CONST;

#define CONSULT_TYPE_SYNC_TOKEN_SOURCE (consult_sync_token_source_get_type ())
GType consult_sync_token_source_get_type (void) G_GNUC_CONST;

#define CONSULT_TYPE_SYNC_CONTROLLER (consult_sync_controller_get_type ())

G_DECLARE_FINAL_TYPE (ConsultSyncController, consult_sync_controller, CONSULT, SYNC_CONTROLLER, GObject)

ConsultSyncController  *consult_sync_controller_new              (ConsultStore           *store,
                                                                  ConsultCatalogue       *catalogue,
                                                                  GSettings              *settings);
ConsultSyncStatus       consult_sync_controller_get_status       (ConsultSyncController  *self);
const char             *consult_sync_controller_get_summary      (ConsultSyncController  *self);
ConsultSyncTokenSource  consult_sync_controller_get_token_source (ConsultSyncController  *self);

void                    consult_sync_controller_queue            (ConsultSyncController  *self);
gboolean                consult_sync_controller_send_now         (ConsultSyncController  *self,
                                                                  GError                **error);

void                    consult_sync_controller_set_token        (ConsultSyncController  *self,
                                                                  const char             *token);
void                    consult_sync_controller_forget_token     (ConsultSyncController  *self);

void                    consult_sync_controller_test_connection_async  (ConsultSyncController *self,
                                                                        GCancellable          *cancellable,
                                                                        GAsyncReadyCallback    callback,
                                                                        gpointer               user_data);
char                   *consult_sync_controller_test_connection_finish (ConsultSyncController *self,
                                                                        GAsyncResult          *result,
                                                                        GError               **error);

G_END_DECLS
