/* consult-store-consultations.h
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "consult-store-clients.h"

G_BEGIN_DECLS

/* A consultation: who saw which client when, the intake exactly as
 * entered (interchange JSON, never changed afterwards) and the catalogue
 * version the plan was computed with. */
typedef struct
{
  char   *id;
  char   *client_id;
  char   *consultant;
  char   *consultation_date;
  gint64  recorded_at;
  char   *intake_json;
  char   *catalogue_version;
  char   *notes;
} ConsultStoreConsultation;

ConsultStoreConsultation *consult_store_consultation_new  (void);
void                      consult_store_consultation_free (ConsultStoreConsultation *consultation);

/* Saves a whole visit in one transaction: @client is inserted (id NULL:
 * matched first by name and date of birth, so a returning client keeps
 * their record) or updated; @consultation is added for that client; and,
 * when @plan_json is not NULL, the plan becomes version 1, a draft.  Ids
 * are filled in; @plan_id receives the plan version's id.  On any error
 * nothing at all is written. */
gboolean consult_store_save_consultation (ConsultStore              *self,
                                          ConsultStoreClient        *client,
                                          ConsultStoreConsultation  *consultation,
                                          const char                *plan_json,
                                          char                     **plan_id,
                                          GError                   **error);

ConsultStoreConsultation *consult_store_get_consultation (ConsultStore  *self,
                                                          const char    *consultation_id,
                                                          GError       **error);
gboolean consult_store_set_consultation_notes (ConsultStore  *self,
                                               const char    *consultation_id,
                                               const char    *notes,
                                               GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConsultStoreConsultation, consult_store_consultation_free)

G_END_DECLS
