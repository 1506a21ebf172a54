/* consult-sync-error.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "consult-sync-error.h"

G_DEFINE_QUARK (consult-sync-error-quark, consult_sync_error)

gboolean
consult_sync_error_is_retryable (const GError *error)
{
  g_return_val_if_fail (error != NULL, FALSE);

  return g_error_matches (error, CONSULT_SYNC_ERROR, CONSULT_SYNC_ERROR_NETWORK);
}
