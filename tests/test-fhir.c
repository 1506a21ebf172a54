/* test-fhir.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "consult-intake-schema.h"
#include "consult-store-intake.h"
#include "consult-sync-error.h"
#include "consult-test-planner.h"
#include "consult-test-store.h"
#include "test-fhir.h"

ConsultFhirRecords *
test_fhir_save_seed (ConsultStore *store,
                     const char   *fixture,
                     gboolean      signed_with_consent)
{
  g_autoptr (ConsultIntake) intake = consult_test_intake_load (fixture);
  g_autoptr (ConsultPlan) plan = consult_test_plan (intake);
  g_autofree char *client_id = NULL;
  g_autofree char *consultation_id = NULL;
  g_autofree char *plan_id = NULL;
  g_autofree char *consent_id = NULL;
  g_autoptr (GError) error = NULL;
  ConsultFhirRecords *records;

  ck_assert_msg (consult_store_save_intake (store, intake, plan, &client_id, &consultation_id,
                                            &plan_id, &error),
                 "%s: %s", fixture, error ? error->message : "");

  if (signed_with_consent)
    {
      ck_assert_msg (consult_store_sign_plan (store, plan_id, TEST_FHIR_PHYSICIAN, &error),
                     "sign: %s", error ? error->message : "");
      consent_id = consult_store_record_consent (store, plan_id, "2026-1",
                                                 consult_intake_get_consultation_date (intake),
                                                 consult_intake_get_given_name (intake), &error);
      ck_assert_msg (consent_id != NULL, "consent: %s", error ? error->message : "");
    }

  records = consult_fhir_records_load (store, plan_id, &error);
  ck_assert_msg (records != NULL, "load: %s", error ? error->message : "");
  return records;
}

JsonNode *
test_fhir_bundle (const ConsultFhirRecords *records)
{
  g_autoptr (GDateTime) now = g_date_time_new_utc (2026, 11, 23, 9, 30, 0);
  g_autoptr (GError) error = NULL;
  JsonNode *bundle;

  bundle = consult_fhir_bundle_new (records, consult_test_catalogue (), TEST_FHIR_SYSTEM, now, &error);
  ck_assert_msg (bundle != NULL, "bundle: %s", error ? error->message : "");
  return bundle;
}

JsonObject *
test_fhir_entry (JsonNode   *bundle,
                 const char *type)
{
  JsonArray *entries = json_object_get_array_member (json_node_get_object (bundle), "entry");

  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonObject *entry = json_array_get_object_element (entries, i);
      JsonObject *resource = json_object_get_object_member (entry, "resource");

      if (g_str_equal (json_object_get_string_member (resource, "resourceType"), type))
        return entry;
    }

  return NULL;
}

JsonObject *
test_fhir_resource (JsonNode   *bundle,
                    const char *type)
{
  JsonObject *entry = test_fhir_entry (bundle, type);

  ck_assert_msg (entry != NULL, "no %s in the Bundle", type);
  return json_object_get_object_member (entry, "resource");
}

static const char *
path_string (JsonObject *object,
             const char *path)
{
  g_auto (GStrv) names = g_strsplit (path, ".", -1);
  JsonNode *node = NULL;

  for (guint i = 0; names[i] != NULL; i++)
    {
      ck_assert_msg (object != NULL && json_object_has_member (object, names[i]), "no %s", path);
      node = json_object_get_member (object, names[i]);
      if (JSON_NODE_HOLDS_ARRAY (node))
        node = json_array_get_element (json_node_get_array (node), 0);
      object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
    }

  ck_assert_msg (node != NULL && JSON_NODE_HOLDS_VALUE (node), "%s is not a value", path);
  return json_node_get_string (node);
}

typedef struct
{
  char               *dir;
  ConsultStore       *store;
  ConsultFhirRecords *records;
  JsonNode           *bundle;
} Fixture;

static void
fixture_init (Fixture    *fixture,
              const char *seed,
              gboolean    signed_with_consent)
{
  fixture->dir = consult_test_store_make_dir ();
  fixture->store = consult_test_store_open (fixture->dir);
  fixture->records = test_fhir_save_seed (fixture->store, seed, signed_with_consent);
  fixture->bundle = test_fhir_bundle (fixture->records);
}

static void
fixture_clear (Fixture *fixture)
{
  g_clear_pointer (&fixture->bundle, json_node_unref);
  g_clear_pointer (&fixture->records, consult_fhir_records_free);
  g_clear_object (&fixture->store);
  consult_test_store_remove_dir (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
}

static char *
identifier_query (const char *value)
{
  return g_strdup_printf ("identifier=%s|%s", TEST_FHIR_SYSTEM, value);
}

START_TEST (test_fhir_bundle_entries)
{
  static const char * const order[] = {
    "Patient", "Questionnaire", "QuestionnaireResponse", "CarePlan", "Consent",
  };
  Fixture f = { 0 };
  JsonObject *bundle;
  JsonArray *entries;

  fixture_init (&f, "seed-3-sun-damage.json", TRUE);
  bundle = json_node_get_object (f.bundle);
  ck_assert_str_eq (json_object_get_string_member (bundle, "resourceType"), "Bundle");
  ck_assert_str_eq (json_object_get_string_member (bundle, "type"), "transaction");
  ck_assert_str_eq (json_object_get_string_member (bundle, "timestamp"), "2026-11-23T09:30:00Z");

  entries = json_object_get_array_member (bundle, "entry");
  ck_assert_uint_eq (json_array_get_length (entries), G_N_ELEMENTS (order));
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      JsonObject *entry = json_array_get_object_element (entries, i);
      const char *method = path_string (entry, "request.method");

      ck_assert_str_eq (path_string (entry, "resource.resourceType"), order[i]);
      ck_assert_msg (g_str_has_prefix (json_object_get_string_member (entry, "fullUrl"), "urn:uuid:"),
                     "%s: fullUrl is not a urn:uuid", order[i]);
      ck_assert_msg (g_str_equal (method, "POST") || g_str_equal (method, "PUT"), "method %s", method);
      ck_assert_msg (*path_string (entry, "request.url") != '\0', "%s: no request url", order[i]);
      /* Versions come from the server: nothing here can know them. */
      ck_assert (!json_object_has_member (json_object_get_object_member (entry, "request"), "ifMatch"));
    }

  fixture_clear (&f);
}
END_TEST

