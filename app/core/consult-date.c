/* consult-date.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-date"

#include "config.h"

#include <string.h>

#include "consult-date.h"

static int
parse_digits (const char *text,
              guint       count)
{
  int value = 0;

  for (guint i = 0; i < count; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return -1;
      value = value * 10 + (text[i] - '0');
    }

  return value;
}

/**
 * consult_date_parse:
 * @text: (nullable): the text to read
 * @date: (out caller-allocates): where to store the date
 *
 * Reads exactly `YYYY-MM-DD`: no sign, no time, no surrounding space and
 * no day that the month does not have (2026-02-30 is refused).
 *
 * Returns: %TRUE when @text is a valid date; otherwise @date is cleared.
 */
gboolean
consult_date_parse (const char *text,
                    GDate      *date)
{
  int year, month, day;

  g_return_val_if_fail (date != NULL, FALSE);

  g_date_clear (date, 1);

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;

  year = parse_digits (text, 4);
  month = parse_digits (text + 5, 2);
  day = parse_digits (text + 8, 2);

  if (year < 1 || month < 1 || month > 12 || day < 1 ||
      !g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

gboolean
consult_date_is_valid_iso (const char *text)
{
  GDate date;

  return consult_date_parse (text, &date);
}

char *
consult_date_format (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u",
                          (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date),
                          (guint) g_date_get_day (date));
}

void
consult_date_add_days (GDate *date,
                       int    days)
{
  g_return_if_fail (date != NULL && g_date_valid (date));

  if (days >= 0)
    g_date_add_days (date, days);
  else
    g_date_subtract_days (date, -(guint) days);
}

void
consult_date_add_weeks (GDate *date,
                        int    weeks)
{
  g_return_if_fail (weeks > G_MININT / 7 && weeks < G_MAXINT / 7);

  consult_date_add_days (date, weeks * 7);
}

/* GDate clamps the day to the target month's length, so 31 January plus
 * one month is 28 (or 29) February, which is what a clinic means. */
void
consult_date_add_months (GDate *date,
                         int    months)
{
  g_return_if_fail (date != NULL && g_date_valid (date));

  if (months >= 0)
    g_date_add_months (date, months);
  else
    g_date_subtract_months (date, -(guint) months);
}

int
consult_date_compare (const GDate *a,
                      const GDate *b)
{
  g_return_val_if_fail (a != NULL && g_date_valid (a), 0);
  g_return_val_if_fail (b != NULL && g_date_valid (b), 0);

  return g_date_compare (a, b);
}

/* Positive when @to is after @from. */
int
consult_date_days_between (const GDate *from,
                           const GDate *to)
{
  g_return_val_if_fail (from != NULL && g_date_valid (from), 0);
  g_return_val_if_fail (to != NULL && g_date_valid (to), 0);

  return g_date_days_between (from, to);
}

/* Whole weeks, rounded towards the past: day 6 is still week 0 and the
 * day before @from is week -1, matching the plan's week numbers. */
int
consult_date_weeks_between (const GDate *from,
                            const GDate *to)
{
  int days = consult_date_days_between (from, to);

  return days >= 0 ? days / 7 : -((-days + 6) / 7);
}
