-- 0001-initial.sql: the first schema of the MedSpa Consult store.
--
-- Copyright 2026 The MedSpa Consult authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Applied inside one transaction by consult-store-migrations.c, which then
-- sets PRAGMA user_version = 1.  Times are microseconds since the Unix
-- epoch (UTC); calendar dates are ISO 8601 text.  Every table has an
-- INTEGER PRIMARY KEY "num" (the FTS rowid and the cheap join key) and,
-- where records are referred to from outside, a permanent UUID "id".

CREATE TABLE clients (
  num                INTEGER PRIMARY KEY,
  id                 TEXT NOT NULL UNIQUE CHECK (length (id) = 36),
  given_name         TEXT NOT NULL,
  family_name        TEXT NOT NULL,
  date_of_birth      TEXT,
  sex                TEXT NOT NULL DEFAULT 'unknown'
                     CHECK (sex IN ('female', 'male', 'other', 'unknown')),
  phone              TEXT NOT NULL DEFAULT '',
  email              TEXT NOT NULL DEFAULT '',
  preferred_language TEXT NOT NULL DEFAULT '',
  -- casefolded "family given dob": finds the same person on a later visit
  identity_key       TEXT NOT NULL,
  -- casefolded collation key: list order without a per-query collation
  sort_key           TEXT NOT NULL,
  created_at         INTEGER NOT NULL,
  updated_at         INTEGER NOT NULL,
  archived           INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  -- so that "8185550100" finds "+1 (818) 555-0100"
  phone_digits       TEXT GENERATED ALWAYS AS (
    replace (replace (replace (replace (replace (replace (phone,
      ' ', ''), '-', ''), '(', ''), ')', ''), '+', ''), '.', '')) VIRTUAL
);
CREATE INDEX clients_identity ON clients (identity_key);
CREATE INDEX clients_active_order ON clients (archived, sort_key, num);
CREATE INDEX clients_order ON clients (sort_key, num);

CREATE TRIGGER clients_id_permanent
BEFORE UPDATE OF id ON clients
WHEN NEW.id IS NOT OLD.id
BEGIN
  SELECT RAISE (ABORT, 'immutable: client ids are permanent');
END;

CREATE TABLE consultations (
  num               INTEGER PRIMARY KEY,
  id                TEXT NOT NULL UNIQUE CHECK (length (id) = 36),
  client_id         TEXT NOT NULL REFERENCES clients (id) ON DELETE RESTRICT,
  consultant        TEXT NOT NULL,
  consultation_date TEXT NOT NULL,
  recorded_at       INTEGER NOT NULL,
  intake_json       TEXT NOT NULL CHECK (json_valid (intake_json)),
  catalogue_version TEXT NOT NULL,
  notes             TEXT NOT NULL DEFAULT ''
);
CREATE INDEX consultations_client ON consultations (client_id, recorded_at);

-- The intake snapshot is what the plan was computed from: it never changes.
CREATE TRIGGER consultations_snapshot_immutable
BEFORE UPDATE OF id, client_id, intake_json, catalogue_version, recorded_at
ON consultations
BEGIN
  SELECT RAISE (ABORT, 'immutable: a consultation''s intake snapshot never changes');
END;

CREATE TABLE plan_versions (
  num               INTEGER PRIMARY KEY,
  id                TEXT NOT NULL UNIQUE CHECK (length (id) = 36),
  consultation_id   TEXT NOT NULL REFERENCES consultations (id) ON DELETE RESTRICT,
  version           INTEGER NOT NULL CHECK (version >= 1),
  plan_json         TEXT NOT NULL CHECK (json_valid (plan_json)),
  catalogue_version TEXT NOT NULL,
  status            TEXT NOT NULL DEFAULT 'draft'
                    CHECK (status IN ('draft', 'signed', 'superseded')),
  author            TEXT NOT NULL,
  created_at        INTEGER NOT NULL,
  physician         TEXT,
  signed_at         INTEGER,
  superseded_by     TEXT REFERENCES plan_versions (id),
  CHECK ((status = 'draft') = (physician IS NULL)),
  CHECK ((status = 'draft') = (signed_at IS NULL)),
  CHECK ((status = 'superseded') = (superseded_by IS NOT NULL)),
  UNIQUE (consultation_id, version)
);
-- At most one version of a consultation's plan is being edited at a time.
CREATE UNIQUE INDEX plan_versions_one_draft
  ON plan_versions (consultation_id) WHERE status = 'draft';

-- A draft may be edited and then signed; after that the only change ever
-- allowed is "signed -> superseded" by a later signed version, touching
-- nothing but those two columns.
CREATE TRIGGER plan_versions_signed_immutable
BEFORE UPDATE ON plan_versions
WHEN OLD.status <> 'draft'
 AND NOT (OLD.status = 'signed' AND NEW.status = 'superseded'
          AND NEW.num IS OLD.num AND NEW.id IS OLD.id
          AND NEW.consultation_id IS OLD.consultation_id
          AND NEW.version IS OLD.version AND NEW.plan_json IS OLD.plan_json
          AND NEW.catalogue_version IS OLD.catalogue_version
          AND NEW.author IS OLD.author AND NEW.created_at IS OLD.created_at
          AND NEW.physician IS OLD.physician
          AND NEW.signed_at IS OLD.signed_at)
BEGIN
  SELECT RAISE (ABORT, 'immutable: a signed plan version never changes');
END;

CREATE TRIGGER plan_versions_draft_identity
BEFORE UPDATE OF num, id, consultation_id, version, author, created_at
ON plan_versions
WHEN OLD.status = 'draft'
 AND (NEW.num IS NOT OLD.num OR NEW.id IS NOT OLD.id
      OR NEW.consultation_id IS NOT OLD.consultation_id
      OR NEW.version IS NOT OLD.version OR NEW.author IS NOT OLD.author
      OR NEW.created_at IS NOT OLD.created_at)
