-- 0002-search-status.sql: index whether a client is archived in the
-- full-text index itself, so that a search counts and pages the active
-- clients without reading each matching client's row.
--
-- Copyright 2026 The MedSpa Consult authors
-- SPDX-License-Identifier: GPL-3.0-or-later

ALTER TABLE clients ADD COLUMN search_status TEXT
  GENERATED ALWAYS AS (CASE archived WHEN 0 THEN 'active' ELSE 'archived' END) VIRTUAL;

DROP TRIGGER clients_fts_insert;
DROP TRIGGER clients_fts_delete;
DROP TRIGGER clients_fts_update;
DROP TABLE client_fts;

CREATE VIRTUAL TABLE client_fts USING fts5 (
  given_name, family_name, email, phone, phone_digits, search_status,
  content = 'clients', content_rowid = 'num',
  tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3'
);

CREATE TRIGGER clients_fts_insert AFTER INSERT ON clients
BEGIN
  INSERT INTO client_fts (rowid, given_name, family_name, email, phone, phone_digits, search_status)
  VALUES (NEW.num, NEW.given_name, NEW.family_name, NEW.email, NEW.phone, NEW.phone_digits,
          NEW.search_status);
END;

CREATE TRIGGER clients_fts_delete AFTER DELETE ON clients
BEGIN
  INSERT INTO client_fts (client_fts, rowid, given_name, family_name, email, phone, phone_digits,
                          search_status)
  VALUES ('delete', OLD.num, OLD.given_name, OLD.family_name, OLD.email, OLD.phone,
          OLD.phone_digits, OLD.search_status);
END;

CREATE TRIGGER clients_fts_update
AFTER UPDATE OF given_name, family_name, email, phone, archived ON clients
BEGIN
  INSERT INTO client_fts (client_fts, rowid, given_name, family_name, email, phone, phone_digits,
                          search_status)
  VALUES ('delete', OLD.num, OLD.given_name, OLD.family_name, OLD.email, OLD.phone,
          OLD.phone_digits, OLD.search_status);
  INSERT INTO client_fts (rowid, given_name, family_name, email, phone, phone_digits, search_status)
  VALUES (NEW.num, NEW.given_name, NEW.family_name, NEW.email, NEW.phone, NEW.phone_digits,
          NEW.search_status);
END;

INSERT INTO client_fts (client_fts) VALUES ('rebuild');
