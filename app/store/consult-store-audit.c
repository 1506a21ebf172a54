/* consult-store-audit.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "consult-store-private.h"

/* The hash the first row links to. */
#define GENESIS_HASH "0000000000000000000000000000000000000000000000000000000000000000"

/* Length-prefixed, so that no two different rows serialise alike
 * ("ab" + "c" vs "a" + "bc"); NULL is distinct from "". */
static void
canonical_append (GString    *out,
                  const char *value)
{
  char length[24];
  gsize len;

  if (value == NULL)
    {
      g_string_append (out, "-;");
      return;
    }

  /* "%zu:%s;" byte for byte, without formatting a whole intake or plan
   * JSON through printf (a copy of it in a temporary string) per row. */
  len = strlen (value);
  g_snprintf (length, sizeof length, "%" G_GSIZE_FORMAT ":", len);
  g_string_append (out, length);
  g_string_append_len (out, value, len);
  g_string_append_c (out, ';');
}

static char *
sha256_hex (const GString *text)
{
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) text->str, text->len);
}

/* The chain link: SHA-256 over the previous row's hash and this row's
 * canonical content. */
static char *
audit_row_hash (gint64      id,
                gint64      at,
                const char *actor,
                const char *action,
                const char *table,
                const char *record_id,
                const char *content_sha256,
                const char *prev_hash)
{
  g_autoptr (GString) text = g_string_new (NULL);
  char number[32];

  canonical_append (text, prev_hash);
  g_snprintf (number, sizeof number, "%" G_GINT64_FORMAT, id);
  canonical_append (text, number);
  g_snprintf (number, sizeof number, "%" G_GINT64_FORMAT, at);
  canonical_append (text, number);
  canonical_append (text, actor);
  canonical_append (text, action);
  canonical_append (text, table);
  canonical_append (text, record_id);
  canonical_append (text, content_sha256);

  return sha256_hex (text);
}

/* Appends the audit row for a write, inside the caller's transaction.
 * @fields is a NULL-terminated list of column name / value pairs (a value
 * may be NULL): only their digest is stored, never the values. */
