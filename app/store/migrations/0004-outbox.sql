-- 0004-outbox.sql: what is still to be sent to the clinic's FHIR server,
-- and the ids the server gave to what was sent.
--
-- Copyright 2026 The MedSpa Consult authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- The outbox holds references, never payloads: a plan version's Bundle is
-- built from the store's current state when it is sent.  Entries are
-- written by consult-store-outbox.c inside the same transaction as the
-- write that makes them necessary.

CREATE TABLE fhir_outbox (
  num              INTEGER PRIMARY KEY,
  id               TEXT NOT NULL UNIQUE CHECK (length (id) = 36),
  -- No foreign key: a discarded draft takes its unsent entries with it,
  -- but the fact that a version reached the server is kept (see the
  -- triggers below); the insert trigger checks that the plan exists.
  plan_id          TEXT NOT NULL CHECK (length (plan_id) = 36),
  consultation_id  TEXT NOT NULL REFERENCES consultations (id) ON DELETE RESTRICT,
  client_id        TEXT NOT NULL REFERENCES clients (id) ON DELETE RESTRICT,
  state            TEXT NOT NULL DEFAULT 'pending'
                   CHECK (state IN ('pending', 'sent', 'failed', 'superseded')),
  attempts         INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  enqueued_at      INTEGER NOT NULL,
  next_attempt_at  INTEGER NOT NULL,
  sent_at          INTEGER,
  -- HTTP status of the last attempt; 0 for none or a network failure
  last_status      INTEGER NOT NULL DEFAULT 0 CHECK (last_status BETWEEN 0 AND 999),
  last_error       TEXT,
  CHECK ((state = 'sent') = (sent_at IS NOT NULL))
);
CREATE INDEX fhir_outbox_due ON fhir_outbox (next_attempt_at) WHERE state = 'pending';
CREATE INDEX fhir_outbox_state ON fhir_outbox (state);
CREATE INDEX fhir_outbox_plan ON fhir_outbox (plan_id, state);
CREATE INDEX fhir_outbox_consultation ON fhir_outbox (consultation_id);

-- Newer content of a plan version replaces its unsent entry, so at most
-- one entry per version is waiting at any time.
CREATE UNIQUE INDEX fhir_outbox_one_unsent
  ON fhir_outbox (plan_id) WHERE state IN ('pending', 'failed');

CREATE TRIGGER fhir_outbox_plan_exists
BEFORE INSERT ON fhir_outbox
WHEN NOT EXISTS (SELECT 1 FROM plan_versions
                 WHERE id = NEW.plan_id AND consultation_id = NEW.consultation_id)
BEGIN
  SELECT RAISE (ABORT, 'outbox: no such plan version in that consultation');
END;

-- What reached the server, and what was replaced before it did, is
-- history: it never changes and is never deleted.
CREATE TRIGGER fhir_outbox_done_immutable
BEFORE UPDATE ON fhir_outbox
WHEN OLD.state IN ('sent', 'superseded')
BEGIN
  SELECT RAISE (ABORT, 'immutable: a sent or superseded outbox entry never changes');
END;

CREATE TRIGGER fhir_outbox_sent_undeletable
BEFORE DELETE ON fhir_outbox
WHEN OLD.state = 'sent'
BEGIN
  SELECT RAISE (ABORT, 'immutable: the record of a sent entry is kept');
END;

CREATE TRIGGER fhir_outbox_identity
BEFORE UPDATE OF num, id, plan_id, consultation_id, client_id, enqueued_at ON fhir_outbox
WHEN NEW.num IS NOT OLD.num OR NEW.id IS NOT OLD.id
  OR NEW.plan_id IS NOT OLD.plan_id OR NEW.consultation_id IS NOT OLD.consultation_id
  OR NEW.client_id IS NOT OLD.client_id OR NEW.enqueued_at IS NOT OLD.enqueued_at
BEGIN
  SELECT RAISE (ABORT, 'immutable: an outbox entry keeps its identity');
END;

-- The server's logical id (and version id) of each record it holds, for
-- version-aware updates.  @record_id is our UUID of the client,
-- consultation, plan version or consent.
CREATE TABLE fhir_server_ids (
  num            INTEGER PRIMARY KEY,
  resource_type  TEXT NOT NULL CHECK (length (resource_type) > 0),
  record_id      TEXT NOT NULL CHECK (length (record_id) > 0),
  server_id      TEXT NOT NULL CHECK (length (server_id) > 0),
  version_id     TEXT,
  updated_at     INTEGER NOT NULL,
  UNIQUE (resource_type, record_id)
);

-- A database written before the outbox existed catches up: the plan
-- versions in force (drafts and signed ones, oldest first) are queued, due
-- now.  Superseded versions are left out, as they would have been had the
-- outbox existed.  Times are microseconds since the Unix epoch.
INSERT INTO fhir_outbox (id, plan_id, consultation_id, client_id, enqueued_at, next_attempt_at)
SELECT lower (hex (randomblob (4))) || '-' || lower (hex (randomblob (2))) || '-4' ||
       substr (lower (hex (randomblob (2))), 2) || '-' ||
       substr ('89ab', 1 + abs (random () % 4), 1) ||
       substr (lower (hex (randomblob (2))), 2) || '-' || lower (hex (randomblob (6))),
       p.id, p.consultation_id, k.client_id,
       CAST (strftime ('%s', 'now') AS INTEGER) * 1000000,
       CAST (strftime ('%s', 'now') AS INTEGER) * 1000000
FROM plan_versions p JOIN consultations k ON k.id = p.consultation_id
WHERE p.status IN ('draft', 'signed')
ORDER BY p.num;
