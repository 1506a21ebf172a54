/* consult-cli.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-cli"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "consult-cli.h"
#include "consult-cli-commands.h"
#include "consult-version.h"

static void
print_usage (FILE *stream)
{
  fprintf (stream, "%s\n", _("Usage: medspa-consult-cli [--version] [--help] COMMAND [ARGS…]"));
  fprintf (stream, "\n%s\n", _("Headless tool of MedSpa Consult: plan, records, export and checks."));

  if (consult_cli_commands[0].name != NULL)
    fprintf (stream, "\n%s\n", _("Commands:"));

  for (guint i = 0; consult_cli_commands[i].name != NULL; i++)
    {
      const ConsultCliCommand *command = &consult_cli_commands[i];
      g_autofree char *usage = g_strdup_printf ("%s %s", command->name,
                                                command->parameters ? command->parameters : "");

      /* A long synopsis gets its summary on the next line, aligned. */
      if (g_utf8_strlen (usage, -1) > 34)
        fprintf (stream, "  %s\n  %-34s %s\n", usage, "", _(command->summary));
      else
        fprintf (stream, "  %-34s %s\n", usage, _(command->summary));
    }

  fprintf (stream, "\n%s\n", _("Run “medspa-consult-cli COMMAND --help” for a command’s options."));
}

static const ConsultCliCommand *
find_command (const char *name)
{
  for (guint i = 0; consult_cli_commands[i].name != NULL; i++)
    if (g_strcmp0 (consult_cli_commands[i].name, name) == 0)
      return &consult_cli_commands[i];

  return NULL;
}

int
consult_cli_parse_options (int                 *argc,
                           char              ***argv,
                           const char          *parameters,
                           const char          *summary,
                           const GOptionEntry  *entries,
                           const GOptionEntry  *more_entries,
                           int                  min_args,
                           int                  max_args)
{
  g_autoptr (GOptionContext) context = g_option_context_new (parameters);
  g_autoptr (GError) error = NULL;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _(summary));
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (more_entries != NULL)
    g_option_context_add_main_entries (context, more_entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return CONSULT_CLI_EXIT_USAGE;
    }

  if (*argc - 1 < min_args || *argc - 1 > max_args)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      fputs (help, stderr);
      return CONSULT_CLI_EXIT_USAGE;
    }

  return -1;
}

GSettings *
consult_cli_settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);

  return schema != NULL ? g_settings_new_full (schema, NULL, NULL) : NULL;
}

int
consult_cli_main (int    argc,
                  char **argv)
{
  const ConsultCliCommand *command;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    {
      print_usage (stderr);
      return CONSULT_CLI_EXIT_USAGE;
    }

  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0 ||
      strcmp (argv[1], "help") == 0)
    {
      print_usage (stdout);
      return CONSULT_CLI_EXIT_OK;
    }

  if (strcmp (argv[1], "--version") == 0)
    {
      printf ("medspa-consult-cli %s\n", consult_version_string ());
      return CONSULT_CLI_EXIT_OK;
    }

  command = find_command (argv[1]);
  if (command == NULL)
    {
      /* TRANSLATORS: %s is what the user typed as a subcommand */
      fprintf (stderr, _("Unknown command “%s”."), argv[1]);
      fputc ('\n', stderr);
      print_usage (stderr);
      return CONSULT_CLI_EXIT_USAGE;
    }

  return command->run (argc - 1, argv + 1);
}
