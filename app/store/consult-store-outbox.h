/* consult-store-outbox.h
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "consult-store.h"

G_BEGIN_DECLS

/* The FHIR outbox: which plan versions the clinic's FHIR server still has
 * to receive.  Entries are references, not payloads; the Bundle is built
 * from the store's current state at send time.
 *
 * The store queues an entry itself, in the same transaction as the write
 * that makes it necessary: a new plan version (a saved consultation, an
 * added plan, an amendment), a changed draft, a signature, a consent.
 * Each plan version has at most one entry waiting (pending or failed): a
 * newer write replaces it with a new pending entry, due now, and the
 * replaced one becomes superseded.  An entry therefore never stands for
 * newer content than it had when the sender read it, and a sender that
 * finds its entry superseded (CONSULT_STORE_ERROR_CONFLICT) just drops it.
 *
 * All times are microseconds since the Unix epoch (g_get_real_time()), as
 * everywhere in the store. */

typedef enum
{
  CONSULT_STORE_OUTBOX_PENDING,     /* waiting to be sent, maybe after a retry delay */
  CONSULT_STORE_OUTBOX_SENT,
  CONSULT_STORE_OUTBOX_FAILED,      /* the server refused it; a person must act (Send now re-queues) */
  CONSULT_STORE_OUTBOX_SUPERSEDED,  /* newer content (a newer write, or a newer signed version)
                                     * replaced it before it was sent */
} ConsultStoreOutboxState;

typedef struct
{
  char                    *id;               /* UUID of the entry */
  char                    *plan_id;
  char                    *consultation_id;
  char                    *client_id;
  ConsultStoreOutboxState  state;
  guint                    attempts;
  gint64                   enqueued_at;      /* microseconds since the epoch */
  gint64                   next_attempt_at;
  gint64                   sent_at;          /* 0 if never */
  guint                    last_status;      /* HTTP status of the last attempt, 0 = none / network */
  char                    *last_error;       /* text to show a person, NULL if none */
} ConsultStoreOutboxEntry;

typedef struct
{
  char *resource_type;   /* "Patient", "QuestionnaireResponse", "CarePlan", "Consent" */
  char *record_id;       /* our UUID (client, consultation, plan version, consent) */
  char *server_id;       /* the server's logical id */
  char *version_id;      /* the server's version id, NULL if not given */
} ConsultStoreServerId;

void                     consult_store_outbox_entry_free (ConsultStoreOutboxEntry *entry);
ConsultStoreServerId    *consult_store_server_id_new     (const char    *resource_type,
                                                          const char    *record_id,
                                                          const char    *server_id,
                                                          const char    *version_id);
void                     consult_store_server_id_free    (ConsultStoreServerId *id);
const char              *consult_store_outbox_state_to_string (ConsultStoreOutboxState state);

/* Pending entries whose next attempt is due at @now, oldest first; at
 * most @limit of them (0: all).  A GPtrArray of ConsultStoreOutboxEntry. */
GPtrArray               *consult_store_outbox_list_due   (ConsultStore  *self,
                                                          gint64         now,
                                                          guint          limit,
                                                          GError       **error);
/* The entry that gives a consultation's sync state: a failed one first (a
 * person must act), else a pending one, else a sent one, the most
 * recently queued of its kind.  NOT_FOUND if the consultation has none. */
ConsultStoreOutboxEntry *consult_store_outbox_get_for_consultation (ConsultStore  *self,
                                                                    const char    *consultation_id,
                                                                    GError       **error);
ConsultStoreOutboxEntry *consult_store_outbox_get        (ConsultStore  *self,
                                                          const char    *entry_id,
                                                          GError       **error);
/* Marks the entry sent and records @server_ids (of ConsultStoreServerId,
 * may be NULL; upserted per resource type and record id), in one
 * transaction.  CONSULT_STORE_ERROR_CONFLICT, writing nothing, if the
 * entry is no longer pending (superseded meanwhile). */
gboolean                 consult_store_outbox_mark_sent  (ConsultStore  *self,
                                                          const char    *entry_id,
                                                          GPtrArray     *server_ids,
                                                          GError       **error);
/* attempts += 1; stays pending until @next_attempt_at (persisted).
 * @status: the HTTP status, 0 for a network failure; @reason: text to
 * show a person, or NULL.  CONFLICT if the entry is no longer pending. */
gboolean                 consult_store_outbox_schedule_retry (ConsultStore  *self,
                                                              const char    *entry_id,
                                                              gint64         next_attempt_at,
                                                              guint          status,
                                                              const char    *reason,
                                                              GError       **error);
/* attempts += 1; failed, not retried until "Send now".  CONFLICT if the
 * entry is no longer pending. */
gboolean                 consult_store_outbox_mark_failed (ConsultStore  *self,
                                                           const char    *entry_id,
                                                           guint          status,
                                                           const char    *reason,
                                                           GError       **error);
/* "Send now": every pending or failed entry becomes pending and due now;
 * @n_queued (nullable) receives how many. */
gboolean                 consult_store_outbox_send_now   (ConsultStore  *self,
                                                          guint         *n_queued,
                                                          GError       **error);
/* The overall state (every pointer nullable): how many entries are
 * pending, failed and sent, and the earliest next attempt of a pending
 * entry (0 if none). */
gboolean                 consult_store_outbox_get_counts (ConsultStore  *self,
                                                          guint         *n_pending,
                                                          guint         *n_failed,
                                                          guint         *n_sent,
                                                          gint64        *next_attempt_at,
                                                          GError       **error);
/* NOT_FOUND if the server has not told us its id for that record. */
ConsultStoreServerId    *consult_store_get_server_id     (ConsultStore  *self,
                                                          const char    *resource_type,
                                                          const char    *record_id,
                                                          GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConsultStoreOutboxEntry, consult_store_outbox_entry_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConsultStoreServerId, consult_store_server_id_free)

G_END_DECLS
