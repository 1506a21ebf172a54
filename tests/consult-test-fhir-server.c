/* consult-test-fhir-server.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-test-fhir-server"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <check.h>
#include <glib/gstdio.h>

#include "consult-test.h"
#include "consult-test-fhir-server.h"

/* Loading Medplum's definitions takes a few seconds; a loaded machine
 * running the suites in parallel may take many more. */
#define READY_TIMEOUT_S 90
#define ANSWER_TIMEOUT_S 30

struct _ConsultTestFhirServer
{
  GSubprocess      *process;
  GOutputStream    *commands;
  GDataInputStream *answers;
  char             *cert_dir;
  char             *ca_file;
  char             *untrusted_ca_file;
  char             *token;
  char             *base_url;
  guint16           port;
};

static void
on_async_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static gboolean
on_wait_timeout (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;

  return G_SOURCE_REMOVE;
}

/* Iterates CONTEXT until *RESULT is set; after TIMEOUT_S, cancels
 * CANCELLABLE and still waits for the (cancelled) result, so that nothing
 * is left pending on the stream. Returns whether the time ran out. */
static gboolean
wait_for_result (GMainContext  *context,
                 GAsyncResult **result,
                 GCancellable  *cancellable,
                 guint          timeout_s)
{
  g_autoptr (GSource) timeout = g_timeout_source_new_seconds (timeout_s);
  gboolean timed_out = FALSE;

  g_source_set_callback (timeout, on_wait_timeout, &timed_out, NULL);
  g_source_attach (timeout, context);

  while (*result == NULL)
    {
      if (timed_out && !g_cancellable_is_cancelled (cancellable))
        g_cancellable_cancel (cancellable);
      g_main_context_iteration (context, TRUE);
    }

  g_source_destroy (timeout);

  return timed_out;
}

/* The server's next stdout line, without its newline. */
static char *
read_answer_line (ConsultTestFhirServer  *self,
                  guint                   timeout_s,
                  GError                **error)
{
  g_autoptr (GMainContext) context = g_main_context_new ();
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *line = NULL;
  gboolean timed_out;

  /* A private context: the test's own main loop (an app's worker, say)
   * must not run while we wait, nor we while it does. */
  g_main_context_push_thread_default (context);
  g_data_input_stream_read_line_async (self->answers, G_PRIORITY_DEFAULT, cancellable,
                                       on_async_done, &result);
  timed_out = wait_for_result (context, &result, cancellable, timeout_s);
  g_main_context_pop_thread_default (context);

  line = g_data_input_stream_read_line_finish_utf8 (self->answers, result, NULL, &local_error);
  if (timed_out)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                   "The FHIR test server did not answer within %u s", timeout_s);
      return NULL;
    }
  if (local_error != NULL)
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  "Reading from the FHIR test server: ");
      return NULL;
    }
  if (line == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_BROKEN_PIPE,
                           "The FHIR test server exited (its stderr is in the test log)");
      return NULL;
    }

  return g_steal_pointer (&line);
}

static JsonObject *
parse_object (const char  *text,
              JsonNode   **root,
              GError     **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();

  if (!json_parser_load_from_data (parser, text, -1, error))
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "The FHIR test server answered something other than an object");
      return NULL;
    }
  *root = json_node_copy (json_parser_get_root (parser));

  return json_node_get_object (*root);
}

static char *
read_setup_error (void)
{
  const char *path = g_getenv ("CONSULT_TEST_FHIR_SETUP_ERROR");
  char *text = NULL;

  if (path != NULL && g_file_get_contents (path, &text, NULL, NULL))
    return g_strchomp (text);

  return NULL;
}

