/* consult-report-texts.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-report"

#include "config.h"

#include "consult-report-private.h"

/* The catalogue's getters translate into the process locale; the summary
 * needs its texts in the client's language instead, so it keeps the
 * untranslated msgids (by where they are used: "treatment spf: name")
 * and translates them itself. */

static void
collect_text (const char *where,
              const char *msgid,
              gpointer    user_data)
{
  ConsultReport *self = user_data;

  if (msgid == NULL || *msgid == '\0')
    return;

  g_hash_table_insert (self->catalogue_texts, g_strdup (where), (gpointer) msgid);
  g_hash_table_add (self->catalogue_msgids, (gpointer) msgid);
}

void
consult_report_set_catalogue (ConsultReport    *self,
                              ConsultCatalogue *catalogue)
{
  g_return_if_fail (CONSULT_IS_REPORT (self));
  g_return_if_fail (catalogue == NULL || CONSULT_IS_CATALOGUE (catalogue));

  _consult_report_clear_layout (self);
  g_hash_table_remove_all (self->catalogue_texts);
  g_hash_table_remove_all (self->catalogue_msgids);
  g_set_object (&self->catalogue, catalogue);

  if (catalogue != NULL)
    consult_catalogue_foreach_text (catalogue, collect_text, self);
}

const char *
_consult_report_treatment_msgid (ConsultReport *self,
                                 const char    *treatment,
                                 const char    *field)
{
  g_autofree char *where = g_strdup_printf ("treatment %s: %s", treatment, field);

  return g_hash_table_lookup (self->catalogue_texts, where);
}

const char *
_consult_report_treatment_text (ConsultReport *self,
                                const char    *treatment,
                                const char    *field)
{
  const char *msgid = _consult_report_treatment_msgid (self, treatment, field);

  return msgid != NULL ? _consult_report_tr (self, msgid) : NULL;
}

const char *
_consult_report_treatment_name (ConsultReport *self,
                                const char    *treatment)
{
  const char *name = _consult_report_treatment_text (self, treatment, "name");

  return name != NULL ? name : treatment;
}

const char *
_consult_report_known_text (ConsultReport *self,
                            const char    *stored)
{
  if (stored != NULL && g_hash_table_contains (self->catalogue_msgids, stored))
    return _consult_report_tr (self, stored);

  return stored;
}

/* The planner writes an explanation as @lead followed by the rationale of
 * each rule in @rules, space-separated.  When @stored is exactly that
 * text in the catalogue's English, returns the rules' rationales in the
 * report's language (without @lead); otherwise NULL: the text was written
 * in another language or edited, and is printed as stored. */
char *
_consult_report_explain (ConsultReport      *self,
                         const char         *stored,
                         const char         *lead,
                         const char * const *rules)
{
  g_autoptr (GString) english = g_string_new (lead);
  g_autoptr (GString) translated = g_string_new (NULL);

  if (stored == NULL || rules == NULL)
    return NULL;

  for (guint i = 0; rules[i] != NULL; i++)
    {
      g_autofree char *where = g_strdup_printf ("rule %s: rationale", rules[i]);
      const char *msgid = g_hash_table_lookup (self->catalogue_texts, where);

      if (msgid == NULL)
        return NULL;

      if (english->len > 0)
        g_string_append_c (english, ' ');
      g_string_append (english, msgid);
      if (translated->len > 0)
        g_string_append_c (translated, ' ');
      g_string_append (translated, _consult_report_tr (self, msgid));
    }

  if (!g_str_equal (english->str, stored))
    return NULL;

  return g_string_free (g_steal_pointer (&translated), FALSE);
}
