-- 0007-deferred-full-text.sql: the full-text entries leave the save.
--
-- Copyright 2026 The MedSpa Consult authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Writing client_fts and consultation_fts inside the save was a third of
-- its CPU and a dozen of the pages its commit writes: each full-text
-- index flushes a new segment per commit, for the words and for each of
-- their prefix indexes.  Like the name prefixes since 0006, the triggers
-- now only note what changed, and the store's background thread writes
-- the entries at a quiet moment (consult-store-prefixes.c,
-- consult-store-notes.c).  A search of the notes meanwhile leaves out
-- the entries of what is noted and matches it by its current text.
--
-- Both indexes take their text from the tables ('external content'), so
-- removing an entry needs the text that was indexed: the note keeps it
-- (NULL when nothing is indexed yet).  The first note of a row wins:
-- it alone knows what the index holds.

ALTER TABLE client_prefixes_pending ADD COLUMN indexed_fts TEXT;

-- Until now the triggers kept client_fts current: what it holds for a
-- client already noted is the client as it stands.
UPDATE client_prefixes_pending
SET indexed_fts = (SELECT json_array (c.given_name, c.family_name, c.email, c.phone,
                                      c.phone_digits, c.search_status)
                   FROM clients c WHERE c.num = client_prefixes_pending.num);

DROP TRIGGER clients_fts_insert;
DROP TRIGGER clients_fts_delete;
DROP TRIGGER clients_fts_update;
DROP TRIGGER clients_prefixes_delete;
DROP TRIGGER clients_prefixes_update;

CREATE TRIGGER clients_prefixes_delete AFTER DELETE ON clients
BEGIN
  INSERT OR IGNORE INTO client_prefixes_pending
    (num, indexed_sort_key, indexed_prefixes, indexed_fts)
  VALUES (OLD.num, OLD.sort_key,
          consult_search_prefixes (OLD.given_name, OLD.family_name, OLD.email,
                                   OLD.phone, OLD.phone_digits),
          json_array (OLD.given_name, OLD.family_name, OLD.email, OLD.phone,
                      OLD.phone_digits, OLD.search_status));
END;

CREATE TRIGGER clients_prefixes_update
AFTER UPDATE OF given_name, family_name, email, phone, sort_key, archived ON clients
WHEN OLD.given_name IS NOT NEW.given_name OR OLD.family_name IS NOT NEW.family_name
  OR OLD.email IS NOT NEW.email OR OLD.phone IS NOT NEW.phone
  OR OLD.sort_key IS NOT NEW.sort_key OR OLD.archived IS NOT NEW.archived
BEGIN
  INSERT OR IGNORE INTO client_prefixes_pending
    (num, indexed_sort_key, indexed_prefixes, indexed_fts)
  VALUES (OLD.num, OLD.sort_key,
          consult_search_prefixes (OLD.given_name, OLD.family_name, OLD.email,
                                   OLD.phone, OLD.phone_digits),
          json_array (OLD.given_name, OLD.family_name, OLD.email, OLD.phone,
                      OLD.phone_digits, OLD.search_status));
END;

CREATE TABLE consultation_notes_pending (
  num           INTEGER PRIMARY KEY,
  indexed_notes TEXT
);

DROP TRIGGER consultations_fts_insert;
DROP TRIGGER consultations_fts_delete;
DROP TRIGGER consultations_fts_update;

CREATE TRIGGER consultations_notes_insert AFTER INSERT ON consultations
BEGIN
  INSERT OR IGNORE INTO consultation_notes_pending (num) VALUES (NEW.num);
END;

CREATE TRIGGER consultations_notes_delete AFTER DELETE ON consultations
BEGIN
  INSERT OR IGNORE INTO consultation_notes_pending (num, indexed_notes)
  VALUES (OLD.num, OLD.notes);
END;

CREATE TRIGGER consultations_notes_update AFTER UPDATE OF notes ON consultations
WHEN OLD.notes IS NOT NEW.notes
BEGIN
  INSERT OR IGNORE INTO consultation_notes_pending (num, indexed_notes)
  VALUES (OLD.num, OLD.notes);
END;
