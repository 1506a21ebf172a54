/* consult-test-generate.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "consult-store-clients.h"
#include "consult-test-generate.h"
#include "consult-store-private.h"

static const char *const given_names[] = {
  "Adriana", "Beatriz", "Carmen", "Daniela", "Elena", "Fatima", "Gabriela", "Helena",
  "Irene", "Julia", "Karen", "Laura", "Marta", "Nadia", "Olga", "Paula", "Rosa",
  "Sara", "Teresa", "Valeria", "Andrew", "Bruno", "Carlos", "David", "Ethan",
};

static const char *const family_names[] = {
  "Alvarez", "Brooks", "Castro", "Dominguez", "Evans", "Flores", "Garcia", "Hughes",
  "Iglesias", "Jensen", "Kim", "Lopez", "Moreno", "Nguyen", "Ortega", "Patel",
  "Ramos", "Santos", "Torres", "Usman", "Vargas", "Walker", "Young", "Zamora",
};

gboolean
consult_test_generate_clients (ConsultStore  *store,
                               guint          n,
                               guint32        seed,
                               GError       **error)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed);

  if (!consult_store_begin (store, error))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (ConsultStoreClient) client = consult_store_client_new ();

      client->given_name = g_strdup (given_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (given_names))]);
      /* A number in the family name keeps every client distinct, as the
       * store matches returning clients by name and date of birth. */
      client->family_name = g_strdup_printf ("%s%u",
                                             family_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (family_names))],
                                             i);
      client->date_of_birth = g_strdup_printf ("%04d-%02d-%02d", g_rand_int_range (rand, 1940, 2006),
                                               g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29));
      client->sex = g_strdup (i % 5 == 0 ? "male" : "female");
      client->phone = g_strdup_printf ("+1 818 %03d %04d", g_rand_int_range (rand, 200, 999),
                                       g_rand_int_range (rand, 0, 10000));
      client->email = g_strdup_printf ("client%u@example.org", i);
      client->preferred_language = g_strdup (i % 3 == 0 ? "es" : "en");

      if (!consult_store_save_client (store, client, error))
        {
          consult_store_rollback (store);
          return FALSE;
        }
    }

  /* As a clinic's records would be after a quiet moment, and many times
   * faster than the store's thread writing them a few at a time. */
  if (_consult_store_index_all_pending (store->db) != SQLITE_OK)
    {
      g_set_error (error, CONSULT_STORE_ERROR, CONSULT_STORE_ERROR_IO,
                   "Indexing the clients failed: %s", sqlite3_errmsg (store->db));
      consult_store_rollback (store);
      return FALSE;
    }

  return consult_store_commit (store, error);
}
