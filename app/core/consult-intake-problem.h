/* consult-intake-problem.h
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CONSULT_TYPE_INTAKE_PROBLEM (consult_intake_problem_get_type ())

/* One thing wrong with an intake. @path is the field's schema path
 * ("sun.sunscreen", "concerns[2]"), or "" for the document as a whole;
 * @message is translated and says what was expected and what was found. */
typedef struct
{
  char *path;
  char *message;
} ConsultIntakeProblem;

GType                 consult_intake_problem_get_type  (void) G_GNUC_CONST;
ConsultIntakeProblem *consult_intake_problem_new       (const char                 *path,
                                                        const char                 *message);
ConsultIntakeProblem *consult_intake_problem_copy      (const ConsultIntakeProblem *problem);
void                  consult_intake_problem_free      (ConsultIntakeProblem       *problem);
char                 *consult_intake_problem_to_string (const ConsultIntakeProblem *problem);

void                  consult_intake_problems_add      (GPtrArray                  *problems,
                                                        const char                 *path,
                                                        const char                 *format,
                                                        ...) G_GNUC_PRINTF (3, 4);
GPtrArray            *consult_intake_problems_new      (void);
char                 *consult_intake_problems_join     (GPtrArray                  *problems);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConsultIntakeProblem, consult_intake_problem_free)

G_END_DECLS
