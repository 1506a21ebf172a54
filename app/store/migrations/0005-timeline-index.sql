-- 0005-timeline-index.sql: a client's timeline from the indexes alone.
--
-- Copyright 2026 The MedSpa Consult authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- consult_store_get_timeline() lists a client's consultations and their
-- plan versions.  Each consultation row holds its intake snapshot and
-- each plan version its plan JSON, so reading those rows for a few
-- columns cost a page read per row, scattered over years of history.
-- These indexes hold every column the timeline reads.

-- Replaces consultations (client_id, recorded_at), a prefix of it.
DROP INDEX consultations_client;
CREATE INDEX consultations_client ON consultations
  (client_id, recorded_at, id, consultation_date, consultant);

CREATE INDEX plan_versions_timeline ON plan_versions
  (consultation_id, version, id, status, author, created_at, physician, signed_at);
