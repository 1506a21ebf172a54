/* consult-store-paths.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "consult-store-paths.h"

/* The embedded default: one database per user, under XDG_DATA_HOME, so the
 * app works with no configuration at all. */
char *
consult_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "medspa-consult",
                           "consult.db", NULL);
}
