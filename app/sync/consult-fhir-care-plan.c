/* consult-fhir-care-plan.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-sync"

#include "config.h"

#include <glib/gi18n.h>

#include "consult-fhir-private.h"

#define TREATMENT_SYSTEM CONSULT_FHIR_CANONICAL_BASE "/CodeSystem/treatment"

static const char *
performer_label (ConsultPerformer performer)
{
  static const char * const labels[] = {
    [CONSULT_PERFORMER_ESTHETICIAN] = N_("Esthetician"),
    [CONSULT_PERFORMER_NURSE] = N_("Nurse"),
    [CONSULT_PERFORMER_PHYSICIAN_SUPERVISED] = N_("Physician-supervised"),
    [CONSULT_PERFORMER_PHYSICIAN] = N_("Physician"),
  };

  g_assert ((guint) performer < G_N_ELEMENTS (labels));
  return _(labels[performer]);
}

static const char *
referral_label (ConsultReferralTarget target)
{
  static const char * const labels[] = {
    [CONSULT_REFERRAL_DERMATOLOGIST] = N_("Dermatologist"),
    [CONSULT_REFERRAL_PLASTIC_SURGEON] = N_("Plastic surgeon"),
    [CONSULT_REFERRAL_PRIMARY_CARE] = N_("Primary care physician"),
  };

  g_assert ((guint) target < G_N_ELEMENTS (labels));
  return _(labels[target]);
}

static const char *
treatment_name (ConsultCatalogue *catalogue,
                const char       *id)
{
  const ConsultTreatment *treatment = consult_catalogue_lookup_treatment (catalogue, id);

  return treatment != NULL ? consult_treatment_get_name (treatment) : id;
}

static char *
week_date (ConsultPlan *plan,
           guint        week)
{
  const GDate *start = consult_plan_get_start_date (plan);
  GDate date = *start;
  char text[16];

  g_date_add_days (&date, week * 7);
  g_date_strftime (text, sizeof text, "%Y-%m-%d", &date);
  return g_strdup (text);
}

/* In-clinic sessions repeat every interval_weeks; a home regimen
 * (sessions 0) is daily with no end. */
static void
add_timing (JsonObject            *detail,
            ConsultPlan           *plan,
            const ConsultPlanStep *step)
{
  g_autofree char *start = week_date (plan, step->start_week);
  JsonObject *repeat;

  repeat = _consult_fhir_add_object (_consult_fhir_add_object (detail, "scheduledTiming"), "repeat");
  json_object_set_string_member (_consult_fhir_add_object (repeat, "boundsPeriod"), "start", start);

  if (step->sessions == 0)
    {
      json_object_set_int_member (repeat, "frequency", 1);
      json_object_set_int_member (repeat, "period", 1);
      json_object_set_string_member (repeat, "periodUnit", "d");
      return;
    }

  json_object_set_int_member (repeat, "count", step->sessions);
  if (step->sessions > 1 && step->interval_weeks > 0)
    {
      json_object_set_int_member (repeat, "frequency", 1);
      json_object_set_int_member (repeat, "period", step->interval_weeks);
      json_object_set_string_member (repeat, "periodUnit", "wk");
    }
}

static void
add_activity (JsonArray              *activities,
              ConsultPlan            *plan,
              const ConsultPlanPhase *phase,
              const ConsultPlanStep  *step,
              ConsultCatalogue       *catalogue)
{
  const char *name = treatment_name (catalogue, step->treatment);
  g_autofree char *description = NULL;
  JsonObject *detail;
  JsonObject *code;

  detail = _consult_fhir_add_object (_consult_fhir_append_object (activities), "detail");
  json_object_set_string_member (detail, "kind", "ServiceRequest");
  code = _consult_fhir_add_object (detail, "code");
  _consult_fhir_add_coding (code, TREATMENT_SYSTEM, step->treatment, name);
  json_object_set_string_member (code, "text", name);
  json_object_set_string_member (_consult_fhir_append_object (_consult_fhir_add_array (detail, "reasonCode")),
                                 "text", step->rationale);
  json_object_set_string_member (detail, "status", "not-started");
  add_timing (detail, plan, step);
  json_object_set_string_member (_consult_fhir_append_object (_consult_fhir_add_array (detail, "performer")),
                                 "display", performer_label (step->performer));
  /* TRANSLATORS: "Phase 1, Stabilise pigment and barrier: <why this step>" */
  description = g_strdup_printf (_("Phase %u, %s: %s"), phase->number, phase->title, step->rationale);
  json_object_set_string_member (detail, "description", description);
}

static void
add_note (JsonArray **notes,
          JsonObject *care_plan,
          char       *text)
{
  if (*notes == NULL)
    *notes = _consult_fhir_add_array (care_plan, "note");

  json_object_set_string_member (_consult_fhir_append_object (*notes), "text", text);
  g_free (text);
}

/* What the plan does not schedule still belongs to the record: postponed
 * and declined treatments with their reasons, referrals and warnings. */
