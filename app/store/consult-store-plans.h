/* consult-store-plans.h
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "consult-store.h"

G_BEGIN_DECLS

typedef enum
{
  CONSULT_STORE_PLAN_DRAFT,
  CONSULT_STORE_PLAN_SIGNED,
  CONSULT_STORE_PLAN_SUPERSEDED,
} ConsultStorePlanStatus;

/* One version of a consultation's plan.  A draft may be edited; signing
 * makes it immutable for ever (enforced by the database itself); a change
 * after that is an amendment: a new draft version, and when that is
 * signed the older signed version becomes superseded.  Until then the
 * older one stays the plan in force, so a client is never left without a
 * signed plan while an amendment waits for the physician. */
typedef struct
{
  char                   *id;
  char                   *consultation_id;
  guint                   version;
  char                   *plan_json;
  char                   *catalogue_version;
  ConsultStorePlanStatus  status;
  char                   *author;
  gint64                  created_at;
  char                   *physician;
  gint64                  signed_at;
  char                   *superseded_by;
} ConsultStorePlanVersion;

void                     consult_store_plan_version_free  (ConsultStorePlanVersion *plan);
const char              *consult_store_plan_status_to_string (ConsultStorePlanStatus status);

ConsultStorePlanVersion *consult_store_get_plan           (ConsultStore  *self,
                                                           const char    *plan_id,
                                                           GError       **error);
/* Oldest first; a GPtrArray of ConsultStorePlanVersion. */
GPtrArray               *consult_store_list_plan_versions (ConsultStore  *self,
                                                           const char    *consultation_id,
                                                           GError       **error);
/* The first plan of a consultation that has none yet; returns its id. */
char                    *consult_store_add_plan           (ConsultStore  *self,
                                                           const char    *consultation_id,
                                                           const char    *plan_json,
                                                           const char    *catalogue_version,
                                                           GError       **error);
gboolean                 consult_store_update_plan_draft  (ConsultStore  *self,
                                                           const char    *plan_id,
                                                           const char    *plan_json,
                                                           const char    *catalogue_version,
                                                           GError       **error);
/* Starts a new draft version from the signed version @plan_id. */
char                    *consult_store_amend_plan         (ConsultStore  *self,
                                                           const char    *plan_id,
                                                           const char    *plan_json,
                                                           const char    *catalogue_version,
                                                           GError       **error);
gboolean                 consult_store_sign_plan          (ConsultStore  *self,
                                                           const char    *plan_id,
                                                           const char    *physician,
                                                           GError       **error);
gboolean                 consult_store_discard_plan_draft (ConsultStore  *self,
                                                           const char    *plan_id,
                                                           GError       **error);
/* Records the client's consent to the signed version @plan_id: the
 * version of the consent text shown, the date (YYYY-MM-DD) and the name
 * the client typed.  Returns the consent record's id. */
char                    *consult_store_record_consent     (ConsultStore  *self,
                                                           const char    *plan_id,
                                                           const char    *text_version,
                                                           const char    *consented_on,
                                                           const char    *typed_name,
                                                           GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConsultStorePlanVersion, consult_store_plan_version_free)

G_END_DECLS
