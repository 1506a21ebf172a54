/* consult-treatment-picker.h
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

#define CONSULT_TYPE_TREATMENT_PICKER (consult_treatment_picker_get_type ())

G_DECLARE_FINAL_TYPE (ConsultTreatmentPicker, consult_treatment_picker, CONSULT, TREATMENT_PICKER, AdwPreferencesGroup)

void consult_treatment_picker_set_catalogue (ConsultTreatmentPicker *self,
                                             ConsultCatalogue       *catalogue);
void consult_treatment_picker_set_intake    (ConsultTreatmentPicker *self,
                                             ConsultIntake          *intake);

G_END_DECLS
