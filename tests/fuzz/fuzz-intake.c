/* fuzz-intake.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "consult-intake.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* Whatever the bytes, reading must not crash or leak; and whatever it
 * accepts must write canonical JSON that reads back equal and writes the
 * same bytes again. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr (ConsultIntake) intake = NULL;
  g_autoptr (ConsultIntake) reread = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GPtrArray) remaining = NULL;
  g_autofree char *written = NULL;
  g_autofree char *rewritten = NULL;

  intake = consult_intake_read (size > 0 ? (const char *) data : "", size, &problems, NULL);
  if (intake == NULL)
    {
      if (problems != NULL && problems->len == 0)
        abort ();
      return 0;
    }

  remaining = consult_intake_validate (intake);
  written = consult_intake_to_json (intake);
  reread = consult_intake_new_from_data (written, -1, NULL);
  if (remaining->len != 0 || reread == NULL || !consult_intake_equal (intake, reread))
    abort ();

  rewritten = consult_intake_to_json (reread);
  if (strcmp (written, rewritten) != 0)
    abort ();

  return 0;
}
