/* consult-sync-error.h
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CONSULT_SYNC_ERROR (consult_sync_error_quark ())

typedef enum
{
  CONSULT_SYNC_ERROR_FAILED,
  CONSULT_SYNC_ERROR_NETWORK,
  CONSULT_SYNC_ERROR_REJECTED,
  CONSULT_SYNC_ERROR_INVALID,   /* a setting or a stored record cannot be mapped */
  CONSULT_SYNC_ERROR_NO_KEYRING, /* no Secret Service: keep the token for this session only */
  CONSULT_SYNC_ERROR_UNAUTHORIZED,   /* 401 or 403: the token is missing, wrong or expired */
  CONSULT_SYNC_ERROR_UNTRUSTED,      /* the server's TLS certificate did not verify */
  CONSULT_SYNC_ERROR_NOT_CONFIGURED, /* no FHIR server address is set */
} ConsultSyncError;

GQuark   consult_sync_error_quark        (void);

/* Whether the failure @error describes may go away by itself
 * (CONSULT_SYNC_ERROR_NETWORK: unreachable, timed out, 408, 429, 500,
 * 502, 503, 504), so the same request is worth sending again later. */
gboolean consult_sync_error_is_retryable (const GError *error);

G_END_DECLS
