/* consult-store-ids.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-store"

#include "config.h"

#include "consult-store-private.h"

#define UNIX_MS_MASK G_GUINT64_CONSTANT (0xffffffffffff)

/* A new record's id: an RFC 9562 UUID version 7, written like any other
 * UUID.  Its first 48 bits are the Unix time in milliseconds, so ids made
 * later sort later and each save's entries in the id indexes (and in those
 * that lead with a client, consultation or plan id made since) land on the
 * few leaf pages that the last saves touched, instead of on random pages of
 * a large index that must first be read from disk.  In a new database that
 * is the right-hand edge; among the random version 4 ids of older records it
 * is one growing band, since today's times all begin with 01.  Those older
 * ids stay valid: the store never reads a version, a time or an order out
 * of an id, and a clock stepped back costs locality, not correctness.
 *
 * Within one millisecond the order is random (the RFC's method without a
 * counter): the ids of one millisecond share their page anyway, so a
 * monotonic counter would buy no locality, only state to keep per store.
 * Its 74 random bits (GLib's generator, as for the version 4 ids before)
 * keep ids distinct. */
char *
_consult_store_new_id (void)
{
  guint64 unix_ms = (guint64) (g_get_real_time () / 1000) & UNIX_MS_MASK;
  guint32 r1 = g_random_int ();
  guint32 r2 = g_random_int ();
  guint32 r3 = g_random_int ();
  guint rand_a = r1 & 0x0fff;
  guint rand_b_high = (r1 >> 12) & 0x3fff;
  guint64 rand_b_low = ((guint64) r2 << 16) | (r3 & 0xffff);

  return g_strdup_printf ("%08x-%04x-%04x-%04x-%012" G_GINT64_MODIFIER "x",
                          (guint) (unix_ms >> 16),
                          (guint) (unix_ms & 0xffff),
                          0x7000 | rand_a,
                          0x8000 | rand_b_high,
                          rand_b_low);
}