BEGIN
  SELECT RAISE (ABORT, 'immutable: a plan version keeps its identity');
END;

CREATE TRIGGER plan_versions_signed_undeletable
BEFORE DELETE ON plan_versions
WHEN OLD.status <> 'draft'
BEGIN
  SELECT RAISE (ABORT, 'immutable: a signed plan version is never deleted');
END;

-- The client's consent to a signed plan, as recorded by the GUI: the
-- version of the consent text shown, the date, the name the client typed.
-- Append-only, like the signature it refers to.
CREATE TABLE consents (
  num             INTEGER PRIMARY KEY,
  id              TEXT NOT NULL UNIQUE CHECK (length (id) = 36),
  plan_id         TEXT NOT NULL REFERENCES plan_versions (id) ON DELETE RESTRICT,
  text_version    TEXT NOT NULL,
  consented_on    TEXT NOT NULL,
  typed_name      TEXT NOT NULL,
  recorded_by     TEXT NOT NULL,
  recorded_at     INTEGER NOT NULL
);
CREATE INDEX consents_plan ON consents (plan_id);

CREATE TRIGGER consents_only_for_signed_plans
BEFORE INSERT ON consents
WHEN (SELECT status FROM plan_versions WHERE id = NEW.plan_id) IS NOT 'signed'
BEGIN
  SELECT RAISE (ABORT, 'immutable: consent is recorded for a signed plan only');
END;

CREATE TRIGGER consents_no_update
BEFORE UPDATE ON consents
BEGIN
  SELECT RAISE (ABORT, 'immutable: a consent record never changes');
END;

CREATE TRIGGER consents_no_delete
BEFORE DELETE ON consents
BEGIN
  SELECT RAISE (ABORT, 'immutable: a consent record is never deleted');
END;

-- The intake a consultant is typing, one per workstation and user, so
-- that it survives a crash.
CREATE TABLE intake_drafts (
  workstation TEXT NOT NULL,
  user_name   TEXT NOT NULL,
  intake_json TEXT NOT NULL CHECK (json_valid (intake_json)),
  updated_at  INTEGER NOT NULL,
  PRIMARY KEY (workstation, user_name)
);

-- Hash chain over every write: hash = SHA-256 (prev_hash, canonical row).
-- content_sha256 digests the values written, so no patient data is here.
CREATE TABLE audit (
  id             INTEGER PRIMARY KEY,
  at             INTEGER NOT NULL,
  actor          TEXT NOT NULL,
  action         TEXT NOT NULL,
  table_name     TEXT NOT NULL,
  record_id      TEXT NOT NULL,
  content_sha256 TEXT NOT NULL,
  prev_hash      TEXT NOT NULL,
  hash           TEXT NOT NULL
);

CREATE TRIGGER audit_no_update
BEFORE UPDATE ON audit
BEGIN
  SELECT RAISE (ABORT, 'immutable: the audit trail is append-only');
END;

CREATE TRIGGER audit_no_delete
BEFORE DELETE ON audit
BEGIN
  SELECT RAISE (ABORT, 'immutable: the audit trail is append-only');
END;

-- Search as you type: external-content FTS5 tables kept in sync by
-- triggers, with prefix indexes so that "di" is as quick as "diaz".
CREATE VIRTUAL TABLE client_fts USING fts5 (
  given_name, family_name, email, phone, phone_digits,
  content = 'clients', content_rowid = 'num',
  tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3'
);

CREATE TRIGGER clients_fts_insert AFTER INSERT ON clients
BEGIN
  INSERT INTO client_fts (rowid, given_name, family_name, email, phone, phone_digits)
  VALUES (NEW.num, NEW.given_name, NEW.family_name, NEW.email, NEW.phone, NEW.phone_digits);
END;

CREATE TRIGGER clients_fts_delete AFTER DELETE ON clients
BEGIN
  INSERT INTO client_fts (client_fts, rowid, given_name, family_name, email, phone, phone_digits)
  VALUES ('delete', OLD.num, OLD.given_name, OLD.family_name, OLD.email, OLD.phone, OLD.phone_digits);
END;

CREATE TRIGGER clients_fts_update
AFTER UPDATE OF given_name, family_name, email, phone ON clients
BEGIN
  INSERT INTO client_fts (client_fts, rowid, given_name, family_name, email, phone, phone_digits)
  VALUES ('delete', OLD.num, OLD.given_name, OLD.family_name, OLD.email, OLD.phone, OLD.phone_digits);
  INSERT INTO client_fts (rowid, given_name, family_name, email, phone, phone_digits)
  VALUES (NEW.num, NEW.given_name, NEW.family_name, NEW.email, NEW.phone, NEW.phone_digits);
END;

CREATE VIRTUAL TABLE consultation_fts USING fts5 (
  notes,
  content = 'consultations', content_rowid = 'num',
  tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3'
);

CREATE TRIGGER consultations_fts_insert AFTER INSERT ON consultations
BEGIN
  INSERT INTO consultation_fts (rowid, notes) VALUES (NEW.num, NEW.notes);
END;

CREATE TRIGGER consultations_fts_delete AFTER DELETE ON consultations
BEGIN
  INSERT INTO consultation_fts (consultation_fts, rowid, notes)
  VALUES ('delete', OLD.num, OLD.notes);
END;

CREATE TRIGGER consultations_fts_update AFTER UPDATE OF notes ON consultations
BEGIN
  INSERT INTO consultation_fts (consultation_fts, rowid, notes)
  VALUES ('delete', OLD.num, OLD.notes);
  INSERT INTO consultation_fts (rowid, notes) VALUES (NEW.num, NEW.notes);
END;
