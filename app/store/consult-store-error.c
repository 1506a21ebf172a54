/* consult-store-error.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "consult-store-error.h"

G_DEFINE_QUARK (consult-store-error-quark, consult_store_error)