START_TEST (test_fhir_conditional_requests)
{
  Fixture f = { 0 };
  JsonObject *entry;
  JsonObject *questionnaire;
  g_autofree char *patient = NULL;
  g_autofree char *response = NULL;
  g_autofree char *care_plan = NULL;
  g_autofree char *consent = NULL;
  g_autofree char *by_version = NULL;
  const ConsultStoreConsent *recorded;

  fixture_init (&f, "seed-1-glow.json", TRUE);

  entry = test_fhir_entry (f.bundle, "Patient");
  patient = identifier_query (f.records->client->id);
  ck_assert_str_eq (path_string (entry, "request.method"), "POST");
  ck_assert_str_eq (path_string (entry, "request.url"), "Patient");
  /* Only the query: "Patient?identifier=…" makes some servers duplicate. */
  ck_assert_str_eq (path_string (entry, "request.ifNoneExist"), patient);

  entry = test_fhir_entry (f.bundle, "QuestionnaireResponse");
  response = g_strdup_printf ("QuestionnaireResponse?identifier=%s|%s", TEST_FHIR_SYSTEM,
                              f.records->consultation->id);
  ck_assert_str_eq (path_string (entry, "request.method"), "PUT");
  ck_assert_str_eq (path_string (entry, "request.url"), response);

  entry = test_fhir_entry (f.bundle, "CarePlan");
  care_plan = g_strdup_printf ("CarePlan?identifier=%s|%s", TEST_FHIR_SYSTEM, f.records->plan->id);
  ck_assert_str_eq (path_string (entry, "request.method"), "PUT");
  ck_assert_str_eq (path_string (entry, "request.url"), care_plan);

  entry = test_fhir_entry (f.bundle, "Questionnaire");
  questionnaire = json_object_get_object_member (entry, "resource");
  by_version = g_strdup_printf ("Questionnaire?url=%s&version=%s",
                                json_object_get_string_member (questionnaire, "url"),
                                json_object_get_string_member (questionnaire, "version"));
  ck_assert_str_eq (path_string (entry, "request.method"), "PUT");
  ck_assert_str_eq (path_string (entry, "request.url"), by_version);

  entry = test_fhir_entry (f.bundle, "Consent");
  recorded = g_ptr_array_index (f.records->consents, 0);
  consent = identifier_query (recorded->id);
  ck_assert_str_eq (path_string (entry, "request.method"), "POST");
  ck_assert_str_eq (path_string (entry, "request.url"), "Consent");
  ck_assert_str_eq (path_string (entry, "request.ifNoneExist"), consent);

  fixture_clear (&f);
}
END_TEST

