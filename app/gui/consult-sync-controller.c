/* consult-sync-controller.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-sync-controller"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "consult-format.h"
#include "consult-store-outbox.h"
#include "consult-sync-controller.h"
#include "consult-sync-error.h"
#include "consult-sync-settings.h"
#include "consult-sync-token.h"
#include "consult-sync-worker.h"

/* Runs the outbox for the application: after every save, when a retry
 * falls due, and when someone presses "Send Now". The token is looked up
 * in the keyring whenever the server address changes, and kept only in
 * memory when there is no keyring. */
struct _ConsultSyncController
{
  GObject                 parent_instance;

  ConsultStore           *store;
  GSettings              *settings;
  ConsultSyncWorker      *worker;
  GCancellable           *cancellable;        /* cancelled on dispose */
  GCancellable           *token_cancellable;  /* the lookup for the current address */

  char                   *token;
  ConsultSyncTokenSource  token_source;

  gboolean                configured;
  gboolean                looked_up;          /* past start-up's look at the keyring */
  gboolean                running;
  gboolean                run_again;
  guint                   retry_source;

  ConsultSyncStatus       status;
  char                   *summary;
  char                   *problem;            /* why the settings cannot be used, or the last failure */
};

enum {
  PROP_0,
  PROP_STATUS,
  PROP_SUMMARY,
  PROP_TOKEN_SOURCE,
  N_PROPS
};

enum {
  FINISHED,
  TOKEN_NEEDED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_ENUM_TYPE (ConsultSyncStatus, consult_sync_status,
  G_DEFINE_ENUM_VALUE (CONSULT_SYNC_STATUS_NOT_CONFIGURED, "not-configured"),
  G_DEFINE_ENUM_VALUE (CONSULT_SYNC_STATUS_SENDING, "sending"),
  G_DEFINE_ENUM_VALUE (CONSULT_SYNC_STATUS_SENT, "sent"),
  G_DEFINE_ENUM_VALUE (CONSULT_SYNC_STATUS_PENDING, "pending"),
  G_DEFINE_ENUM_VALUE (CONSULT_SYNC_STATUS_FAILED, "failed"))

G_DEFINE_ENUM_TYPE (ConsultSyncTokenSource, consult_sync_token_source,
  G_DEFINE_ENUM_VALUE (CONSULT_SYNC_TOKEN_NONE, "none"),
  G_DEFINE_ENUM_VALUE (CONSULT_SYNC_TOKEN_KEYRING, "keyring"),
  G_DEFINE_ENUM_VALUE (CONSULT_SYNC_TOKEN_SESSION, "session"))

G_DEFINE_FINAL_TYPE (ConsultSyncController, consult_sync_controller, G_TYPE_OBJECT)

static void
wipe_token (ConsultSyncController *self)
{
  if (self->token != NULL)
    {
      explicit_bzero (self->token, strlen (self->token));
      g_clear_pointer (&self->token, g_free);
    }
}

static void
set_token_source (ConsultSyncController  *self,
                  ConsultSyncTokenSource  source)
{
  if (self->token_source == source)
    return;

  self->token_source = source;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOKEN_SOURCE]);
}

static void
set_status (ConsultSyncController *self,
            ConsultSyncStatus      status,
            char                  *summary)
{
  g_autofree char *owned = summary;

  if (self->status != status)
    {
      self->status = status;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
    }

  if (g_strcmp0 (self->summary, owned) != 0)
    {
      g_free (self->summary);
      self->summary = g_steal_pointer (&owned);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
    }
}

static ConsultSyncSettings *
current_settings (ConsultSyncController *self)
{
  g_autoptr (ConsultSyncSettings) settings = consult_sync_settings_new ();
  g_autofree char *ca_file = g_settings_get_string (self->settings, "fhir-ca-file");

  settings->base_url = g_settings_get_string (self->settings, "fhir-base-url");
  settings->identifier_system = g_settings_get_string (self->settings, "fhir-identifier-system");
  settings->token = g_strdup (self->token);
  if (ca_file[0] != '\0')
    settings->ca_file = g_steal_pointer (&ca_file);

  return g_steal_pointer (&settings);
}

