/* consult-store-error.h
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CONSULT_STORE_ERROR (consult_store_error_quark ())

/* What went wrong, in terms a caller can act on: each code maps to one
 * thing to tell the person at the desk. */
typedef enum
{
  CONSULT_STORE_ERROR_FAILED,
  CONSULT_STORE_ERROR_BUSY,       /* another program holds the database */
  CONSULT_STORE_ERROR_READ_ONLY,  /* the file or its folder is not writable */
  CONSULT_STORE_ERROR_FULL,       /* the disk (or the size limit) is full */
  CONSULT_STORE_ERROR_CORRUPT,    /* damaged file or broken audit chain */
  CONSULT_STORE_ERROR_TOO_NEW,    /* written by a newer MedSpa Consult */
  CONSULT_STORE_ERROR_NOT_FOUND,  /* no record with that id */
  CONSULT_STORE_ERROR_IMMUTABLE,  /* a signed plan or an audit row */
  CONSULT_STORE_ERROR_INVALID,    /* the values given are not acceptable */
  CONSULT_STORE_ERROR_MIGRATION,  /* a schema upgrade failed; rolled back */
  CONSULT_STORE_ERROR_IO,         /* the operating system refused a read/write */
  CONSULT_STORE_ERROR_CONFLICT,   /* the record changed meanwhile (an outbox entry was replaced) */
} ConsultStoreError;

GQuark consult_store_error_quark (void);

G_END_DECLS