static void
add_notes (JsonObject       *care_plan,
           ConsultPlan      *plan,
           ConsultCatalogue *catalogue)
{
  GPtrArray *deferred = consult_plan_get_deferred (plan);
  GPtrArray *excluded = consult_plan_get_excluded (plan);
  GPtrArray *referrals = consult_plan_get_referrals (plan);
  GPtrArray *warnings = consult_plan_get_warnings (plan);
  JsonArray *notes = NULL;

  for (guint i = 0; i < deferred->len; i++)
    {
      const ConsultPlanDeferral *item = g_ptr_array_index (deferred, i);

      const char *name = treatment_name (catalogue, item->treatment);

      /* @until is a date, or a condition that already reads "until …". */
      if (g_date_valid (&item->until_date))
        add_note (&notes, care_plan,
                  g_strdup_printf (_("Postponed: %s, until %s. %s"), name, item->until, item->reason));
      else
        add_note (&notes, care_plan,
                  g_strdup_printf (_("Postponed: %s, %s. %s"), name, item->until, item->reason));
    }

  for (guint i = 0; i < excluded->len; i++)
    {
      const ConsultPlanExclusion *item = g_ptr_array_index (excluded, i);

      add_note (&notes, care_plan,
                g_strdup_printf (_("Not advised: %s. %s"),
                                 treatment_name (catalogue, item->treatment), item->reason));
    }

  for (guint i = 0; i < referrals->len; i++)
    {
      const ConsultPlanReferral *item = g_ptr_array_index (referrals, i);

      add_note (&notes, care_plan,
                g_strdup_printf (_("Referral to: %s. %s"), referral_label (item->to), item->reason));
    }

  for (guint i = 0; i < warnings->len; i++)
    {
      const ConsultPlanWarning *item = g_ptr_array_index (warnings, i);

      add_note (&notes, care_plan, g_strdup_printf (_("Warning: %s"), item->text));
    }
}

static char *
describe_phases (GPtrArray *phases)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; i < phases->len; i++)
    {
      const ConsultPlanPhase *phase = g_ptr_array_index (phases, i);

      if (text->len > 0)
        g_string_append (text, "\n");
      /* TRANSLATORS: "Phase 1, Stabilise pigment and barrier: weeks 0 to 12" */
      g_string_append_printf (text, _("Phase %u, %s: weeks %u to %u"),
                              phase->number, phase->title, phase->start_week, phase->end_week);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static const char *
care_plan_status (ConsultStorePlanStatus status)
{
  switch (status)
    {
    case CONSULT_STORE_PLAN_DRAFT:
      return "draft";
    case CONSULT_STORE_PLAN_SIGNED:
      return "active";
    case CONSULT_STORE_PLAN_SUPERSEDED:
    default:
      /* A later signed version replaced it. */
      return "revoked";
    }
}

JsonObject *
_consult_fhir_care_plan_new (const ConsultStorePlanVersion *version,
                             ConsultPlan                   *plan,
                             ConsultCatalogue              *catalogue,
                             const ConsultFhirLinks        *links)
{
  JsonObject *care_plan = json_object_new ();
  GPtrArray *phases = consult_plan_get_phases (plan);
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  g_autofree char *start = week_date (plan, 0);
  g_autofree char *created = _consult_fhir_format_time (version->created_at);
  JsonArray *activities = NULL;

  g_assert (CONSULT_IS_PLAN (plan));

  json_object_set_string_member (care_plan, "resourceType", "CarePlan");
  _consult_fhir_add_identifier (care_plan, links->system, version->id);
  json_object_set_string_member (care_plan, "status", care_plan_status (version->status));
  json_object_set_string_member (care_plan, "intent", "plan");
  title = g_strdup_printf (_("Treatment plan, version %u"), version->version);
  json_object_set_string_member (care_plan, "title", title);
  description = describe_phases (phases);
  if (*description != '\0')
    json_object_set_string_member (care_plan, "description", description);
  _consult_fhir_set_reference (care_plan, "subject", links->patient_url);
  json_object_set_string_member (_consult_fhir_add_object (care_plan, "period"), "start", start);
  if (created != NULL)
    json_object_set_string_member (care_plan, "created", created);
  if (version->physician != NULL)
    json_object_set_string_member (_consult_fhir_add_object (care_plan, "author"), "display",
                                   version->physician);
  json_object_set_string_member (_consult_fhir_append_object (_consult_fhir_add_array (care_plan, "supportingInfo")),
                                 "reference", links->response_url);

  for (guint i = 0; i < phases->len; i++)
    {
      const ConsultPlanPhase *phase = g_ptr_array_index (phases, i);

      for (guint j = 0; j < phase->steps->len; j++)
        {
          if (activities == NULL)
            activities = _consult_fhir_add_array (care_plan, "activity");
          add_activity (activities, plan, phase, g_ptr_array_index (phase->steps, j), catalogue);
        }
    }

  add_notes (care_plan, plan, catalogue);

  return care_plan;
}