static guint
count_steps (ConsultPlan *plan)
{
  GPtrArray *phases = consult_plan_get_phases (plan);
  guint n = 0;

  for (guint i = 0; i < phases->len; i++)
    n += ((ConsultPlanPhase *) g_ptr_array_index (phases, i))->steps->len;

  return n;
}

START_TEST (test_fhir_care_plan)
{
  Fixture f = { 0 };
  g_autoptr (ConsultPlan) plan = NULL;
  JsonObject *care_plan;
  JsonArray *activities;
  GPtrArray *phases;
  guint n_notes;
  guint k = 0;

  fixture_init (&f, "seed-6-melasma-strong-facial.json", _i == 1);
  plan = consult_plan_new_from_json (f.records->plan->plan_json, -1, NULL);
  care_plan = test_fhir_resource (f.bundle, "CarePlan");

  ck_assert_str_eq (json_object_get_string_member (care_plan, "status"), _i == 1 ? "active" : "draft");
  ck_assert_str_eq (json_object_get_string_member (care_plan, "intent"), "plan");
  ck_assert_str_eq (path_string (care_plan, "identifier.system"), TEST_FHIR_SYSTEM);
  ck_assert_str_eq (path_string (care_plan, "identifier.value"), f.records->plan->id);
  ck_assert_str_eq (path_string (care_plan, "subject.reference"),
                    json_object_get_string_member (test_fhir_entry (f.bundle, "Patient"), "fullUrl"));
  ck_assert_str_eq (path_string (care_plan, "supportingInfo.reference"),
                    json_object_get_string_member (test_fhir_entry (f.bundle, "QuestionnaireResponse"),
                                                   "fullUrl"));
  ck_assert_str_eq (path_string (care_plan, "period.start"), "2026-11-23");
  ck_assert (strstr (json_object_get_string_member (care_plan, "description"), "Phase 1") != NULL);
  ck_assert_int_eq (json_object_has_member (care_plan, "author"), _i == 1);

  activities = json_object_get_array_member (care_plan, "activity");
  ck_assert_uint_eq (json_array_get_length (activities), count_steps (plan));
  phases = consult_plan_get_phases (plan);
  for (guint i = 0; i < phases->len; i++)
    {
      const ConsultPlanPhase *phase = g_ptr_array_index (phases, i);

      for (guint j = 0; j < phase->steps->len; j++, k++)
        {
          const ConsultPlanStep *step = g_ptr_array_index (phase->steps, j);
          JsonObject *detail = json_object_get_object_member (json_array_get_object_element (activities, k),
                                                              "detail");
          JsonObject *repeat = json_object_get_object_member (
            json_object_get_object_member (detail, "scheduledTiming"), "repeat");
          GDate start = *consult_plan_get_start_date (plan);
          char expected[16];

          g_date_add_days (&start, step->start_week * 7);
          g_date_strftime (expected, sizeof expected, "%Y-%m-%d", &start);

          ck_assert_str_eq (json_object_get_string_member (detail, "kind"), "ServiceRequest");
          ck_assert_str_eq (json_object_get_string_member (detail, "status"), "not-started");
          ck_assert_str_eq (path_string (detail, "code.coding.code"), step->treatment);
          ck_assert (*path_string (detail, "code.text") != '\0');
          ck_assert_str_eq (path_string (detail, "reasonCode.text"), step->rationale);
          ck_assert (*path_string (detail, "performer.display") != '\0');
          ck_assert (strstr (json_object_get_string_member (detail, "description"), phase->title) != NULL);
          ck_assert_str_eq (path_string (repeat, "boundsPeriod.start"), expected);
          if (step->sessions > 0)
            ck_assert_int_eq (json_object_get_int_member (repeat, "count"), step->sessions);
          else
            ck_assert_str_eq (json_object_get_string_member (repeat, "periodUnit"), "d");
          if (step->sessions > 1 && step->interval_weeks > 0)
            {
              ck_assert_int_eq (json_object_get_int_member (repeat, "frequency"), 1);
              ck_assert_int_eq (json_object_get_int_member (repeat, "period"), step->interval_weeks);
              ck_assert_str_eq (json_object_get_string_member (repeat, "periodUnit"), "wk");
            }
        }
    }

  n_notes = consult_plan_get_deferred (plan)->len + consult_plan_get_excluded (plan)->len +
            consult_plan_get_referrals (plan)->len + consult_plan_get_warnings (plan)->len;
  ck_assert_uint_gt (n_notes, 0);
  ck_assert_uint_eq (json_array_get_length (json_object_get_array_member (care_plan, "note")), n_notes);

  fixture_clear (&f);
}
END_TEST

