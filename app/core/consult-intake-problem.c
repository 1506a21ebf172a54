/* consult-intake-problem.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-intake"

#include "config.h"

#include "consult-intake-problem.h"

G_DEFINE_BOXED_TYPE (ConsultIntakeProblem, consult_intake_problem,
                     consult_intake_problem_copy, consult_intake_problem_free)

ConsultIntakeProblem *
consult_intake_problem_new (const char *path,
                            const char *message)
{
  ConsultIntakeProblem *problem;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (message != NULL, NULL);

  problem = g_new0 (ConsultIntakeProblem, 1);
  problem->path = g_strdup (path);
  problem->message = g_strdup (message);

  return problem;
}

ConsultIntakeProblem *
consult_intake_problem_copy (const ConsultIntakeProblem *problem)
{
  g_return_val_if_fail (problem != NULL, NULL);

  return consult_intake_problem_new (problem->path, problem->message);
}

void
consult_intake_problem_free (ConsultIntakeProblem *problem)
{
  if (problem == NULL)
    return;

  g_free (problem->path);
  g_free (problem->message);
  g_free (problem);
}

/* The spec's form, e.g. `intake.sun.sunscreen: expected one of …`. */
char *
consult_intake_problem_to_string (const ConsultIntakeProblem *problem)
{
  g_return_val_if_fail (problem != NULL, NULL);

  if (problem->path[0] == '\0')
    return g_strdup_printf ("intake: %s", problem->message);

  return g_strdup_printf ("intake.%s: %s", problem->path, problem->message);
}

GPtrArray *
consult_intake_problems_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) consult_intake_problem_free);
}

void
consult_intake_problems_add (GPtrArray  *problems,
                             const char *path,
                             const char *format,
                             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  g_return_if_fail (path != NULL);

  if (problems == NULL)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (problems, consult_intake_problem_new (path, message));
}

/* One problem a line, for a GError's message. */
char *
consult_intake_problems_join (GPtrArray *problems)
{
  g_autoptr (GString) text = g_string_new (NULL);

  g_return_val_if_fail (problems != NULL, NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = consult_intake_problem_to_string (g_ptr_array_index (problems, i));

      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, line);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}
