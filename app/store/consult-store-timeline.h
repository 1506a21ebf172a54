/* consult-store-timeline.h
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "consult-store-plans.h"

G_BEGIN_DECLS

typedef enum
{
  CONSULT_TIMELINE_CONSULTATION,
  CONSULT_TIMELINE_PLAN_VERSION,
  CONSULT_TIMELINE_SIGN_OFF,
  CONSULT_TIMELINE_CONSENT,
} ConsultTimelineKind;

/* One event of a client's history.  @record_id is the consultation, the
 * plan version (for PLAN_VERSION and SIGN_OFF) or the consent record;
 * @plan_version is 0 for a consultation; @who is the consultant, the
 * plan's author, the signing physician or whoever recorded the consent. */
typedef struct
{
  ConsultTimelineKind     kind;
  gint64                  time;
  char                   *record_id;
  char                   *consultation_id;
  char                   *consultation_date;
  guint                   plan_version;
  ConsultStorePlanStatus  plan_status;
  char                   *who;
} ConsultTimelineEntry;

void        consult_timeline_entry_free      (ConsultTimelineEntry  *entry);
const char *consult_timeline_kind_to_string  (ConsultTimelineKind    kind);

/* The client's consultations, plan versions, sign-offs and consents,
 * newest first: a GPtrArray of ConsultTimelineEntry. */
GPtrArray  *consult_store_get_timeline       (ConsultStore          *self,
                                              const char            *client_id,
                                              GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConsultTimelineEntry, consult_timeline_entry_free)

G_END_DECLS
