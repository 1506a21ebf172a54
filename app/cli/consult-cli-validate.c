/* consult-cli-validate.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-cli"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "consult-cli.h"
#include "consult-cli-commands.h"
#include "consult-intake.h"

/* Standard input may be a pipe that never ends: stop one chunk past the
 * limit and let the reader refuse the size. */
static GBytes *
read_standard_input (GError **error)
{
  g_autoptr (GByteArray) contents = g_byte_array_new ();
  guint8 chunk[16 * 1024];

  while (contents->len <= CONSULT_INTAKE_MAX_SIZE)
    {
      size_t n_read = fread (chunk, 1, sizeof chunk, stdin);

      g_byte_array_append (contents, chunk, n_read);
      if (n_read < sizeof chunk)
        break;
    }

  if (ferror (stdin))
    {
      g_set_error (error, CONSULT_INTAKE_ERROR, CONSULT_INTAKE_ERROR_IO,
                   _("%s: cannot read the intake: %s"), _("standard input"), g_strerror (errno));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&contents));
}

static ConsultIntake *
load (const char  *argument,
      GError     **error)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GFile) file = NULL;
  gsize length;
  const char *data;

  if (strcmp (argument, "-") != 0)
    {
      file = g_file_new_for_commandline_arg (argument);
      return consult_intake_new_from_file (file, error);
    }

  bytes = read_standard_input (error);
  if (bytes == NULL)
    return NULL;

  data = g_bytes_get_data (bytes, &length);
  return consult_intake_new_from_data (length > 0 ? data : "", length, error);
}

int
consult_cli_validate (int    argc,
                      char **argv)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (ConsultIntake) intake = NULL;
  g_autoptr (GError) error = NULL;

  context = g_option_context_new (_("INTAKE.json"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Check an intake against the interchange format and print "
                                  "every problem as “PATH: MESSAGE”. “-” reads standard input."));

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return CONSULT_CLI_EXIT_USAGE;
    }

  if (argc != 2)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      fputs (help, stderr);
      return CONSULT_CLI_EXIT_USAGE;
    }

  intake = load (argv[1], &error);
  if (intake == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return CONSULT_CLI_EXIT_INVALID;
    }

  /* TRANSLATORS: %s is the file name the user gave, or "-" */
  printf (_("%s: the intake is valid"), argv[1]);
  putchar ('\n');
  return CONSULT_CLI_EXIT_OK;
}