static gboolean
retry_due_cb (gpointer user_data)
{
  ConsultSyncController *self = user_data;

  self->retry_source = 0;
  consult_sync_controller_queue (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_retry (ConsultSyncController *self,
                gint64                 next_attempt_at)
{
  gint64 wait;

  g_clear_handle_id (&self->retry_source, g_source_remove);
  if (next_attempt_at <= 0)
    return;

  wait = (next_attempt_at - g_get_real_time ()) / G_USEC_PER_SEC;
  self->retry_source = g_timeout_add_seconds ((guint) CLAMP (wait + 1, 1, G_MAXINT),
                                              retry_due_cb, self);
}

/* The status comes from the outbox itself, so it is right after a
 * restart as much as after a run. */
static void
refresh_status (ConsultSyncController *self)
{
  g_autoptr (GError) error = NULL;
  guint n_pending = 0;
  guint n_failed = 0;
  guint n_sent = 0;
  gint64 next_attempt_at = 0;

  if (!self->configured)
    {
      set_status (self, self->problem != NULL ? CONSULT_SYNC_STATUS_FAILED : CONSULT_SYNC_STATUS_NOT_CONFIGURED,
                  g_strdup (self->problem != NULL ? self->problem
                                                  : _("Records stay on this computer: no health record server is set up.")));
      return;
    }

  if (self->running)
    {
      set_status (self, CONSULT_SYNC_STATUS_SENDING, g_strdup (_("Sending to the health record…")));
      return;
    }

  if (!consult_store_outbox_get_counts (self->store, &n_pending, &n_failed, &n_sent, &next_attempt_at, &error))
    {
      set_status (self, CONSULT_SYNC_STATUS_FAILED, g_strdup (error->message));
      return;
    }

  schedule_retry (self, next_attempt_at);

  if (n_failed > 0)
    {
      g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "%u consultation could not be sent.",
                                                             "%u consultations could not be sent.",
                                                             n_failed),
                                                n_failed);

      set_status (self, CONSULT_SYNC_STATUS_FAILED,
                  self->problem != NULL ? g_strdup_printf ("%s %s", count, self->problem) : g_steal_pointer (&count));
    }
  else if (n_pending > 0)
    {
      g_autofree char *when = consult_format_time (MAX (next_attempt_at, g_get_real_time ()));
      g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "%u consultation is waiting to be sent.",
                                                             "%u consultations are waiting to be sent.",
                                                             n_pending),
                                                n_pending);
      g_autofree char *next = g_strdup_printf (_("Next attempt: %s."), when);

      set_status (self, CONSULT_SYNC_STATUS_PENDING,
                  self->problem != NULL ? g_strdup_printf ("%s %s %s", count, self->problem, next)
                                        : g_strdup_printf ("%s %s", count, next));
    }
  else if (n_sent == 0)
    set_status (self, CONSULT_SYNC_STATUS_SENT, g_strdup (_("Nothing is waiting to be sent.")));
  else
    set_status (self, CONSULT_SYNC_STATUS_SENT, g_strdup (_("Every consultation has been sent to the health record.")));
}

