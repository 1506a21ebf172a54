/* consult-sync-token.h
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The FHIR server's bearer token lives in the Secret Service (the
 * desktop keyring), one per server address; never in GSettings or the
 * records. Without a keyring these fail with
 * CONSULT_SYNC_ERROR_NO_KEYRING and the caller keeps the token for the
 * session only. */

void      consult_sync_token_lookup_async  (const char           *base_url,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
/* NULL without an error when no token is stored for the server. */
char     *consult_sync_token_lookup_finish (GAsyncResult         *result,
                                            GError              **error);
char     *consult_sync_token_lookup        (const char           *base_url,
                                            GCancellable         *cancellable,
                                            GError              **error);

void      consult_sync_token_store_async   (const char           *base_url,
                                            const char           *token,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gboolean  consult_sync_token_store_finish  (GAsyncResult         *result,
                                            GError              **error);

void      consult_sync_token_clear_async   (const char           *base_url,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gboolean  consult_sync_token_clear_finish  (GAsyncResult         *result,
                                            GError              **error);

G_END_DECLS
