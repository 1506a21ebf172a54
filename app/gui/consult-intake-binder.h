/* consult-intake-binder.h
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "consult-intake.h"

G_BEGIN_DECLS

#define CONSULT_TYPE_INTAKE_BINDER (consult_intake_binder_get_type ())

G_DECLARE_FINAL_TYPE (ConsultIntakeBinder, consult_intake_binder, CONSULT, INTAKE_BINDER, GObject)

ConsultIntakeBinder *consult_intake_binder_new           (void);
void                 consult_intake_binder_bind_tree     (ConsultIntakeBinder *self,
                                                          GtkWidget           *root);
ConsultIntake       *consult_intake_binder_get_intake    (ConsultIntakeBinder *self);
void                 consult_intake_binder_set_intake    (ConsultIntakeBinder *self,
                                                          ConsultIntake       *intake);
void                 consult_intake_binder_show_problems (ConsultIntakeBinder *self,
                                                          GPtrArray           *problems);
GtkWidget           *consult_intake_binder_get_widget    (ConsultIntakeBinder *self,
                                                          const char          *path);

G_END_DECLS
