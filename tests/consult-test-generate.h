/* consult-test-generate.h
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "consult-store.h"

G_BEGIN_DECLS

/* Adds @n invented clients to @store in one transaction, through the
 * store's public API (so with their audit rows and search index), the
 * same for the same @seed. For tests and benchmarks of a clinic's records
 * after years of use. */
gboolean consult_test_generate_clients (ConsultStore  *store,
                                        guint          n,
                                        guint32        seed,
                                        GError       **error);

G_END_DECLS