static void
run_cb (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr (ConsultSyncController) self = user_data;
  g_autoptr (ConsultSyncReport) report = NULL;
  g_autoptr (GError) error = NULL;

  report = consult_sync_worker_run_finish (CONSULT_SYNC_WORKER (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->running = FALSE;
  g_clear_pointer (&self->problem, g_free);
  if (error != NULL)
    self->problem = g_strdup (error->message);
  else if (report->first_error != NULL)
    self->problem = g_strdup (report->first_error);

  refresh_status (self);
  g_signal_emit (self, signals[FINISHED], 0);

  if (self->run_again)
    {
      self->run_again = FALSE;
      consult_sync_controller_queue (self);
    }
}

/* Sends what is due, now; a run already under way is followed by one
 * more, so a plan saved during a run is not left waiting for a retry. */
void
consult_sync_controller_queue (ConsultSyncController *self)
{
  g_return_if_fail (CONSULT_IS_SYNC_CONTROLLER (self));

  if (!self->configured)
    {
      refresh_status (self);
      g_signal_emit (self, signals[FINISHED], 0);
      return;
    }

  if (self->running)
    {
      self->run_again = TRUE;
      return;
    }

  g_clear_handle_id (&self->retry_source, g_source_remove);
  self->running = TRUE;
  refresh_status (self);
  consult_sync_worker_run_async (self->worker, self->cancellable, run_cb, g_object_ref (self));
}

gboolean
consult_sync_controller_send_now (ConsultSyncController  *self,
                                  GError                **error)
{
  guint n_queued = 0;

  g_return_val_if_fail (CONSULT_IS_SYNC_CONTROLLER (self), FALSE);

  if (!consult_store_outbox_send_now (self->store, &n_queued, error))
    return FALSE;

  consult_sync_controller_queue (self);

  return TRUE;
}

static void
apply_settings (ConsultSyncController *self)
{
  g_autoptr (ConsultSyncSettings) settings = current_settings (self);
  g_autoptr (GError) error = NULL;

  g_clear_pointer (&self->problem, g_free);
  self->configured = FALSE;

  if (settings->base_url[0] == '\0')
    consult_sync_worker_set_settings (self->worker, NULL);
  else if (!consult_sync_settings_validate (settings, &error))
    {
      consult_sync_worker_set_settings (self->worker, NULL);
      self->problem = g_strdup (error->message);
    }
  else
    {
      consult_sync_worker_set_settings (self->worker, settings);
      self->configured = TRUE;
    }
}

/* New settings or a new token take effect at once: what waits is sent
 * with them. */
static void
reapply (ConsultSyncController *self)
{
  apply_settings (self);
  consult_sync_controller_queue (self);
}

static void
token_lookup_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr (ConsultSyncController) self = user_data;
  g_autoptr (GError) error = NULL;
  char *token;

  token = consult_sync_token_lookup_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (token != NULL)
    {
      wipe_token (self);
      self->token = token;
      set_token_source (self, CONSULT_SYNC_TOKEN_KEYRING);
    }
  else if (self->token_source == CONSULT_SYNC_TOKEN_KEYRING)
    {
      /* The keyring held a token for the previous address only. */
      wipe_token (self);
      set_token_source (self, CONSULT_SYNC_TOKEN_NONE);
    }

  reapply (self);

  /* Without a keyring a token typed in this session still serves; with
   * none, whoever starts the app is asked for it. A change of address is
   * made in Preferences, where the token is asked for anyway. */
  if (error != NULL && self->token == NULL && self->configured && !self->looked_up)
    g_signal_emit (self, signals[TOKEN_NEEDED], 0);
  self->looked_up = TRUE;
}

static void
reconfigure (ConsultSyncController *self)
{
  g_autofree char *base_url = g_settings_get_string (self->settings, "fhir-base-url");

  g_cancellable_cancel (self->token_cancellable);
  g_clear_object (&self->token_cancellable);

  if (base_url[0] == '\0')
    {
      self->looked_up = TRUE;
      reapply (self);
      return;
    }

  self->token_cancellable = g_cancellable_new ();
  consult_sync_token_lookup_async (base_url, self->token_cancellable,
                                   token_lookup_cb, g_object_ref (self));
}

static void
token_stored_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr (ConsultSyncController) self = user_data;
  g_autoptr (GError) error = NULL;

  if (consult_sync_token_store_finish (result, &error))
    set_token_source (self, CONSULT_SYNC_TOKEN_KEYRING);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("Token kept for this session only: %s", error->message);
}

/* Takes effect at once; kept in the keyring when there is one, in memory
 * for this session otherwise. */
void
consult_sync_controller_set_token (ConsultSyncController *self,
                                   const char            *token)
{
  g_autofree char *base_url = NULL;

  g_return_if_fail (CONSULT_IS_SYNC_CONTROLLER (self));
  g_return_if_fail (token != NULL && token[0] != '\0');

  wipe_token (self);
  self->token = g_strdup (token);
  set_token_source (self, CONSULT_SYNC_TOKEN_SESSION);

  base_url = g_settings_get_string (self->settings, "fhir-base-url");
  if (base_url[0] != '\0')
    consult_sync_token_store_async (base_url, token, self->cancellable,
                                    token_stored_cb, g_object_ref (self));

  reapply (self);
}

static void
token_cleared_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr (GError) error = NULL;

  if (!consult_sync_token_clear_finish (result, &error))
    g_debug ("The keyring could not forget the token: %s", error->message);
}

void
consult_sync_controller_forget_token (ConsultSyncController *self)
{
  g_autofree char *base_url = NULL;

  g_return_if_fail (CONSULT_IS_SYNC_CONTROLLER (self));

  wipe_token (self);
  set_token_source (self, CONSULT_SYNC_TOKEN_NONE);

  base_url = g_settings_get_string (self->settings, "fhir-base-url");
  if (base_url[0] != '\0')
    consult_sync_token_clear_async (base_url, self->cancellable, token_cleared_cb, NULL);

  apply_settings (self);
  refresh_status (self);
}

static void
test_connection_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;
  char *description;

  description = consult_sync_worker_test_connection_finish (CONSULT_SYNC_WORKER (source), result, &error);
  if (description == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, description, g_free);
}

