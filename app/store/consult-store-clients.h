/* consult-store-clients.h
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "consult-store.h"

G_BEGIN_DECLS

/* A client as stored.  @id is a permanent UUID, assigned on first save;
 * times are microseconds since the Unix epoch (UTC); @sex is one of the
 * interchange values female, male, other, unknown. */
typedef struct
{
  char     *id;
  char     *given_name;
  char     *family_name;
  char     *date_of_birth;
  char     *sex;
  char     *phone;
  char     *email;
  char     *preferred_language;
  gint64    created_at;
  gint64    updated_at;
  gboolean  archived;
} ConsultStoreClient;

ConsultStoreClient *consult_store_client_new        (void);
void                consult_store_client_free       (ConsultStoreClient  *client);

/* Inserts @client when its id is NULL (and sets id and times), else
 * updates the client with that id. */
gboolean            consult_store_save_client       (ConsultStore        *self,
                                                     ConsultStoreClient  *client,
                                                     GError             **error);
ConsultStoreClient *consult_store_get_client        (ConsultStore        *self,
                                                     const char          *client_id,
                                                     GError             **error);
/* The client with the same given name, family name and date of birth
 * (case-insensitive), or NULL with CONSULT_STORE_ERROR_NOT_FOUND. */
ConsultStoreClient *consult_store_find_client       (ConsultStore        *self,
                                                     const char          *given_name,
                                                     const char          *family_name,
                                                     const char          *date_of_birth,
                                                     GError             **error);
gboolean            consult_store_set_client_archived (ConsultStore      *self,
                                                       const char        *client_id,
                                                       gboolean           archived,
                                                       GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConsultStoreClient, consult_store_client_free)

G_END_DECLS
