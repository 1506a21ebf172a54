/* consult-intake.h
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "consult-intake-problem.h"

G_BEGIN_DECLS

#define CONSULT_INTAKE_FORMAT   "medspa-consult/intake"
#define CONSULT_INTAKE_VERSION  1
/* Larger documents are refused unread: an intake is a few KiB, its notes
 * at most 64 KiB. */
#define CONSULT_INTAKE_MAX_SIZE (32 * 1024 * 1024)

#define CONSULT_INTAKE_ERROR (consult_intake_error_quark ())

typedef enum
{
  CONSULT_INTAKE_ERROR_PARSE,     /* not a JSON object: bytes, syntax, nesting */
  CONSULT_INTAKE_ERROR_INVALID,   /* an intake with wrong or missing fields */
  CONSULT_INTAKE_ERROR_IO,        /* the file could not be read */
  CONSULT_INTAKE_ERROR_TOO_LARGE, /* more than CONSULT_INTAKE_MAX_SIZE bytes */
} ConsultIntakeError;

#define CONSULT_TYPE_INTAKE (consult_intake_get_type ())

G_DECLARE_FINAL_TYPE (ConsultIntake, consult_intake, CONSULT, INTAKE, GObject)

GQuark         consult_intake_error_quark   (void);

ConsultIntake *consult_intake_new           (void);
ConsultIntake *consult_intake_new_from_data (const char     *data,
                                             gssize          length,
                                             GError        **error);
ConsultIntake *consult_intake_new_from_file (GFile          *file,
                                             GError        **error);
ConsultIntake *consult_intake_read          (const char     *data,
                                             gssize          length,
                                             GPtrArray     **problems,
                                             GError        **error);
ConsultIntake *consult_intake_copy          (ConsultIntake  *self);
gboolean       consult_intake_equal         (ConsultIntake  *a,
                                             ConsultIntake  *b);

char          *consult_intake_to_json       (ConsultIntake  *self);
GPtrArray     *consult_intake_validate      (ConsultIntake  *self);

GVariant      *consult_intake_get_value     (ConsultIntake  *self,
                                             const char     *path);
gboolean       consult_intake_set_value     (ConsultIntake  *self,
                                             const char     *path,
                                             GVariant       *value,
                                             GError        **error);
gboolean       consult_intake_is_set        (ConsultIntake  *self,
                                             const char     *path);
gboolean       consult_intake_get_date      (ConsultIntake  *self,
                                             const char     *path,
                                             GDate          *date);

/* Typed accessors, one pair per field of the schema (same order). Text
 * getters return NULL when unset and setters take NULL to unset; values are
 * stored as given and judged by consult_intake_validate(), so a form can
 * hold a half-typed date. Every change emits ConsultIntake::changed. */
const char    *consult_intake_get_consultation_date (ConsultIntake *self);
void           consult_intake_set_consultation_date (ConsultIntake *self, const char *value);
const char    *consult_intake_get_given_name (ConsultIntake *self);
void           consult_intake_set_given_name (ConsultIntake *self, const char *value);
const char    *consult_intake_get_family_name (ConsultIntake *self);
void           consult_intake_set_family_name (ConsultIntake *self, const char *value);
const char    *consult_intake_get_date_of_birth (ConsultIntake *self);
void           consult_intake_set_date_of_birth (ConsultIntake *self, const char *value);
const char    *consult_intake_get_sex (ConsultIntake *self);
void           consult_intake_set_sex (ConsultIntake *self, const char *value);
const char    *consult_intake_get_phone (ConsultIntake *self);
void           consult_intake_set_phone (ConsultIntake *self, const char *value);
const char    *consult_intake_get_email (ConsultIntake *self);
void           consult_intake_set_email (ConsultIntake *self, const char *value);
const char    *consult_intake_get_preferred_language (ConsultIntake *self);
void           consult_intake_set_preferred_language (ConsultIntake *self, const char *value);

/* 0 when unset. */
int            consult_intake_get_fitzpatrick (ConsultIntake *self);
void           consult_intake_set_fitzpatrick (ConsultIntake *self, int value);

/* (transfer full) (nullable): NULL when unset. */
char         **consult_intake_dup_concerns (ConsultIntake *self);
void           consult_intake_set_concerns (ConsultIntake *self, const char * const *value);

