/* consult-intake-wizard.h
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "consult-catalogue.h"
#include "consult-intake.h"

G_BEGIN_DECLS

#define CONSULT_TYPE_INTAKE_WIZARD (consult_intake_wizard_get_type ())

G_DECLARE_FINAL_TYPE (ConsultIntakeWizard, consult_intake_wizard, CONSULT, INTAKE_WIZARD, GtkWidget)

void           consult_intake_wizard_set_catalogue (ConsultIntakeWizard *self,
                                                    ConsultCatalogue    *catalogue);
ConsultIntake *consult_intake_wizard_get_intake    (ConsultIntakeWizard *self);
void           consult_intake_wizard_set_intake    (ConsultIntakeWizard *self,
                                                    ConsultIntake       *intake);
void           consult_intake_wizard_show_problems (ConsultIntakeWizard *self,
                                                    GPtrArray           *problems);
const char    *consult_intake_wizard_get_page      (ConsultIntakeWizard *self);
void           consult_intake_wizard_set_page      (ConsultIntakeWizard *self,
                                                    const char          *name);
GtkWidget     *consult_intake_wizard_get_field_widget (ConsultIntakeWizard *self,
                                                       const char          *path);

G_END_DECLS
