/* consult-store-consents.h
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "consult-store.h"

G_BEGIN_DECLS

/* A client's consent to a signed plan version, as recorded by
 * consult_store_record_consent(). */
typedef struct
{
  char   *id;
  char   *plan_id;
  char   *text_version;
  char   *consented_on;
  char   *typed_name;
  char   *recorded_by;
  gint64  recorded_at;
} ConsultStoreConsent;

void       consult_store_consent_free  (ConsultStoreConsent  *consent);

/* The consents recorded for @plan_id, oldest first: a GPtrArray of
 * ConsultStoreConsent, empty when there is none. */
GPtrArray *consult_store_list_consents (ConsultStore         *self,
                                        const char           *plan_id,
                                        GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConsultStoreConsent, consult_store_consent_free)

G_END_DECLS
