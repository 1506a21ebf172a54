/* consult-sync-settings.h
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CONSULT_TYPE_SYNC_SETTINGS (consult_sync_settings_get_type ())

/* Where and how to send: what the preferences (or the CLI's options and
 * environment) hold.  app/sync never reads GSettings or the keyring
 * itself; the caller fills this in. */
typedef struct
{
  char *base_url;            /* e.g. https://ehr.example/fhir/R4 (trailing slash optional) */
  char *identifier_system;   /* absolute URI */
  char *token;               /* bearer token, NULL for none; never logged */
  char *ca_file;             /* extra trusted CA (PEM), NULL: system CAs only */
} ConsultSyncSettings;

GType                consult_sync_settings_get_type  (void) G_GNUC_CONST;

/* Every member NULL. */
ConsultSyncSettings *consult_sync_settings_new       (void);
ConsultSyncSettings *consult_sync_settings_copy      (const ConsultSyncSettings *settings);
/* Overwrites the token's bytes before freeing them. */
void                 consult_sync_settings_free      (ConsultSyncSettings       *settings);

/* Checks the settings before anything is sent: the base URL is https
 * (plain http only to this computer: 127.0.0.0/8, ::1, localhost), has
 * no user name, query or fragment; the identifier system is an absolute
 * URI; the CA file, when set, is a readable file; the token fits in an
 * HTTP header.  CONSULT_SYNC_ERROR_NOT_CONFIGURED when no base URL is
 * set, CONSULT_SYNC_ERROR_INVALID otherwise, with a message for a
 * person. */
gboolean             consult_sync_settings_validate  (const ConsultSyncSettings *settings,
                                                      GError                   **error);

/* Whether @base_url (a valid URL) names this computer, where plain http
 * is allowed. */
gboolean             consult_sync_settings_is_loopback (const char              *base_url);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConsultSyncSettings, consult_sync_settings_free)

G_END_DECLS
