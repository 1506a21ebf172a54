/* consult-sync-state.h
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "consult-context.h"
#include "consult-store-outbox.h"

G_BEGIN_DECLS

/* What a person needs to know about one consultation's record on the
 * health record server, in a sentence. */
char *consult_sync_state_describe (const ConsultStoreOutboxEntry *entry);

/* Shows where @consultation_id stands with the health record in @image:
 * an icon, the sentence as tooltip and accessible label. Hidden while no
 * server is set up, and for a consultation with nothing to send. */
void  consult_sync_state_show     (GtkImage                      *image,
                                   ConsultContext                *context,
                                   const char                    *consultation_id);

G_END_DECLS