/* The environment tests/meson.build sets for the sync suite. */
static gboolean
check_installation (GError **error)
{
  const char *names[] = {
    "CONSULT_TEST_FHIR_NODE",
    "CONSULT_TEST_FHIR_SERVER",
    "CONSULT_TEST_FHIR_NODE_MODULES",
    "CONSULT_TEST_FHIR_MAKE_CERTS",
  };
  g_autofree char *setup_error = read_setup_error ();

  if (setup_error != NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, setup_error);
      return FALSE;
    }

  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    {
      const char *path = g_getenv (names[i]);

      if (path == NULL || !g_file_test (path, G_FILE_TEST_EXISTS))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       "The FHIR test server is not installed (%s=%s); `meson test` installs it "
                       "through tests/fhir-server/setup before the sync suite",
                       names[i], path != NULL ? path : "(unset)");
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
make_certificates (ConsultTestFhirServer  *self,
                   GError                **error)
{
  g_autofree char *template = consult_test_output_path ("fhir-server-XXXXXX");
  g_autoptr (GSubprocess) make_certs = NULL;

  if (g_mkdtemp (template) == NULL)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                   "Could not make a folder for the test certificates: %s", g_strerror (errno));
      return FALSE;
    }
  self->cert_dir = g_steal_pointer (&template);
  self->ca_file = g_build_filename (self->cert_dir, "ca.crt", NULL);
  self->untrusted_ca_file = g_build_filename (self->cert_dir, "untrusted-ca.crt", NULL);

  make_certs = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, error,
                                 g_getenv ("CONSULT_TEST_FHIR_MAKE_CERTS"), self->cert_dir, NULL);

  return make_certs != NULL && g_subprocess_wait_check (make_certs, NULL, error);
}

static gboolean
spawn_server (ConsultTestFhirServer  *self,
              GError                **error)
{
  g_autoptr (GSubprocessLauncher) launcher = NULL;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  /* The environment, not the command line, so that `ps` does not show it. */
  g_subprocess_launcher_setenv (launcher, "CONSULT_FHIR_TEST_TOKEN", self->token, TRUE);
  self->process = g_subprocess_launcher_spawn (launcher, error,
                                               g_getenv ("CONSULT_TEST_FHIR_NODE"),
                                               g_getenv ("CONSULT_TEST_FHIR_SERVER"),
                                               "--certs", self->cert_dir,
                                               NULL);
  if (self->process == NULL)
    return FALSE;

  self->commands = g_object_ref (g_subprocess_get_stdin_pipe (self->process));
  self->answers = g_data_input_stream_new (g_subprocess_get_stdout_pipe (self->process));
  g_data_input_stream_set_newline_type (self->answers, G_DATA_STREAM_NEWLINE_TYPE_LF);

  return TRUE;
}

static gboolean
wait_until_ready (ConsultTestFhirServer  *self,
                  GError                **error)
{
  g_autofree char *line = read_answer_line (self, READY_TIMEOUT_S, error);
  g_autoptr (JsonNode) root = NULL;
  JsonObject *ready;

  if (line == NULL)
    return FALSE;
  ready = parse_object (line, &root, error);
  if (ready == NULL)
    return FALSE;
  if (!json_object_get_boolean_member_with_default (ready, "ready", FALSE))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "The FHIR test server started with an unexpected line: %s", line);
      return FALSE;
    }

  self->port = json_object_get_int_member_with_default (ready, "port", 0);
  self->base_url = g_strdup (json_object_get_string_member_with_default (ready, "baseUrl", ""));

  return TRUE;
}

