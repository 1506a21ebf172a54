/* consult-context.c
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "consult-context"

#include "config.h"

#include "consult-context.h"

/* The services the windows and pages share, handed to them at
 * construction rather than fetched from the application, so that every
 * widget can be built in a test with a context of the test's own. */
struct _ConsultContext
{
  GObject           parent_instance;

  ConsultCatalogue      *catalogue;
  ConsultPlanner        *planner;
  ConsultStore          *store;     /* NULL when the records could not be opened */
  GSettings             *settings;
  ConsultSyncController *sync;      /* NULL without a store */
};

G_DEFINE_FINAL_TYPE (ConsultContext, consult_context, G_TYPE_OBJECT)

ConsultContext *
consult_context_new (ConsultCatalogue *catalogue,
                     ConsultStore     *store,
                     GSettings        *settings)
{
  ConsultContext *self;

  g_return_val_if_fail (CONSULT_IS_CATALOGUE (catalogue), NULL);
  g_return_val_if_fail (!store || CONSULT_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (CONSULT_TYPE_CONTEXT, NULL);
  self->catalogue = g_object_ref (catalogue);
  self->planner = consult_planner_new (catalogue);
  self->store = store != NULL ? g_object_ref (store) : NULL;
  self->settings = g_object_ref (settings);
  if (store != NULL)
    self->sync = consult_sync_controller_new (store, catalogue, settings);

  return self;
}

ConsultCatalogue *
consult_context_get_catalogue (ConsultContext *self)
{
  g_return_val_if_fail (CONSULT_IS_CONTEXT (self), NULL);

  return self->catalogue;
}

ConsultPlanner *
consult_context_get_planner (ConsultContext *self)
{
  g_return_val_if_fail (CONSULT_IS_CONTEXT (self), NULL);

  return self->planner;
}

GSettings *
consult_context_get_settings (ConsultContext *self)
{
  g_return_val_if_fail (CONSULT_IS_CONTEXT (self), NULL);

  return self->settings;
}

ConsultStore *
consult_context_get_store (ConsultContext *self)
{
  g_return_val_if_fail (CONSULT_IS_CONTEXT (self), NULL);

  return self->store;
}

/* NULL when the records could not be opened: nothing can be sent. */
ConsultSyncController *
consult_context_get_sync (ConsultContext *self)
{
  g_return_val_if_fail (CONSULT_IS_CONTEXT (self), NULL);

  return self->sync;
}

static void
consult_context_dispose (GObject *object)
{
  ConsultContext *self = CONSULT_CONTEXT (object);

  g_clear_object (&self->sync);
  g_clear_object (&self->planner);
  g_clear_object (&self->catalogue);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (consult_context_parent_class)->dispose (object);
}

static void
consult_context_class_init (ConsultContextClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = consult_context_dispose;
}

static void
consult_context_init (ConsultContext *self)
{
}
