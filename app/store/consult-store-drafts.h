/* consult-store-drafts.h
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "consult-store.h"

G_BEGIN_DECLS

/* The intake a consultant is still typing, saved as they go (one per
 * workstation and user) so that it can be restored after a crash. */
typedef struct
{
  char   *workstation;
  char   *user_name;
  char   *intake_json;
  gint64  updated_at;
} ConsultStoreDraft;

void               consult_store_draft_free     (ConsultStoreDraft  *draft);

/* Creates or replaces the draft of @workstation / @user_name. */
gboolean           consult_store_save_draft     (ConsultStore       *self,
                                                 const char         *workstation,
                                                 const char         *user_name,
                                                 const char         *intake_json,
                                                 GError            **error);
/* NULL with CONSULT_STORE_ERROR_NOT_FOUND when there is none. */
ConsultStoreDraft *consult_store_get_draft      (ConsultStore       *self,
                                                 const char         *workstation,
                                                 const char         *user_name,
                                                 GError            **error);
/* Every saved draft, newest first: a GPtrArray of ConsultStoreDraft. */
GPtrArray         *consult_store_list_drafts    (ConsultStore       *self,
                                                 GError            **error);
/* Removes the draft; not an error when there was none. */
gboolean           consult_store_discard_draft  (ConsultStore       *self,
                                                 const char         *workstation,
                                                 const char         *user_name,
                                                 GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConsultStoreDraft, consult_store_draft_free)

G_END_DECLS