ConsultTestFhirServer *
consult_test_fhir_server_start (GError **error)
{
  g_autoptr (ConsultTestFhirServer) self = g_new0 (ConsultTestFhirServer, 1);
  g_autofree char *uuid = g_uuid_string_random ();
  g_auto (GStrv) parts = g_strsplit (uuid, "-", -1);

  self->token = g_strjoinv ("", parts);

  if (!check_installation (error)
      || !make_certificates (self, error)
      || !spawn_server (self, error)
      || !wait_until_ready (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

static void
remove_certificates (const char *dir)
{
  g_autoptr (GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

/* Closing stdin is how the server is told to exit; it is killed if it has
 * not within a few seconds. */
static void
end_process (GSubprocess *process)
{
  g_autoptr (GMainContext) context = g_main_context_new ();
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GAsyncResult) result = NULL;

  g_main_context_push_thread_default (context);
  g_subprocess_wait_async (process, cancellable, on_async_done, &result);
  if (wait_for_result (context, &result, cancellable, 10))
    g_subprocess_force_exit (process);
  g_main_context_pop_thread_default (context);
}

void
consult_test_fhir_server_stop (ConsultTestFhirServer *server)
{
  if (server == NULL)
    return;

  if (server->commands != NULL)
    g_output_stream_close (server->commands, NULL, NULL);
  if (server->process != NULL)
    end_process (server->process);
  if (server->cert_dir != NULL)
    remove_certificates (server->cert_dir);

  g_clear_object (&server->answers);
  g_clear_object (&server->commands);
  g_clear_object (&server->process);
  g_free (server->cert_dir);
  g_free (server->ca_file);
  g_free (server->untrusted_ca_file);
  g_free (server->token);
  g_free (server->base_url);
  g_free (server);
}

const char *
consult_test_fhir_server_get_base_url (ConsultTestFhirServer *server)
{
  g_return_val_if_fail (server != NULL, NULL);

  return server->base_url;
}

guint16
consult_test_fhir_server_get_port (ConsultTestFhirServer *server)
{
  g_return_val_if_fail (server != NULL, 0);

  return server->port;
}

const char *
consult_test_fhir_server_get_ca_file (ConsultTestFhirServer *server)
{
  g_return_val_if_fail (server != NULL, NULL);

  return server->ca_file;
}

const char *
consult_test_fhir_server_get_untrusted_ca_file (ConsultTestFhirServer *server)
{
  g_return_val_if_fail (server != NULL, NULL);

  return server->untrusted_ca_file;
}

const char *
consult_test_fhir_server_get_token (ConsultTestFhirServer *server)
{
  g_return_val_if_fail (server != NULL, NULL);

  return server->token;
}

JsonNode *
consult_test_fhir_server_command (ConsultTestFhirServer  *server,
                                  const char             *command_json,
                                  GError                **error)
{
  g_autofree char *line = NULL;
  g_autofree char *answer_line = NULL;
  g_autoptr (JsonNode) root = NULL;
  JsonObject *answer;

  g_return_val_if_fail (server != NULL, NULL);
  g_return_val_if_fail (command_json != NULL && strchr (command_json, '\n') == NULL, NULL);

  line = g_strconcat (command_json, "\n", NULL);
  if (!g_output_stream_write_all (server->commands, line, strlen (line), NULL, NULL, error)
      || !g_output_stream_flush (server->commands, NULL, error))
    return NULL;

  answer_line = read_answer_line (server, ANSWER_TIMEOUT_S, error);
  if (answer_line == NULL)
    return NULL;
  answer = parse_object (answer_line, &root, error);
  if (answer == NULL)
    return NULL;
  if (!json_object_get_boolean_member_with_default (answer, "ok", FALSE))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "The FHIR test server refused %s: %s",
                   command_json, json_object_get_string_member_with_default (answer, "error", "?"));
      return NULL;
    }

  return g_steal_pointer (&root);
}

guint
consult_test_fhir_server_count (ConsultTestFhirServer *server,
                                const char            *resource_type)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) answer = NULL;
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) command_node = NULL;
  g_autofree char *command = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "cmd");
  json_builder_add_string_value (builder, "count");
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, resource_type);
  json_builder_end_object (builder);
  command_node = json_builder_get_root (builder);
  command = json_to_string (command_node, FALSE);

  answer = consult_test_fhir_server_command (server, command, &error);
  ck_assert_msg (answer != NULL, "count %s: %s", resource_type, error != NULL ? error->message : "");

  return json_object_get_int_member (json_node_get_object (answer), "count");
}

void
consult_test_fhir_server_use_untrusted_certificate (ConsultTestFhirServer *server,
                                                    gboolean               untrusted)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) answer = NULL;

  answer = consult_test_fhir_server_command (server,
                                             untrusted
                                             ? "{\"cmd\":\"certificate\",\"which\":\"untrusted\"}"
                                             : "{\"cmd\":\"certificate\",\"which\":\"trusted\"}",
                                             &error);
  ck_assert_msg (answer != NULL, "certificate: %s", error != NULL ? error->message : "");
}