const char    *consult_intake_get_reactivity (ConsultIntake *self);
void           consult_intake_set_reactivity (ConsultIntake *self, const char *value);
const char    *consult_intake_get_sun_exposure (ConsultIntake *self);
void           consult_intake_set_sun_exposure (ConsultIntake *self, const char *value);
const char    *consult_intake_get_sunscreen (ConsultIntake *self);
void           consult_intake_set_sunscreen (ConsultIntake *self, const char *value);
const char    *consult_intake_get_pregnancy (ConsultIntake *self);
void           consult_intake_set_pregnancy (ConsultIntake *self, const char *value);
const char    *consult_intake_get_melasma (ConsultIntake *self);
void           consult_intake_set_melasma (ConsultIntake *self, const char *value);
const char    *consult_intake_get_isotretinoin (ConsultIntake *self);
void           consult_intake_set_isotretinoin (ConsultIntake *self, const char *value);
const char    *consult_intake_get_isotretinoin_stopped_on (ConsultIntake *self);
void           consult_intake_set_isotretinoin_stopped_on (ConsultIntake *self, const char *value);
const char    *consult_intake_get_downtime (ConsultIntake *self);
void           consult_intake_set_downtime (ConsultIntake *self, const char *value);
const char    *consult_intake_get_event_date (ConsultIntake *self);
void           consult_intake_set_event_date (ConsultIntake *self, const char *value);
const char    *consult_intake_get_notes (ConsultIntake *self);
void           consult_intake_set_notes (ConsultIntake *self, const char *value);
gboolean       consult_intake_get_rosacea (ConsultIntake *self);
void           consult_intake_set_rosacea (ConsultIntake *self, gboolean value);
gboolean       consult_intake_get_recent_tan_or_burn (ConsultIntake *self);
void           consult_intake_set_recent_tan_or_burn (ConsultIntake *self, gboolean value);
gboolean       consult_intake_get_upcoming_sun_exposure (ConsultIntake *self);
void           consult_intake_set_upcoming_sun_exposure (ConsultIntake *self, gboolean value);
gboolean       consult_intake_get_topical_retinoid (ConsultIntake *self);
void           consult_intake_set_topical_retinoid (ConsultIntake *self, gboolean value);
gboolean       consult_intake_get_anticoagulant (ConsultIntake *self);
void           consult_intake_set_anticoagulant (ConsultIntake *self, gboolean value);
gboolean       consult_intake_get_bleeding_disorder (ConsultIntake *self);
void           consult_intake_set_bleeding_disorder (ConsultIntake *self, gboolean value);
gboolean       consult_intake_get_hsv_history (ConsultIntake *self);
void           consult_intake_set_hsv_history (ConsultIntake *self, gboolean value);
gboolean       consult_intake_get_active_cold_sore (ConsultIntake *self);
void           consult_intake_set_active_cold_sore (ConsultIntake *self, gboolean value);
gboolean       consult_intake_get_keloid_history (ConsultIntake *self);
void           consult_intake_set_keloid_history (ConsultIntake *self, gboolean value);
gboolean       consult_intake_get_neuromuscular_disorder (ConsultIntake *self);
void           consult_intake_set_neuromuscular_disorder (ConsultIntake *self, gboolean value);
gboolean       consult_intake_get_aminoglycoside (ConsultIntake *self);
void           consult_intake_set_aminoglycoside (ConsultIntake *self, gboolean value);
gboolean       consult_intake_get_botulinum_allergy (ConsultIntake *self);
void           consult_intake_set_botulinum_allergy (ConsultIntake *self, gboolean value);
gboolean       consult_intake_get_anaphylaxis_or_severe_allergies (ConsultIntake *self);
void           consult_intake_set_anaphylaxis_or_severe_allergies (ConsultIntake *self, gboolean value);
gboolean       consult_intake_get_lidocaine_allergy (ConsultIntake *self);
void           consult_intake_set_lidocaine_allergy (ConsultIntake *self, gboolean value);
gboolean       consult_intake_get_autoimmune (ConsultIntake *self);
void           consult_intake_set_autoimmune (ConsultIntake *self, gboolean value);
gboolean       consult_intake_get_vitiligo (ConsultIntake *self);
void           consult_intake_set_vitiligo (ConsultIntake *self, gboolean value);
gboolean       consult_intake_get_photosensitizing_medication (ConsultIntake *self);
void           consult_intake_set_photosensitizing_medication (ConsultIntake *self, gboolean value);
gboolean       consult_intake_get_thrombosis_risk (ConsultIntake *self);
void           consult_intake_set_thrombosis_risk (ConsultIntake *self, gboolean value);
gboolean       consult_intake_get_hormonal_contraception (ConsultIntake *self);
void           consult_intake_set_hormonal_contraception (ConsultIntake *self, gboolean value);
gboolean       consult_intake_get_implanted_device (ConsultIntake *self);
void           consult_intake_set_implanted_device (ConsultIntake *self, gboolean value);
gboolean       consult_intake_get_active_infection_at_site (ConsultIntake *self);
void           consult_intake_set_active_infection_at_site (ConsultIntake *self, gboolean value);
gboolean       consult_intake_get_active_acne (ConsultIntake *self);
void           consult_intake_set_active_acne (ConsultIntake *self, gboolean value);
gboolean       consult_intake_get_suspicious_lesion (ConsultIntake *self);
void           consult_intake_set_suspicious_lesion (ConsultIntake *self, gboolean value);
gboolean       consult_intake_get_eczema_or_psoriasis (ConsultIntake *self);
void           consult_intake_set_eczema_or_psoriasis (ConsultIntake *self, gboolean value);
gboolean       consult_intake_get_significant_laxity (ConsultIntake *self);
void           consult_intake_set_significant_laxity (ConsultIntake *self, gboolean value);

char         **consult_intake_dup_requested (ConsultIntake *self);
void           consult_intake_set_requested (ConsultIntake *self, const char * const *value);

G_END_DECLS
