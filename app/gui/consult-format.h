/* consult-format.h
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A stored time (microseconds since the epoch), in local time, the way
 * every page shows one. */
char *consult_format_time (gint64 usec);

G_END_DECLS
