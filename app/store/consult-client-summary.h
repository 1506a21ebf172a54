/* consult-client-summary.h
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CONSULT_TYPE_CLIENT_SUMMARY (consult_client_summary_get_type ())

G_DECLARE_FINAL_TYPE (ConsultClientSummary, consult_client_summary, CONSULT, CLIENT_SUMMARY, GObject)

/* One row of a client search: what a list shows, read-only properties
 * ("id", "given-name", "family-name", "date-of-birth", "phone", "email",
 * "archived") for GtkExpression bindings. */
ConsultClientSummary *consult_client_summary_new               (const char           *id,
                                                                const char           *given_name,
                                                                const char           *family_name,
                                                                const char           *date_of_birth,
                                                                const char           *phone,
                                                                const char           *email,
                                                                gboolean              archived);
const char           *consult_client_summary_get_id            (ConsultClientSummary *self);
const char           *consult_client_summary_get_given_name    (ConsultClientSummary *self);
const char           *consult_client_summary_get_family_name   (ConsultClientSummary *self);
const char           *consult_client_summary_get_date_of_birth (ConsultClientSummary *self);
const char           *consult_client_summary_get_phone         (ConsultClientSummary *self);
const char           *consult_client_summary_get_email         (ConsultClientSummary *self);
gboolean              consult_client_summary_get_archived      (ConsultClientSummary *self);

G_END_DECLS