/* Reads the server's capabilities with the settings as they are now,
 * saved or not yet used. */
void
consult_sync_controller_test_connection_async (ConsultSyncController *self,
                                               GCancellable          *cancellable,
                                               GAsyncReadyCallback    callback,
                                               gpointer               user_data)
{
  g_autoptr (ConsultSyncSettings) settings = NULL;
  g_autoptr (GError) error = NULL;
  GTask *task;

  g_return_if_fail (CONSULT_IS_SYNC_CONTROLLER (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, consult_sync_controller_test_connection_async);

  settings = current_settings (self);
  if (!consult_sync_settings_validate (settings, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }

  consult_sync_worker_test_connection_async (self->worker, settings, cancellable,
                                             test_connection_cb, task);
}

char *
consult_sync_controller_test_connection_finish (ConsultSyncController  *self,
                                                GAsyncResult           *result,
                                                GError                **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

ConsultSyncStatus
consult_sync_controller_get_status (ConsultSyncController *self)
{
  g_return_val_if_fail (CONSULT_IS_SYNC_CONTROLLER (self), CONSULT_SYNC_STATUS_NOT_CONFIGURED);

  return self->status;
}

const char *
consult_sync_controller_get_summary (ConsultSyncController *self)
{
  g_return_val_if_fail (CONSULT_IS_SYNC_CONTROLLER (self), NULL);

  return self->summary;
}

ConsultSyncTokenSource
consult_sync_controller_get_token_source (ConsultSyncController *self)
{
  g_return_val_if_fail (CONSULT_IS_SYNC_CONTROLLER (self), CONSULT_SYNC_TOKEN_NONE);

  return self->token_source;
}

ConsultSyncController *
consult_sync_controller_new (ConsultStore     *store,
                             ConsultCatalogue *catalogue,
                             GSettings        *settings)
{
  ConsultSyncController *self;

  g_return_val_if_fail (CONSULT_IS_STORE (store), NULL);
  g_return_val_if_fail (CONSULT_IS_CATALOGUE (catalogue), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (CONSULT_TYPE_SYNC_CONTROLLER, NULL);
  self->store = g_object_ref (store);
  self->settings = g_object_ref (settings);
  self->worker = consult_sync_worker_new (store, catalogue);

  g_signal_connect_object (settings, "changed::fhir-base-url", G_CALLBACK (reconfigure), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::fhir-identifier-system", G_CALLBACK (reapply), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::fhir-ca-file", G_CALLBACK (reapply), self, G_CONNECT_SWAPPED);
  reconfigure (self);

  return self;
}

static void
consult_sync_controller_dispose (GObject *object)
{
  ConsultSyncController *self = CONSULT_SYNC_CONTROLLER (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->token_cancellable);
  g_clear_handle_id (&self->retry_source, g_source_remove);
  g_clear_object (&self->token_cancellable);
  g_clear_object (&self->worker);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (consult_sync_controller_parent_class)->dispose (object);
}

static void
consult_sync_controller_finalize (GObject *object)
{
  ConsultSyncController *self = CONSULT_SYNC_CONTROLLER (object);

  wipe_token (self);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->problem, g_free);

  G_OBJECT_CLASS (consult_sync_controller_parent_class)->finalize (object);
}

static void
consult_sync_controller_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  ConsultSyncController *self = CONSULT_SYNC_CONTROLLER (object);

  switch (prop_id)
    {
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;

    case PROP_TOKEN_SOURCE:
      g_value_set_enum (value, self->token_source);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
consult_sync_controller_class_init (ConsultSyncControllerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = consult_sync_controller_dispose;
  object_class->finalize = consult_sync_controller_finalize;
  object_class->get_property = consult_sync_controller_get_property;

  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       CONSULT_TYPE_SYNC_STATUS, CONSULT_SYNC_STATUS_NOT_CONFIGURED,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOKEN_SOURCE] =
    g_param_spec_enum ("token-source", NULL, NULL,
                       CONSULT_TYPE_SYNC_TOKEN_SOURCE, CONSULT_SYNC_TOKEN_NONE,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* After every run (and every refresh): consultation views re-read
   * their own state. */
  signals[FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /* The server is set up, there is no keyring to hold its token, and no
   * one has typed it in this session: the window asks. */
  signals[TOKEN_NEEDED] =
    g_signal_new ("token-needed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
consult_sync_controller_init (ConsultSyncController *self)
{
  self->cancellable = g_cancellable_new ();
}
