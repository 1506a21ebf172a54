/* consult-store-outbox-private.h
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "consult-store-outbox.h"
#include "consult-store-private.h"

G_BEGIN_DECLS

/* Shared by consult-store-outbox.c (queueing, reading) and
 * consult-store-outbox-send.c (the sender's reports, "Send now"). */

typedef gboolean (*ConsultStoreOutboxEntryFunc) (ConsultStore  *self,
                                                 const char    *entry_id,
                                                 GError       **error);

ConsultStoreOutboxEntry *_consult_store_outbox_get_entry (ConsultStore                *self,
                                                          const char                  *entry_id,
                                                          GError                     **error);
/* The audit row for a write to an entry, inside the caller's transaction. */
gboolean                 _consult_store_outbox_audit     (ConsultStore                *self,
                                                          const char                  *action,
                                                          const char                  *entry_id,
                                                          GError                     **error);
/* Applies @func to the id (first column) of every row @select (bound)
 * returns; the ids are read first, so that @func may change those rows. */
gboolean                 _consult_store_outbox_for_each  (ConsultStore                *self,
                                                          ConsultStoreStmt            *select,
                                                          ConsultStoreOutboxEntryFunc  func,
                                                          GError                     **error);

G_END_DECLS