gboolean
_consult_store_audit_append (ConsultStore       *self,
                             const char         *action,
                             const char         *table,
                             const char         *record_id,
                             const char * const *fields,
                             GError            **error)
{
  g_autoptr (ConsultStoreStmt) last = NULL;
  g_autoptr (ConsultStoreStmt) insert = NULL;
  g_autoptr (GString) content = g_string_new (NULL);
  g_autofree char *content_sha256 = NULL;
  g_autofree char *prev_hash = NULL;
  g_autofree char *hash = NULL;
  gint64 id = 1;
  gint64 at = _consult_store_now ();
  int found;

  g_assert (CONSULT_IS_STORE (self));
  g_assert (!sqlite3_get_autocommit (self->db));

  for (guint i = 0; fields[i] != NULL; i += 2)
    {
      canonical_append (content, fields[i]);
      canonical_append (content, fields[i + 1]);
    }
  content_sha256 = sha256_hex (content);

  last = _consult_store_prepare (self, "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1", error);
  if (last == NULL || (found = _consult_store_step_row (self, last, error)) < 0)
    return FALSE;

  if (found)
    {
      id = sqlite3_column_int64 (last, 0) + 1;
      prev_hash = _consult_store_column_dup (last, 1);
    }
  else
    {
      prev_hash = g_strdup (GENESIS_HASH);
    }

  hash = audit_row_hash (id, at, self->actor, action, table, record_id, content_sha256, prev_hash);

  insert = _consult_store_prepare (self,
                                   "INSERT INTO audit (id, at, actor, action, table_name, "
                                   "record_id, content_sha256, prev_hash, hash) "
                                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (insert == NULL)
    return FALSE;

  sqlite3_bind_int64 (insert, 1, id);
  sqlite3_bind_int64 (insert, 2, at);
  _consult_store_bind_text (insert, 3, self->actor);
  _consult_store_bind_text (insert, 4, action);
  _consult_store_bind_text (insert, 5, table);
  _consult_store_bind_text (insert, 6, record_id);
  _consult_store_bind_text (insert, 7, content_sha256);
  _consult_store_bind_text (insert, 8, prev_hash);
  _consult_store_bind_text (insert, 9, hash);

  return _consult_store_step_done (self, insert, error);
}

static gboolean
check_integrity (sqlite3     *db,
                 const char  *path,
                 GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autofree char *result = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  if (result == NULL)
    {
      _consult_store_set_sqlite_error (error, db, sqlite3_extended_errcode (db), path);
      return FALSE;
    }

  if (g_strcmp0 (result, "ok") != 0)
    {
      /* integrity_check names pages and indexes, never row values. */
      g_set_error (error, CONSULT_STORE_ERROR, CONSULT_STORE_ERROR_CORRUPT,
                   _("The database failed its integrity check: %s"), result);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_audit_row (sqlite3_stmt  *stmt,
                 const char    *expected_prev,
                 gint64         prev_id,
                 GError       **error)
{
  gint64 id = sqlite3_column_int64 (stmt, 0);
  const char *prev_hash = (const char *) sqlite3_column_text (stmt, 7);
  const char *stored = (const char *) sqlite3_column_text (stmt, 8);
  g_autofree char *recomputed = NULL;
  /* Row numbers as text: a G_GINT64_FORMAT would cut the msgid short. */
  g_autofree char *row = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_autofree char *prev_row = g_strdup_printf ("%" G_GINT64_FORMAT, prev_id);

  if (g_strcmp0 (prev_hash, expected_prev) != 0)
    {
      /* TRANSLATORS: the first and third %s are audit row numbers, the
       * others SHA-256 hashes */
      g_set_error (error, CONSULT_STORE_ERROR, CONSULT_STORE_ERROR_CORRUPT,
                   _("The audit chain is broken at row %s: it links to hash %s, "
                     "but the row before it (%s) has hash %s. A row was removed, "
                     "inserted or altered."),
                   row, prev_hash ? prev_hash : "-", prev_row, expected_prev);
      return FALSE;
    }

  recomputed = audit_row_hash (id,
                               sqlite3_column_int64 (stmt, 1),
                               (const char *) sqlite3_column_text (stmt, 2),
                               (const char *) sqlite3_column_text (stmt, 3),
                               (const char *) sqlite3_column_text (stmt, 4),
                               (const char *) sqlite3_column_text (stmt, 5),
                               (const char *) sqlite3_column_text (stmt, 6),
                               prev_hash);
  if (g_strcmp0 (recomputed, stored) != 0)
    {
      /* TRANSLATORS: the first %s is an audit row number, the others
       * SHA-256 hashes */
      g_set_error (error, CONSULT_STORE_ERROR, CONSULT_STORE_ERROR_CORRUPT,
                   _("The audit chain is broken at row %s: its stored hash %s does "
                     "not match its content (hash %s). The row was altered."),
                   row, stored ? stored : "-", recomputed);
      return FALSE;
    }

  return TRUE;
}

/* Works on a bare connection so that `restore` can check a backup file
 * before anything is replaced. */
gboolean
_consult_store_verify_db (sqlite3     *db,
                          const char  *path,
                          gint64      *broken_row,
                          GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autofree char *expected_prev = g_strdup (GENESIS_HASH);
  gint64 prev_id = 0;
  gboolean ok = TRUE;
  int rc;

  if (broken_row != NULL)
    *broken_row = 0;

  if (!check_integrity (db, path, error))
    return FALSE;

  rc = sqlite3_prepare_v2 (db,
                           "SELECT id, at, actor, action, table_name, record_id, "
                           "content_sha256, prev_hash, hash FROM audit ORDER BY id",
                           -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (!check_audit_row (stmt, expected_prev, prev_id, error))
        {
          if (broken_row != NULL)
            *broken_row = sqlite3_column_int64 (stmt, 0);
          ok = FALSE;
          break;
        }

      prev_id = sqlite3_column_int64 (stmt, 0);
      g_free (expected_prev);
      expected_prev = g_strdup ((const char *) sqlite3_column_text (stmt, 8));
      rc = SQLITE_OK;
    }

  if (ok && rc != SQLITE_DONE)
    {
      _consult_store_set_sqlite_error (error, db, sqlite3_extended_errcode (db), path);
      ok = FALSE;
    }

  sqlite3_finalize (stmt);
  return ok;
}
