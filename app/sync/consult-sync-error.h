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
} ConsultSyncError;

GQuark consult_sync_error_quark (void);

G_END_DECLS