START_TEST (test_fhir_consent)
{
  Fixture f = { 0 };
  JsonObject *consent;

  fixture_init (&f, "seed-2-expression-lines.json", FALSE);
  ck_assert_ptr_null (test_fhir_entry (f.bundle, "Consent"));
  fixture_clear (&f);

  fixture_init (&f, "seed-2-expression-lines.json", TRUE);
  consent = test_fhir_resource (f.bundle, "Consent");
  ck_assert_str_eq (json_object_get_string_member (consent, "status"), "active");
  ck_assert_str_eq (path_string (consent, "scope.coding.system"),
                    "http://terminology.hl7.org/CodeSystem/consentscope");
  ck_assert_str_eq (path_string (consent, "scope.coding.code"), "treatment");
  ck_assert_str_eq (path_string (consent, "category.coding.system"), "http://loinc.org");
  ck_assert_str_eq (path_string (consent, "category.coding.code"), "59284-0");
  ck_assert (g_str_has_suffix (path_string (consent, "policy.uri"), "/consent-text/2026-1"));
  ck_assert_str_eq (path_string (consent, "provision.type"), "permit");
  ck_assert_str_eq (path_string (consent, "patient.reference"),
                    json_object_get_string_member (test_fhir_entry (f.bundle, "Patient"), "fullUrl"));
  ck_assert_str_eq (json_object_get_string_member (consent, "dateTime"), "2026-11-23");
  fixture_clear (&f);
}
END_TEST

static const char *
answer_member (const char *type)
{
  if (g_str_equal (type, "boolean"))
    return "valueBoolean";
  if (g_str_equal (type, "integer"))
    return "valueInteger";
  if (g_str_equal (type, "choice"))
    return "valueCoding";
  if (g_str_equal (type, "date"))
    return "valueDate";
  return "valueString";
}

