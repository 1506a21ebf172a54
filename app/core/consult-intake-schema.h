/* consult-intake-schema.h
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "consult-intake-problem.h"

G_BEGIN_DECLS

/* What a field holds, and the GVariant type it travels as. */
typedef enum
{
  CONSULT_INTAKE_FIELD_BOOLEAN,        /* "b" */
  CONSULT_INTAKE_FIELD_INTEGER,        /* "i", within minimum..maximum */
  CONSULT_INTAKE_FIELD_ENUM,           /* "s", one of values */
  CONSULT_INTAKE_FIELD_DATE,           /* "s", YYYY-MM-DD */
  CONSULT_INTAKE_FIELD_STRING,         /* "s", at most max_length bytes */
  CONSULT_INTAKE_FIELD_ENUM_LIST,      /* "as", values, no duplicates */
  CONSULT_INTAKE_FIELD_TREATMENT_LIST, /* "as", treatment ids, no duplicates */
} ConsultIntakeFieldKind;

/* One field of the interchange intake. @path is the dotted JSON path
 * without the "intake." prefix, and doubles as the FHIR linkId. @label
 * and @hint are untranslated (N_()); use the getters for the UI. */
typedef struct
{
  const char             *path;
  ConsultIntakeFieldKind  kind;
  gboolean                required;
  const char * const     *values;
  int                     minimum;
  int                     maximum;
  gsize                   max_length;
  const char             *label;
  const char             *hint;
} ConsultIntakeField;

const ConsultIntakeField *consult_intake_schema_get_fields      (guint                    *n_fields);
const ConsultIntakeField *consult_intake_schema_lookup          (const char               *path);

const char               *consult_intake_field_get_label        (const ConsultIntakeField *field);
const char               *consult_intake_field_get_hint         (const ConsultIntakeField *field);
const GVariantType       *consult_intake_field_get_value_type   (const ConsultIntakeField *field);
gboolean                  consult_intake_field_is_list          (const ConsultIntakeField *field);
gboolean                  consult_intake_field_allows           (const ConsultIntakeField *field,
                                                                 const char               *value);
gboolean                  consult_intake_field_check_value      (const ConsultIntakeField *field,
                                                                 GVariant                 *value,
                                                                 GPtrArray                *problems);
char                     *consult_intake_field_describe_kind    (const ConsultIntakeField *field);

G_END_DECLS
