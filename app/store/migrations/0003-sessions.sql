-- 0003-sessions.sql: treatment sessions given, for progress against a
-- signed plan.
--
-- Copyright 2026 The MedSpa Consult authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- A session is a clinical record: once written it never changes and is
-- never deleted (a mistake is corrected by a note on a later session).

CREATE TABLE treatment_sessions (
  num             INTEGER PRIMARY KEY,
  id              TEXT NOT NULL UNIQUE CHECK (length (id) = 36),
  plan_id         TEXT NOT NULL REFERENCES plan_versions (id) ON DELETE RESTRICT,
  treatment       TEXT NOT NULL,
  performed_on    TEXT NOT NULL,
  performer       TEXT NOT NULL,
  product         TEXT NOT NULL DEFAULT '',
  lot_number      TEXT NOT NULL DEFAULT '',
  notes           TEXT NOT NULL DEFAULT '',
  recorded_by     TEXT NOT NULL,
  recorded_at     INTEGER NOT NULL
);
CREATE INDEX treatment_sessions_plan ON treatment_sessions (plan_id, performed_on);

CREATE TRIGGER treatment_sessions_only_for_signed_plans
BEFORE INSERT ON treatment_sessions
WHEN (SELECT status FROM plan_versions WHERE id = NEW.plan_id) IS NOT 'signed'
BEGIN
  SELECT RAISE (ABORT, 'immutable: sessions are recorded against a signed plan only');
END;

CREATE TRIGGER treatment_sessions_no_update
BEFORE UPDATE ON treatment_sessions
BEGIN
  SELECT RAISE (ABORT, 'immutable: a session record never changes');
END;

CREATE TRIGGER treatment_sessions_no_delete
BEFORE DELETE ON treatment_sessions
BEGIN
  SELECT RAISE (ABORT, 'immutable: a session record is never deleted');
END;