START_TEST (test_fhir_questionnaire_links)
{
  Fixture f = { 0 };
  g_autoptr (GHashTable) questions = g_hash_table_new (g_str_hash, g_str_equal);
  const ConsultIntakeField *fields;
  JsonObject *questionnaire;
  JsonObject *response;
  JsonArray *items;
  g_autofree char *canonical = NULL;
  guint n_fields;

  fixture_init (&f, "seed-4-acne-scars.json", FALSE);
  questionnaire = test_fhir_resource (f.bundle, "Questionnaire");
  response = test_fhir_resource (f.bundle, "QuestionnaireResponse");
  ck_assert_str_eq (json_object_get_string_member (questionnaire, "status"), "active");

  items = json_object_get_array_member (questionnaire, "item");
  fields = consult_intake_schema_get_fields (&n_fields);
  ck_assert_uint_eq (json_array_get_length (items), n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);

      ck_assert_str_eq (json_object_get_string_member (item, "linkId"), fields[i].path);
      ck_assert_str_eq (json_object_get_string_member (item, "text"), consult_intake_field_get_label (&fields[i]));
      if (g_str_equal (json_object_get_string_member (item, "type"), "choice"))
        {
          JsonArray *options = json_object_get_array_member (item, "answerOption");

          ck_assert_uint_gt (json_array_get_length (options), 0);
          for (guint j = 0; j < json_array_get_length (options); j++)
            ck_assert (*path_string (json_array_get_object_element (options, j), "valueCoding.display") != '\0');
        }
      g_hash_table_insert (questions, (gpointer) fields[i].path, item);
    }

  canonical = g_strdup_printf ("%s|%s", json_object_get_string_member (questionnaire, "url"),
                               json_object_get_string_member (questionnaire, "version"));
  ck_assert_str_eq (json_object_get_string_member (response, "questionnaire"), canonical);
  ck_assert_str_eq (json_object_get_string_member (response, "status"), "completed");
  ck_assert_str_eq (path_string (response, "identifier.value"), f.records->consultation->id);

  items = json_object_get_array_member (response, "item");
  ck_assert_uint_gt (json_array_get_length (items), 10);
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      const char *link_id = json_object_get_string_member (item, "linkId");
      JsonObject *question = g_hash_table_lookup (questions, link_id);
      JsonArray *answers = json_object_get_array_member (item, "answer");
      const char *member;

      ck_assert_msg (question != NULL, "linkId %s is not in the Questionnaire", link_id);
      ck_assert_str_eq (json_object_get_string_member (item, "text"),
                        json_object_get_string_member (question, "text"));
      member = answer_member (json_object_get_string_member (question, "type"));
      ck_assert_uint_gt (json_array_get_length (answers), 0);
      for (guint j = 0; j < json_array_get_length (answers); j++)
        ck_assert_msg (json_object_has_member (json_array_get_object_element (answers, j), member),
                       "%s: answer is not a %s", link_id, member);
    }

  fixture_clear (&f);
}
END_TEST

static void
assert_no_patient_data (const char               *where,
                        const char               *text,
                        const ConsultStoreClient *client)
{
  const char *personal[] = { client->given_name, client->family_name, client->date_of_birth,
                             client->phone, client->email };
  g_autofree char *folded = g_utf8_casefold (text, -1);

  for (guint i = 0; i < G_N_ELEMENTS (personal); i++)
    {
      g_autofree char *value = NULL;

      if (personal[i] == NULL || *personal[i] == '\0')
        continue;
      value = g_utf8_casefold (personal[i], -1);
      ck_assert_msg (strstr (folded, value) == NULL, "%s holds patient data", where);
    }
}

static void
check_identifiers (JsonNode                 *node,
                   const ConsultStoreClient *client)
{
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        check_identifiers (json_array_get_element (array, i), client);
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      static const char * const keyed[] = { "identifier", "fullUrl", "request", "reference", NULL };
      g_autoptr (GList) members = json_object_get_members (object);

      for (GList *l = members; l != NULL; l = l->next)
        {
          JsonNode *member = json_object_get_member (object, l->data);

          if (g_strv_contains (keyed, l->data))
            {
              g_autofree char *text = json_to_string (member, FALSE);

              assert_no_patient_data (l->data, text, client);
            }
          check_identifiers (member, client);
        }
    }
}

START_TEST (test_fhir_no_patient_data_in_identifiers)
{
  Fixture f = { 0 };
  JsonObject *patient;

  fixture_init (&f, "seed-5-volume.json", TRUE);
  check_identifiers (f.bundle, f.records->client);

  /* …but the Patient resource itself carries the demographics. */
  patient = test_fhir_resource (f.bundle, "Patient");
  ck_assert_str_eq (path_string (patient, "name.family"), f.records->client->family_name);
  ck_assert_str_eq (path_string (patient, "name.given"), f.records->client->given_name);
  ck_assert_str_eq (json_object_get_string_member (patient, "birthDate"), f.records->client->date_of_birth);
  ck_assert_str_eq (json_object_get_string_member (patient, "gender"), f.records->client->sex);
  ck_assert_str_eq (path_string (patient, "telecom.value"), f.records->client->phone);
  ck_assert_str_eq (path_string (patient, "identifier.value"), f.records->client->id);
  fixture_clear (&f);
}
END_TEST

