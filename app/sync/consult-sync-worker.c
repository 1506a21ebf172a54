/* consult-sync-worker.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-sync"

#include "config.h"

#include <glib/gi18n.h>

#include "consult-sync-error.h"
#include "consult-sync-worker-private.h"

/* Runs that may exist at once: the one sending and one waiting for it. */
#define MAX_RUNS 2

struct _ConsultSyncWorker
{
  GObject              parent_instance;

  ConsultStore        *store;
  ConsultCatalogue    *catalogue;

  /* Guards everything below; never held across a run. */
  GMutex               lock;
  ConsultSyncSettings *settings;
  GRand               *rand;
  guint32              random_seed;
  ConsultFhirTimeouts  timeouts;
  guint                n_runs;

  /* Held for the whole of a run, so runs never overlap. */
  GMutex               run_lock;
};

G_DEFINE_FINAL_TYPE (ConsultSyncWorker, consult_sync_worker, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CATALOGUE,
  PROP_RANDOM_SEED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
consult_sync_worker_finalize (GObject *object)
{
  ConsultSyncWorker *self = (ConsultSyncWorker *) object;

  g_clear_object (&self->store);
  g_clear_object (&self->catalogue);
  g_clear_pointer (&self->settings, consult_sync_settings_free);
  g_clear_pointer (&self->rand, g_rand_free);
  g_mutex_clear (&self->lock);
  g_mutex_clear (&self->run_lock);

  G_OBJECT_CLASS (consult_sync_worker_parent_class)->finalize (object);
}

static void
consult_sync_worker_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  ConsultSyncWorker *self = CONSULT_SYNC_WORKER (object);
  g_autoptr (GMutexLocker) locker = g_mutex_locker_new (&self->lock);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CATALOGUE:
      g_value_set_object (value, self->catalogue);
      break;
    case PROP_RANDOM_SEED:
      g_value_set_uint (value, self->random_seed);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
consult_sync_worker_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  ConsultSyncWorker *self = CONSULT_SYNC_WORKER (object);
  g_autoptr (GMutexLocker) locker = g_mutex_locker_new (&self->lock);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_CATALOGUE:
      self->catalogue = g_value_dup_object (value);
      break;
    case PROP_RANDOM_SEED:
      self->random_seed = g_value_get_uint (value);
      g_clear_pointer (&self->rand, g_rand_free);
      self->rand = self->random_seed != 0 ? g_rand_new_with_seed (self->random_seed) : g_rand_new ();
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
consult_sync_worker_class_init (ConsultSyncWorkerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = consult_sync_worker_finalize;
  object_class->get_property = consult_sync_worker_get_property;
  object_class->set_property = consult_sync_worker_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CONSULT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CATALOGUE] =
    g_param_spec_object ("catalogue", NULL, NULL, CONSULT_TYPE_CATALOGUE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RANDOM_SEED] =
    g_param_spec_uint ("random-seed", NULL, NULL, 0, G_MAXUINT32, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
consult_sync_worker_init (ConsultSyncWorker *self)
{
  g_mutex_init (&self->lock);
  g_mutex_init (&self->run_lock);
  self->timeouts = (ConsultFhirTimeouts) CONSULT_FHIR_TIMEOUTS_DEFAULT;
}

ConsultSyncWorker *
consult_sync_worker_new (ConsultStore     *store,
                         ConsultCatalogue *catalogue)
{
  g_return_val_if_fail (CONSULT_IS_STORE (store), NULL);
  g_return_val_if_fail (CONSULT_IS_CATALOGUE (catalogue), NULL);

  return g_object_new (CONSULT_TYPE_SYNC_WORKER,
                       "store", store,
                       "catalogue", catalogue,
                       NULL);
}

void
consult_sync_worker_set_settings (ConsultSyncWorker         *self,
                                  const ConsultSyncSettings *settings)
{
  g_autoptr (GMutexLocker) locker = NULL;

  g_return_if_fail (CONSULT_IS_SYNC_WORKER (self));

  locker = g_mutex_locker_new (&self->lock);
  g_clear_pointer (&self->settings, consult_sync_settings_free);
  if (settings != NULL)
    self->settings = consult_sync_settings_copy (settings);
}

void
consult_sync_worker_set_timeouts (ConsultSyncWorker         *self,
                                  const ConsultFhirTimeouts *timeouts)
{
  g_autoptr (GMutexLocker) locker = NULL;

  g_return_if_fail (CONSULT_IS_SYNC_WORKER (self));
  g_return_if_fail (timeouts != NULL && timeouts->connect > 0 && timeouts->total > 0 &&
                    timeouts->low_speed > 0);

  locker = g_mutex_locker_new (&self->lock);
  self->timeouts = *timeouts;
}

ConsultStore *
_consult_sync_worker_get_store (ConsultSyncWorker *self)
{
  return self->store;
}

ConsultCatalogue *
_consult_sync_worker_get_catalogue (ConsultSyncWorker *self)
{
  return self->catalogue;
}

gdouble
_consult_sync_worker_random (ConsultSyncWorker *self)
{
  g_autoptr (GMutexLocker) locker = g_mutex_locker_new (&self->lock);

  return g_rand_double (self->rand);
}

/* A client for @settings with the worker's timeouts. */
static ConsultFhirClient *
new_client (ConsultSyncWorker          *self,
            const ConsultSyncSettings  *settings,
            GError                    **error)
{
  g_autoptr (ConsultFhirClient) client = consult_fhir_client_new (settings, error);
  g_autoptr (GMutexLocker) locker = NULL;

  if (client == NULL)
    return NULL;

  locker = g_mutex_locker_new (&self->lock);
  consult_fhir_client_set_timeouts (client, &self->timeouts);

  return g_steal_pointer (&client);
}

gboolean
consult_sync_worker_is_running (ConsultSyncWorker *self)
{
  g_autoptr (GMutexLocker) locker = NULL;

  g_return_val_if_fail (CONSULT_IS_SYNC_WORKER (self), FALSE);

  locker = g_mutex_locker_new (&self->lock);
  return self->n_runs > 0;
}

static gboolean
enter_run (ConsultSyncWorker  *self,
           GError            **error)
{
  g_mutex_lock (&self->lock);
  if (self->n_runs >= MAX_RUNS)
    {
      g_mutex_unlock (&self->lock);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PENDING,
                           _("Records are being sent already."));
      return FALSE;
    }
  self->n_runs++;
  g_mutex_unlock (&self->lock);

  g_mutex_lock (&self->run_lock);
  return TRUE;
}

static void
leave_run (ConsultSyncWorker *self)
{
  g_mutex_unlock (&self->run_lock);

  g_mutex_lock (&self->lock);
  self->n_runs--;
  g_mutex_unlock (&self->lock);
}

ConsultSyncReport *
consult_sync_worker_run (ConsultSyncWorker  *self,
                         gint64              now,
                         GCancellable       *cancellable,
                         GError            **error)
{
  g_autoptr (ConsultSyncSettings) settings = NULL;
  g_autoptr (ConsultFhirClient) client = NULL;
  ConsultSyncReport *report;

  g_return_val_if_fail (CONSULT_IS_SYNC_WORKER (self), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!enter_run (self, error))
    return NULL;

  g_mutex_lock (&self->lock);
  settings = self->settings != NULL ? consult_sync_settings_copy (self->settings) : NULL;
  g_mutex_unlock (&self->lock);

  if (settings == NULL)
    {
      g_set_error_literal (error, CONSULT_SYNC_ERROR, CONSULT_SYNC_ERROR_NOT_CONFIGURED,
                           _("No FHIR server address is set."));
      report = NULL;
    }
  else if (!(client = new_client (self, settings, error)))
    report = NULL;
  else
    report = _consult_sync_run (self, settings, client, now, cancellable, error);

  leave_run (self);
  return report;
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  GError *error = NULL;
  ConsultSyncReport *report;

  report = consult_sync_worker_run (source_object, g_get_real_time (), cancellable, &error);
  if (report != NULL)
    g_task_return_pointer (task, report, (GDestroyNotify) consult_sync_report_free);
  else
    g_task_return_error (task, error);
}

void
consult_sync_worker_run_async (ConsultSyncWorker   *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (CONSULT_IS_SYNC_WORKER (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, consult_sync_worker_run_async);
  g_task_run_in_thread (task, run_thread);
}

ConsultSyncReport *
consult_sync_worker_run_finish (ConsultSyncWorker  *self,
                                GAsyncResult       *result,
                                GError            **error)
{
  g_return_val_if_fail (CONSULT_IS_SYNC_WORKER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == consult_sync_worker_run_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* "Medplum 4.5.2, FHIR 4.0.1, takes transactions". */
static char *
describe_capability (JsonNode *capability)
{
  JsonObject *statement = json_node_get_object (capability);
  JsonNode *software = json_object_get_member (statement, "software");
  const char *name = NULL;
  const char *version = NULL;
  const char *fhir_version;
  g_autofree char *server = NULL;

  if (software != NULL && JSON_NODE_HOLDS_OBJECT (software))
    {
      name = json_object_get_string_member_with_default (json_node_get_object (software), "name", NULL);
      version = json_object_get_string_member_with_default (json_node_get_object (software), "version", NULL);
    }
  fhir_version = json_object_get_string_member_with_default (statement, "fhirVersion", "?");

  if (name == NULL)
    server = g_strdup (_("An unnamed FHIR server"));
  else if (version != NULL)
    server = g_strdup_printf ("%s %s", name, version);
  else
    server = g_strdup (name);

  if (consult_fhir_capability_supports_transaction (capability))
    /* TRANSLATORS: the server software and its version, then the FHIR version */
    return g_strdup_printf (_("%s, FHIR %s, takes transactions"), server, fhir_version);

  /* TRANSLATORS: the server software and its version, then the FHIR version */
  return g_strdup_printf (_("%s, FHIR %s, no transactions: records are sent one at a time"),
                          server, fhir_version);
}

static void
test_connection_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  g_autoptr (ConsultFhirClient) client = NULL;
  g_autoptr (JsonNode) capability = NULL;
  GError *error = NULL;

  if (!(client = new_client (source_object, task_data, &error)) ||
      !(capability = consult_fhir_client_read_metadata (client, cancellable, NULL, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, describe_capability (capability), g_free);
}

void
consult_sync_worker_test_connection_async (ConsultSyncWorker         *self,
                                           const ConsultSyncSettings *settings,
                                           GCancellable              *cancellable,
                                           GAsyncReadyCallback        callback,
                                           gpointer                   user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (CONSULT_IS_SYNC_WORKER (self));
  g_return_if_fail (settings != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, consult_sync_worker_test_connection_async);
  g_task_set_task_data (task, consult_sync_settings_copy (settings),
                        (GDestroyNotify) consult_sync_settings_free);
  g_task_run_in_thread (task, test_connection_thread);
}

char *
consult_sync_worker_test_connection_finish (ConsultSyncWorker  *self,
                                            GAsyncResult       *result,
                                            GError            **error)
{
  g_return_val_if_fail (CONSULT_IS_SYNC_WORKER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == consult_sync_worker_test_connection_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
