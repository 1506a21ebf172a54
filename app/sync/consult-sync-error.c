/* consult-sync-error.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "consult-sync-error.h"

G_DEFINE_QUARK (consult-sync-error-quark, consult_sync_error)
