/* consult-store-private.h
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "consult-store.h"
#include "consult-store-clients.h"
#include "consult-store-plans.h"

G_BEGIN_DECLS

typedef struct _ConsultStoreCheckpointer ConsultStoreCheckpointer;

struct _ConsultStore
{
  GObject     parent_instance;

  char       *path;
  char       *actor;
  sqlite3    *db;
  GRecMutex   lock;
  /* SQL text (static strings, compared by address) -> sqlite3_stmt */
  GHashTable *statements;
  GPtrArray  *migrations;
  guint       busy_timeout_ms;
  guint       schema_version;
  ConsultStoreCheckpointer *checkpointer;

  /* Search's own read-only connection (consult-client-list.c), so that a
   * search never waits for the writer's lock nor a save for a search.
   * Both fields and the statements prepared on it are used under
   * search_lock only, never together with the writer's lock held. */
  GMutex      search_lock;
  sqlite3    *search_db;
  GHashTable *search_statements;
};

/* A prepared statement borrowed from the store's cache: releasing it
 * resets it so that no read transaction stays open behind the caller. */
typedef sqlite3_stmt ConsultStoreStmt;

void              _consult_store_stmt_release   (ConsultStoreStmt  *stmt);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConsultStoreStmt, _consult_store_stmt_release)

typedef gboolean (*ConsultStoreWriteFunc) (ConsultStore  *self,
                                           gpointer       user_data,
                                           GError       **error);

ConsultStoreStmt *_consult_store_prepare        (ConsultStore      *self,
                                                 const char        *sql,
                                                 GError           **error);
ConsultStoreStmt *_consult_store_prepare_search (ConsultStore      *self,
                                                 const char        *sql,
                                                 GError           **error);
gboolean          _consult_store_step_done      (ConsultStore      *self,
                                                 ConsultStoreStmt  *stmt,
                                                 GError           **error);
int               _consult_store_step_row       (ConsultStore      *self,
                                                 ConsultStoreStmt  *stmt,
                                                 GError           **error);
gboolean          _consult_store_exec           (ConsultStore      *self,
                                                 const char        *sql,
                                                 GError           **error);
gboolean          _consult_store_write          (ConsultStore      *self,
                                                 ConsultStoreWriteFunc func,
                                                 gpointer           user_data,
                                                 GError           **error);
gboolean          _consult_store_check_open     (ConsultStore      *self,
                                                 GError           **error);
void              _consult_store_set_sqlite_error (GError         **error,
                                                   sqlite3         *db,
                                                   int              rc,
                                                   const char      *path);
void              _consult_store_bind_text      (ConsultStoreStmt  *stmt,
                                                 int                index,
                                                 const char        *text);
char             *_consult_store_column_dup     (ConsultStoreStmt  *stmt,
                                                 int                column);
gint64            _consult_store_now            (void);
void              _consult_store_not_found      (GError           **error,
                                                 const char        *message);

/* consult-store-ids.c */
char             *_consult_store_new_id         (void);

/* consult-store-clients.c */
char             *_consult_store_fold           (const char        *text);
gboolean          _consult_store_valid_date     (const char        *text);
gboolean          _consult_store_is_blank       (const char        *text);

gboolean          _consult_store_client_upsert  (ConsultStore      *self,
                                                 ConsultStoreClient *client,
                                                 GError           **error);

/* Beyond this a query is no longer "as you type": the rest is ignored
 * (consult-store-search.c, consult-store-prefixes.c). */
#define CONSULT_STORE_MAX_QUERY_CHARS 200

/* consult-store-prefixes.c */
gboolean          _consult_store_add_functions  (sqlite3           *db,
                                                 const char        *path,
                                                 GError           **error);
char            **_consult_store_search_words   (const char        *text);
char             *_consult_store_words_to_json  (const char *const *words);
int               _consult_store_index_pending  (sqlite3           *db,
                                                 guint              max_rows,
                                                 gboolean          *more);
int               _consult_store_index_all_pending (sqlite3        *db);
int               _consult_store_run            (sqlite3           *db,
                                                 const char        *sql,
                                                 gint64             num,
                                                 const char        *text2,
                                                 const char        *text3);

/* consult-store-notes.c */
int               _consult_store_index_pending_notes (sqlite3      *db,
                                                      guint         max_consultations,
                                                      gboolean     *more);

/* consult-store-plans.c */
ConsultStorePlanStatus _consult_store_plan_status_from_string (const char *text);
char             *_consult_store_plan_insert    (ConsultStore      *self,
                                                 const char        *consultation_id,
                                                 guint              version,
                                                 const char        *plan_json,
                                                 const char        *catalogue_version,
                                                 GError           **error);

/* consult-store-outbox.c: each inside the caller's transaction */
gboolean          _consult_store_outbox_enqueue (ConsultStore      *self,
                                                 const char        *plan_id,
                                                 GError           **error);
gboolean          _consult_store_outbox_enqueue_new (ConsultStore  *self,
                                                     const char    *plan_id,
                                                     GError       **error);
gboolean          _consult_store_outbox_resend_if_sent (ConsultStore *self,
                                                        const char   *plan_id,
                                                        GError      **error);
gboolean          _consult_store_outbox_on_sign (ConsultStore      *self,
                                                 const ConsultStorePlanVersion *plan,
                                                 GError           **error);
gboolean          _consult_store_outbox_forget_plan (ConsultStore  *self,
                                                     const char    *plan_id,
                                                     GError       **error);

/* consult-store-migrations.c */
gboolean          _consult_store_migrate        (ConsultStore      *self,
                                                 GError           **error);

/* consult-store-audit.c */
gboolean          _consult_store_audit_append   (ConsultStore      *self,
                                                 const char        *action,
                                                 const char        *table,
                                                 const char        *record_id,
                                                 const char *const *fields,
                                                 GError           **error);
gboolean          _consult_store_verify_db      (sqlite3           *db,
                                                 const char        *path,
                                                 gint64            *broken_row,
                                                 GError           **error);
gboolean          _consult_store_read_user_version (sqlite3        *db,
                                                    const char     *path,
                                                    guint          *version,
                                                    GError        **error);

/* consult-store-checkpoint.c */
ConsultStoreCheckpointer *_consult_store_checkpointer_new (const char *path,
                                                          GRecMutex  *writer_lock);
void              _consult_store_checkpointer_request (ConsultStoreCheckpointer *self,
                                                       int                       wal_pages);
void              _consult_store_checkpointer_set_min_pages (ConsultStoreCheckpointer *self,
                                                             guint                     min_pages);
void              _consult_store_checkpointer_set_quiet (ConsultStoreCheckpointer *self,
                                                         guint                     quiet_ms,
                                                         guint                     busy_pages);
guint             _consult_store_checkpointer_get_n_done (ConsultStoreCheckpointer *self);
void              _consult_store_checkpointer_write_deferred_now (ConsultStoreCheckpointer *self);
void              _consult_store_checkpointer_free (ConsultStoreCheckpointer *self);

/* consult-store-vfs.c */
const char       *_consult_store_vfs_name       (void);

/* consult-store-backup.c */
gboolean          _consult_store_copy_database  (sqlite3           *source,
                                                 const char        *source_path,
                                                 const char        *dest_path,
                                                 GError           **error);

G_END_DECLS
