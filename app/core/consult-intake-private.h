/* consult-intake-private.h
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "consult-intake.h"
#include "consult-intake-schema.h"

G_BEGIN_DECLS

/* Nesting deeper than this is refused before json-glib, which recurses,
 * ever sees the document; an intake needs three levels. */
#define CONSULT_INTAKE_MAX_DEPTH 32

char     *_consult_intake_quote         (const char               *text);
void      _consult_intake_add_mismatch  (GPtrArray                *problems,
                                         const char               *path,
                                         const ConsultIntakeField *field,
                                         const char               *found);

GVariant *_consult_intake_peek_value    (ConsultIntake            *self,
                                         const ConsultIntakeField *field);
void      _consult_intake_store_value   (ConsultIntake            *self,
                                         const ConsultIntakeField *field,
                                         GVariant                 *value);
void      _consult_intake_add_problems  (ConsultIntake            *self,
                                         GPtrArray                *problems);

G_END_DECLS
