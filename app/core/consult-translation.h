/* consult-translation.h
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CONSULT_TRANSLATION_ERROR (consult_translation_error_quark ())

typedef enum
{
  CONSULT_TRANSLATION_ERROR_INVALID,
} ConsultTranslationError;

GQuark consult_translation_error_quark (void);

/* The environment variable that overrides LOCALEDIR when looking for the
 * project's catalogues (tests and uninstalled runs point it at the build's
 * po/ folder). */
#define CONSULT_TRANSLATION_LOCALEDIR_ENV "CONSULT_LOCALEDIR"

#define CONSULT_TYPE_TRANSLATION (consult_translation_get_type ())

G_DECLARE_FINAL_TYPE (ConsultTranslation, consult_translation, CONSULT, TRANSLATION, GObject)

/* The project's messages in one language, read from its compiled .mo
 * without touching the process locale, so a document can be written in a
 * client's language whatever the interface language and from any thread.
 *
 * Lookups fall back to the English msgid: a language without a catalogue
 * (or English itself) gives an object that translates nothing. */
ConsultTranslation *consult_translation_new_for_language (const char          *language,
                                                          const char          *locale_dir);
ConsultTranslation *consult_translation_new_from_file    (const char          *path,
                                                          const char          *language,
                                                          GError             **error);

/* The language whose catalogue was loaded ("es", "pt_BR"), or "en". */
const char         *consult_translation_get_language     (ConsultTranslation  *self);
gboolean            consult_translation_has_catalogue    (ConsultTranslation  *self);

const char         *consult_translation_gettext          (ConsultTranslation  *self,
                                                          const char          *msgid) G_GNUC_FORMAT (2);
const char         *consult_translation_pgettext         (ConsultTranslation  *self,
                                                          const char          *context,
                                                          const char          *msgid) G_GNUC_FORMAT (3);

G_END_DECLS
