/* consult-treatments-private.h
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

G_BEGIN_DECLS

/* Exported as arrays, not only through functions, so that other static
 * tables of the core (the intake schema) can point at them. */
extern const char * const _consult_treatment_ids[];
extern const char * const _consult_concern_ids[];

G_END_DECLS
