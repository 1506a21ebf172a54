/* consult-version.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "consult-version.h"

/* One place for the version, so the app, the CLI, the About window and
 * the plans' provenance never disagree. */
const char *
consult_version_string (void)
{
  return PACKAGE_VERSION;
}
