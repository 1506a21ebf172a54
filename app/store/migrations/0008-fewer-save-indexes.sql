-- 0008-fewer-save-indexes.sql: fewer index pages for a save to write.
--
-- Copyright 2026 The MedSpa Consult authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- A save of a new client's consultation writes one row in each of
-- clients, consultations, plan_versions and fhir_outbox, and an entry
-- in every index of those tables: mostly a page of its own in a large
-- index, which the commit writes to the WAL and waits to sync.  Checked
-- against the plans SQLite makes for every statement of the store
-- (EXPLAIN QUERY PLAN, schema 6), three pairs of indexes become one
-- each; every statement still finds its rows through an index.
--
-- Left as they are, each needed: the UNIQUE ids (lookups by id, and the
-- parent keys of the foreign keys); clients_identity (finding a
-- returning client); fhir_outbox_consultation (a consultation's outbox
-- state, the entries a sign-off replaces, and the ON DELETE RESTRICT
-- check of consultations); and all four indexes of plan_versions: the
-- UNIQUE (consultation_id, version) and plan_versions_one_draft enforce
-- rules, and plan_versions_timeline holds the columns the timeline
-- reads, which in the table lie beyond the plan JSON.

-- fhir_outbox_due (next_attempt_at) WHERE state = 'pending': no
-- statement's plan uses it.  SQLite answers "the due entries, oldest
-- first", the earliest next attempt and "Send now" through
-- fhir_outbox_state (state), whose entries of one state are in num
-- order, as the due list is.  The column the due index added goes at
-- the end of fhir_outbox_state instead, after num so that the order
-- stays: the earliest next attempt (consult_store_outbox_get_counts)
-- and the due test of each pending entry are then read from this index
-- rather than from every pending row of the table.
DROP INDEX fhir_outbox_due;
DROP INDEX fhir_outbox_state;
CREATE INDEX fhir_outbox_state ON fhir_outbox (state, num, next_attempt_at);

-- fhir_outbox_plan (plan_id, state) and the unique fhir_outbox_one_unsent
-- (plan_id) WHERE state IN ('pending', 'failed') become one unique index
-- that every query by plan_id searches.  Its second column is 1 for an
-- entry waiting to be sent and NULL for any other; NULLs are distinct in
-- a unique index, so it refuses a second waiting entry for a plan
-- version, as fhir_outbox_one_unsent did, and nothing else.  A plan
-- version has a few entries (one per write of it), and each statement
-- reads their rows for the state it asks about.
DROP INDEX fhir_outbox_one_unsent;
DROP INDEX fhir_outbox_plan;
CREATE UNIQUE INDEX fhir_outbox_plan
  ON fhir_outbox (plan_id, CASE WHEN state IN ('pending', 'failed') THEN 1 END);

-- clients_active_order (archived, sort_key, num) and clients_order
-- (sort_key, num) listed the active clients and all clients in name
-- order.  One index in name order that also holds archived serves both
-- lists: the list of active clients walks it in the same order and
-- skips the archived ones within the index, and its count reads the
-- whole index where it read the part of clients_active_order that holds
-- the active clients (the same entries, plus those of archived clients).
DROP INDEX clients_active_order;
DROP INDEX clients_order;
CREATE INDEX clients_order ON clients (sort_key, num, archived);

-- And one index more, which no save writes: discarding a draft deletes
-- its plan version, and the foreign key superseded_by has SQLite look
-- for any version that names it, without an index by reading every plan
-- version (9 s with a cold cache at a million of them).  Only versions
-- amended after signing name one, so the index holds those alone.
CREATE INDEX plan_versions_superseded_by ON plan_versions (superseded_by)
  WHERE superseded_by IS NOT NULL;
