/* consult-test-fhir-request.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-test-fhir-server"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "consult-test-fhir-server.h"

/* A minimal HTTP/1.1 client over GIO's TLS (glib-networking): enough to
 * check the test server independently of the app's libcurl code. One
 * request per connection ("Connection: close"), blocking, with a socket
 * timeout. */

#define REQUEST_TIMEOUT_S 30

static void
on_client_event (GSocketClient      *client,
                 GSocketClientEvent  event,
                 GSocketConnectable *connectable,
                 GIOStream          *connection,
                 gpointer            user_data)
{
  GTlsDatabase *database = user_data;

  if (event == G_SOCKET_CLIENT_TLS_HANDSHAKING)
    {
      g_tls_connection_set_database (G_TLS_CONNECTION (connection), database);
      /* The body is delimited by Content-Length, which is checked below. */
      g_tls_connection_set_require_close_notify (G_TLS_CONNECTION (connection), FALSE);
    }
}

static char *
build_request (ConsultTestFhirServer *server,
               const char            *method,
               const char            *path,
               const char            *body,
               const char            *token)
{
  g_autoptr (GString) request = g_string_new (NULL);
  g_autofree char *base_path = NULL;
  const char *after_host = strchr (consult_test_fhir_server_get_base_url (server) + strlen ("https://"), '/');

  base_path = g_strdup (after_host);
  g_string_append_printf (request, "%s %s%s HTTP/1.1\r\n", method, base_path, path);
  g_string_append_printf (request, "Host: 127.0.0.1:%u\r\n", consult_test_fhir_server_get_port (server));
  g_string_append (request, "Accept: application/fhir+json\r\nConnection: close\r\n");
  if (token != NULL)
    g_string_append_printf (request, "Authorization: Bearer %s\r\n", token);
  if (body != NULL)
    g_string_append_printf (request, "Content-Type: application/fhir+json\r\nContent-Length: %zu\r\n",
                            strlen (body));
  g_string_append (request, "\r\n");
  if (body != NULL)
    g_string_append (request, body);

  return g_string_free (g_steal_pointer (&request), FALSE);
}

static GBytes *
read_until_closed (GInputStream  *input,
                   GError       **error)
{
  g_autoptr (GByteArray) received = g_byte_array_new ();
  guint8 buffer[8192];

  for (;;)
    {
      gssize n = g_input_stream_read (input, buffer, sizeof buffer, NULL, error);

      if (n < 0)
        return NULL;
      if (n == 0)
        break;
      g_byte_array_append (received, buffer, n);
    }
  g_byte_array_append (received, (const guint8 *) "", 1);

  return g_byte_array_free_to_bytes (g_steal_pointer (&received));
}

/* Case-insensitively, the value of header NAME among LINES (the status
 * line first), or NULL. */
static char *
find_header (char       **lines,
             const char  *name)
{
  gsize name_length = strlen (name);

  for (gsize i = 1; lines[i] != NULL; i++)
    {
      if (g_ascii_strncasecmp (lines[i], name, name_length) == 0 && lines[i][name_length] == ':')
        return g_strstrip (g_strdup (lines[i] + name_length + 1));
    }

  return NULL;
}

static ConsultTestFhirResponse *
parse_response (const char  *text,
                GError     **error)
{
  g_autoptr (ConsultTestFhirResponse) response = g_new0 (ConsultTestFhirResponse, 1);
  const char *end_of_head = strstr (text, "\r\n\r\n");
  const char *body;
  g_autofree char *head = NULL;
  g_autofree char *length = NULL;
  g_auto (GStrv) lines = NULL;

  if (end_of_head == NULL || sscanf (text, "HTTP/1.1 %u ", &response->status) != 1)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "Not an HTTP/1.1 response");
      return NULL;
    }
  head = g_strndup (text, end_of_head - text);
  lines = g_strsplit (head, "\r\n", -1);
  response->retry_after = find_header (lines, "Retry-After");
  length = find_header (lines, "Content-Length");
  body = end_of_head + 4;
  if (length == NULL || g_ascii_strtoull (length, NULL, 10) != strlen (body))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT,
                   "The response body does not have its Content-Length (%s)", length ? length : "none");
      return NULL;
    }
  if (*body != '\0')
    {
      g_autoptr (JsonParser) parser = json_parser_new ();

      if (!json_parser_load_from_data (parser, body, -1, error))
        return NULL;
      response->body = json_node_copy (json_parser_get_root (parser));
    }

  return g_steal_pointer (&response);
}

ConsultTestFhirResponse *
consult_test_fhir_server_request (ConsultTestFhirServer  *server,
                                  const char             *method,
                                  const char             *path,
                                  const char             *body,
                                  const char             *token,
                                  GError                **error)
{
  g_autoptr (GTlsDatabase) database = NULL;
  g_autoptr (GSocketClient) client = g_socket_client_new ();
  g_autoptr (GSocketConnection) connection = NULL;
  g_autofree char *request = NULL;
  g_autoptr (GBytes) received = NULL;

  g_return_val_if_fail (server != NULL, NULL);
  g_return_val_if_fail (method != NULL && path != NULL, NULL);

  database = g_tls_file_database_new (consult_test_fhir_server_get_ca_file (server), error);
  if (database == NULL)
    return NULL;

  g_socket_client_set_tls (client, TRUE);
  g_socket_client_set_timeout (client, REQUEST_TIMEOUT_S);
  g_signal_connect (client, "event", G_CALLBACK (on_client_event), database);
  connection = g_socket_client_connect_to_host (client, "127.0.0.1", consult_test_fhir_server_get_port (server),
                                                NULL, error);
  if (connection == NULL)
    return NULL;

  request = build_request (server, method, path, body, token);
  if (!g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (connection)),
                                  request, strlen (request), NULL, NULL, error))
    return NULL;

  received = read_until_closed (g_io_stream_get_input_stream (G_IO_STREAM (connection)), error);
  if (received == NULL)
    return NULL;

  return parse_response (g_bytes_get_data (received, NULL), error);
}

void
consult_test_fhir_response_free (ConsultTestFhirResponse *response)
{
  if (response == NULL)
    return;

  g_free (response->retry_after);
  g_clear_pointer (&response->body, json_node_unref);
  g_free (response);
}