START_TEST (test_fhir_identifier_system)
{
  Fixture f = { 0 };
  g_autoptr (GDateTime) now = g_date_time_new_utc (2026, 11, 23, 9, 30, 0);
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) again = NULL;
  g_autoptr (JsonNode) bundle = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  fixture_init (&f, "seed-7-tightening-all-at-once.json", FALSE);

  /* The same records give the same Bundle, byte for byte. */
  again = test_fhir_bundle (f.records);
  first = consult_fhir_to_string (f.bundle);
  second = consult_fhir_to_string (again);
  ck_assert_str_eq (first, second);

  bundle = consult_fhir_bundle_new (f.records, consult_test_catalogue (), "not a uri", now, &error);
  ck_assert_ptr_null (bundle);
  consult_test_assert_error (error, CONSULT_SYNC_ERROR, CONSULT_SYNC_ERROR_INVALID);
  g_clear_error (&error);

  bundle = consult_fhir_bundle_new (f.records, consult_test_catalogue (),
                                    CONSULT_FHIR_DEFAULT_IDENTIFIER_SYSTEM, now, &error);
  ck_assert_ptr_nonnull (bundle);
  ck_assert_str_eq (path_string (test_fhir_resource (bundle, "CarePlan"), "identifier.system"),
                    CONSULT_FHIR_DEFAULT_IDENTIFIER_SYSTEM);
  fixture_clear (&f);
}
END_TEST

START_TEST (test_fhir_cli)
{
  Fixture f = { 0 };
  g_autofree char *db = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonObject *bundle;

  fixture_init (&f, "seed-8-cheaper-filler.json", TRUE);
  db = g_build_filename (f.dir, "consult.db", NULL);
  g_clear_object (&f.store);

  ck_assert_int_eq (consult_test_store_cli (&out, &err, db, "fhir-bundle", f.records->plan->id,
                                            "--system", TEST_FHIR_SYSTEM, NULL), 0);
  ck_assert_msg (json_parser_load_from_data (parser, out, -1, NULL), "not JSON: %s", out);
  bundle = json_node_get_object (json_parser_get_root (parser));
  ck_assert_str_eq (json_object_get_string_member (bundle, "type"), "transaction");
  ck_assert_uint_eq (json_array_get_length (json_object_get_array_member (bundle, "entry")), 5);
  ck_assert (strstr (out, "CarePlan?identifier=" TEST_FHIR_SYSTEM "|") != NULL);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  ck_assert_int_eq (consult_test_store_cli (&out, &err, db, "fhir-bundle",
                                            "00000000-0000-4000-8000-000000000000", NULL), 1);
  ck_assert_str_eq (out, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  ck_assert_int_eq (consult_test_store_cli (&out, &err, db, "fhir-bundle", NULL), 2);
  fixture_clear (&f);
}
END_TEST

static Suite *
fhir_suite (void)
{
  Suite *suite = suite_create ("fhir");
  TCase *mapping = tcase_create ("mapping");

  tcase_set_timeout (mapping, 60);
  tcase_add_test (mapping, test_fhir_bundle_entries);
  tcase_add_test (mapping, test_fhir_conditional_requests);
  tcase_add_loop_test (mapping, test_fhir_care_plan, 0, 2);
  tcase_add_test (mapping, test_fhir_consent);
  tcase_add_test (mapping, test_fhir_questionnaire_links);
  tcase_add_test (mapping, test_fhir_no_patient_data_in_identifiers);
  tcase_add_test (mapping, test_fhir_identifier_system);
  tcase_add_test (mapping, test_fhir_cli);
  suite_add_tcase (suite, mapping);
  suite_add_tcase (suite, test_fhir_seeds_case ());

  return suite;
}

int
main (void)
{
  return consult_test_run_suite (fhir_suite ());
}
