/* consult-client-list.h
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "consult-client-summary.h"
#include "consult-store.h"

G_BEGIN_DECLS

#define CONSULT_TYPE_CLIENT_LIST (consult_client_list_get_type ())

G_DECLARE_FINAL_TYPE (ConsultClientList, consult_client_list, CONSULT, CLIENT_LIST, GObject)

typedef enum
{
  CONSULT_CLIENT_SEARCH_DEFAULT          = 0,
  CONSULT_CLIENT_SEARCH_INCLUDE_ARCHIVED = 1 << 0,
  /* Also match words of every consultation's notes.  Off by default: a
   * short prefix of a common word matches most of a clinic's history,
   * which is too slow for search as you type (docs/performance.md). */
  CONSULT_CLIENT_SEARCH_NOTES            = 1 << 1,
} ConsultClientSearchFlags;

/* A GListModel of ConsultClientSummary: the clients matching @text (as
 * typed: every word is a prefix of a name, phone number or e-mail, or
 * with CONSULT_CLIENT_SEARCH_NOTES of a word of a consultation's notes),
 * or all clients when @text is empty, in name order.  Built for a
 * GtkListView over 100,000 clients: the size comes from a COUNT, the
 * first page of 50 rows is read with it, and the others when first asked
 * for, each found by the key of the row before it (never by OFFSET), so
 * reading on costs about a page of rows; the first jump far down reads
 * the order of all the rows once.  The last few pages are cached.
 * Searches run on the store's own read-only connection, so they see
 * committed writes only and never wait behind a save.  The list is a
 * snapshot: call consult_client_list_refresh() after writing. */
ConsultClientList *consult_client_list_new              (ConsultStore       *store,
                                                         const char         *text,
                                                         ConsultClientSearchFlags flags,
                                                         GError            **error);
/* Like consult_client_list_new(), but where counting is a query of its
 * own (all clients, or a search of the notes) the list holds only the
 * rows read: its first page, or those consult_client_list_prefetch()
 * reads on.  It is counted once those rows end before a page does, or
 * by consult_client_list_count_async(): that counts in a worker thread
 * and its finish adds the other rows at the end, in one
 * GListModel::items-changed (unless consult_client_list_refresh() has
 * counted the list meanwhile).  A search by name is counted at once:
 * its first page needs all its hits. */
ConsultClientList *consult_client_list_new_uncounted    (ConsultStore       *store,
                                                         const char         *text,
                                                         ConsultClientSearchFlags flags,
                                                         GError            **error);
gboolean           consult_client_list_is_counted       (ConsultClientList  *self);
void               consult_client_list_count_async      (ConsultClientList  *self,
                                                         GCancellable       *cancellable,
                                                         GAsyncReadyCallback callback,
                                                         gpointer            user_data);
gboolean           consult_client_list_count_finish     (ConsultClientList  *self,
                                                         GAsyncResult       *result,
                                                         GError            **error);
gboolean           consult_client_list_refresh          (ConsultClientList  *self,
                                                         GError            **error);
gboolean           consult_client_list_prefetch         (ConsultClientList  *self,
                                                         guint               n_items,
                                                         GError            **error);
ConsultClientSearchFlags consult_client_list_get_flags (ConsultClientList  *self);

/* The safe FTS5 query for what a person typed: each word quoted (so that
 * quotes, operators and column filters are plain text) and matched as a
 * prefix.  NULL when @text holds no letter or digit. */
char              *consult_store_search_query           (const char         *text);

G_END_DECLS
