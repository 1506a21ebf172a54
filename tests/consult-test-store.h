/* consult-test-store.h
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "consult-client-list.h"
#include "consult-store.h"
#include "consult-store-consultations.h"

G_BEGIN_DECLS

#define consult_test_assert_error(error, domain, code) \
  ck_assert_msg (g_error_matches ((error), (domain), (code)), \
                 "expected error code %d, got: %s", (code), \
                 (error) != NULL ? (error)->message : "no error")

#define TEST_INTAKE_JSON "{\"format\":\"medspa-consult/intake\",\"version\":1}"
#define TEST_PLAN_JSON "{\"format\":\"medspa-consult/plan\",\"version\":1,\"phases\":[]}"

/* A fresh private folder for one test; removed with its contents by
 * consult_test_store_remove_dir(). */
char         *consult_test_store_make_dir    (void);
void          consult_test_store_remove_dir  (const char    *dir);
ConsultStore *consult_test_store_open        (const char    *dir);
ConsultStore *consult_test_store_open_at_schema (const char  *path,
                                                 guint        version);
/* Saves a client (the given names), a consultation and a draft plan;
 * returns the plan version's id and sets the client's id. */
char         *consult_test_store_save_visit  (ConsultStore  *store,
                                              const char    *given_name,
                                              const char    *family_name,
                                              const char    *notes,
                                              char         **client_id);
/* The same without Check: for helper programs outside a test runner. */
gboolean      consult_test_store_try_save_visit (ConsultStore  *store,
                                                 const char    *given_name,
                                                 const char    *family_name,
                                                 const char    *notes,
                                                 char         **plan_id,
                                                 char         **client_id,
                                                 GError       **error);
/* Writes a client, a consultation and a draft plan into the database at
 * @db_path with plain SQL that every schema since the first accepts (and
 * no audit rows): for upgrade tests, as the store's own writes expect the
 * latest schema.  Returns the plan version's id. */
char         *consult_test_store_insert_old_visit (const char *db_path,
                                                   const char *given_name,
                                                   const char *family_name);
gint64        consult_test_store_count       (ConsultStore  *store,
                                              const char    *table);

/* A store whose background thread leaves the clients' search rows (and
 * the full-text merges) for consult_test_store_index_now(), so that a
 * test says when they are written. */
ConsultStore *consult_test_store_open_unindexed (const char  *dir);
/* Writes the search rows of every client noted, as the store's thread
 * does when the writer is quiet. */
void          consult_test_store_index_now   (ConsultStore  *store);
/* How many clients consult_client_list_new() finds for @text. */
guint         consult_test_store_count_noted_clients (ConsultStore *store);
guint         consult_test_store_count_matches (ConsultStore            *store,
                                                const char              *text,
                                                ConsultClientSearchFlags flags);
/* Runs `medspa-consult-cli COMMAND --db DB_PATH ARGS…` (NULL-terminated)
 * and returns its exit status; @out and @err receive its output. */
int           consult_test_store_cli         (char         **out,
                                              char         **err,
                                              const char    *db_path,
                                              const char    *command,
                                              ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
