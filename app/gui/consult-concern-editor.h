/* consult-concern-editor.h
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "consult-intake.h"

G_BEGIN_DECLS

#define CONSULT_TYPE_CONCERN_EDITOR (consult_concern_editor_get_type ())

G_DECLARE_FINAL_TYPE (ConsultConcernEditor, consult_concern_editor, CONSULT, CONCERN_EDITOR, GtkWidget)

void consult_concern_editor_set_intake (ConsultConcernEditor *self,
                                        ConsultIntake        *intake);

G_END_DECLS
