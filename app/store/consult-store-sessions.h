/* consult-store-sessions.h
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "consult-store.h"

G_BEGIN_DECLS

/* A treatment session given under a signed plan version. */
typedef struct
{
  char   *id;
  char   *plan_id;
  char   *treatment;
  char   *performed_on;   /* YYYY-MM-DD */
  char   *performer;
  char   *product;
  char   *lot_number;
  char   *notes;
  char   *recorded_by;
  gint64  recorded_at;
} ConsultStoreSession;

ConsultStoreSession *consult_store_session_new      (void);
void                 consult_store_session_free     (ConsultStoreSession  *session);

/* Records @session (its id, recorded_by and recorded_at are filled in)
 * against a signed plan version; sessions never change afterwards. */
gboolean             consult_store_record_session   (ConsultStore         *self,
                                                     ConsultStoreSession  *session,
                                                     GError              **error);

/* The sessions of a plan version, oldest first. */
GPtrArray           *consult_store_list_sessions    (ConsultStore         *self,
                                                     const char           *plan_id,
                                                     GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConsultStoreSession, consult_store_session_free)

G_END_DECLS
