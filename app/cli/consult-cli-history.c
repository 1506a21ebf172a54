/* consult-cli-history.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-cli"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "consult-cli.h"
#include "consult-cli-commands.h"
#include "consult-cli-store.h"
#include "consult-store-timeline.h"

/* One event a line, newest first, tab-separated: time (UTC, ISO 8601),
 * kind, record id, consultation id, consultation date, plan version and
 * status (empty for a consultation), who. */
int
consult_cli_history (int    argc,
                     char **argv)
{
  g_autofree char *db_path = NULL;
  g_autoptr (ConsultStore) store = NULL;
  g_autoptr (GPtrArray) timeline = NULL;
  g_autoptr (GError) error = NULL;
  int status;

  status = consult_cli_store_parse (&argc, &argv, _("CLIENT_ID"),
                                    N_("Show a client’s consultations, plan versions, "
                                       "sign-offs and consents, newest first."),
                                    NULL, 1, 1, &db_path);
  if (status >= 0)
    return status;

  if (!(store = consult_cli_store_open (db_path)))
    return CONSULT_CLI_EXIT_INVALID;

  if (!(timeline = consult_store_get_timeline (store, argv[1], &error)))
    return consult_cli_store_fail (error);

  for (guint i = 0; i < timeline->len; i++)
    {
      const ConsultTimelineEntry *entry = g_ptr_array_index (timeline, i);
      g_autoptr (GDateTime) time = g_date_time_new_from_unix_utc (entry->time / G_USEC_PER_SEC);
      g_autofree char *when = g_date_time_format_iso8601 (time);
      g_autofree char *version = NULL;

      if (entry->kind != CONSULT_TIMELINE_CONSULTATION)
        version = g_strdup_printf ("%u\t%s", entry->plan_version,
                                   consult_store_plan_status_to_string (entry->plan_status));

      printf ("%s\t%s\t%s\t%s\t%s\t%s\t%s\n", when,
              consult_timeline_kind_to_string (entry->kind),
              entry->record_id, entry->consultation_id, entry->consultation_date,
              version ? version : "\t", entry->who ? entry->who : "");
    }

  return CONSULT_CLI_EXIT_OK;
}
