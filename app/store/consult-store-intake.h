/* consult-store-intake.h
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "consult-intake.h"
#include "consult-plan.h"
#include "consult-store.h"

G_BEGIN_DECLS

/* Saves a validated @intake and the @plan computed from it, in one
 * transaction: the client (a returning client, matched by name and date
 * of birth, keeps their record and gets the intake's contact details),
 * a consultation holding the intake snapshot as interchange JSON with
 * the plan's catalogue version and the intake's notes, and the plan as
 * version 1, a draft.  The ids of the three records are returned in
 * @client_id, @consultation_id and @plan_id (each may be NULL).  On any
 * error nothing is written. */
gboolean consult_store_save_intake (ConsultStore   *self,
                                    ConsultIntake  *intake,
                                    ConsultPlan    *plan,
                                    char          **client_id,
                                    char          **consultation_id,
                                    char          **plan_id,
                                    GError        **error);

G_END_DECLS
