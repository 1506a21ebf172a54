/* consult-client-summary.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-store"

#include "config.h"

#include "consult-client-summary.h"

struct _ConsultClientSummary
{
  GObject   parent_instance;

  char     *id;
  char     *given_name;
  char     *family_name;
  char     *date_of_birth;
  char     *phone;
  char     *email;
  gboolean  archived;
};

G_DEFINE_FINAL_TYPE (ConsultClientSummary, consult_client_summary, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_GIVEN_NAME,
  PROP_FAMILY_NAME,
  PROP_DATE_OF_BIRTH,
  PROP_PHONE,
  PROP_EMAIL,
  PROP_ARCHIVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
consult_client_summary_finalize (GObject *object)
{
  ConsultClientSummary *self = (ConsultClientSummary *)object;

  g_free (self->id);
  g_free (self->given_name);
  g_free (self->family_name);
  g_free (self->date_of_birth);
  g_free (self->phone);
  g_free (self->email);

  G_OBJECT_CLASS (consult_client_summary_parent_class)->finalize (object);
}

static void
consult_client_summary_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  ConsultClientSummary *self = CONSULT_CLIENT_SUMMARY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_GIVEN_NAME:
      g_value_set_string (value, self->given_name);
      break;
    case PROP_FAMILY_NAME:
      g_value_set_string (value, self->family_name);
      break;
    case PROP_DATE_OF_BIRTH:
      g_value_set_string (value, self->date_of_birth);
      break;
    case PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;
    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;
    case PROP_ARCHIVED:
      g_value_set_boolean (value, self->archived);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
consult_client_summary_class_init (ConsultClientSummaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = consult_client_summary_finalize;
  object_class->get_property = consult_client_summary_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_GIVEN_NAME] = g_param_spec_string ("given-name", NULL, NULL, NULL, flags);
  properties[PROP_FAMILY_NAME] = g_param_spec_string ("family-name", NULL, NULL, NULL, flags);
  properties[PROP_DATE_OF_BIRTH] = g_param_spec_string ("date-of-birth", NULL, NULL, NULL, flags);
  properties[PROP_PHONE] = g_param_spec_string ("phone", NULL, NULL, NULL, flags);
  properties[PROP_EMAIL] = g_param_spec_string ("email", NULL, NULL, NULL, flags);
  properties[PROP_ARCHIVED] = g_param_spec_boolean ("archived", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
consult_client_summary_init (ConsultClientSummary *self)
{
}

ConsultClientSummary *
consult_client_summary_new (const char *id,
                            const char *given_name,
                            const char *family_name,
                            const char *date_of_birth,
                            const char *phone,
                            const char *email,
                            gboolean    archived)
{
  ConsultClientSummary *self = g_object_new (CONSULT_TYPE_CLIENT_SUMMARY, NULL);

  self->id = g_strdup (id);
  self->given_name = g_strdup (given_name);
  self->family_name = g_strdup (family_name);
  self->date_of_birth = g_strdup (date_of_birth);
  self->phone = g_strdup (phone);
  self->email = g_strdup (email);
  self->archived = archived;

  return self;
}

const char *
consult_client_summary_get_id (ConsultClientSummary *self)
{
  g_return_val_if_fail (CONSULT_IS_CLIENT_SUMMARY (self), NULL);
  return self->id;
}

const char *
consult_client_summary_get_given_name (ConsultClientSummary *self)
{
  g_return_val_if_fail (CONSULT_IS_CLIENT_SUMMARY (self), NULL);
  return self->given_name;
}

const char *
consult_client_summary_get_family_name (ConsultClientSummary *self)
{
  g_return_val_if_fail (CONSULT_IS_CLIENT_SUMMARY (self), NULL);
  return self->family_name;
}

const char *
consult_client_summary_get_date_of_birth (ConsultClientSummary *self)
{
  g_return_val_if_fail (CONSULT_IS_CLIENT_SUMMARY (self), NULL);
  return self->date_of_birth;
}

const char *
consult_client_summary_get_phone (ConsultClientSummary *self)
{
  g_return_val_if_fail (CONSULT_IS_CLIENT_SUMMARY (self), NULL);
  return self->phone;
}

const char *
consult_client_summary_get_email (ConsultClientSummary *self)
{
  g_return_val_if_fail (CONSULT_IS_CLIENT_SUMMARY (self), NULL);
  return self->email;
}

gboolean
consult_client_summary_get_archived (ConsultClientSummary *self)
{
  g_return_val_if_fail (CONSULT_IS_CLIENT_SUMMARY (self), FALSE);
  return self->archived;
}
