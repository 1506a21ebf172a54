-- 0006-name-prefixes.sql: search as you type in name order.
--
-- Copyright 2026 The MedSpa Consult authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- client_fts finds the clients whose words begin with what was typed,
-- but in the order of their nums: showing the first page in name order
-- meant reading every hit first, thousands for the first letters of a
-- common name.  Here each beginning of each word of a client's names,
-- phone and e-mail is a row keyed in name order, so a search reads the
-- rows of one beginning from the first client on, and stops after a
-- page.  consult_search_prefixes() is the store's own SQL function
-- (consult-store-prefixes.c): these rows are written only through the
-- store, which also keeps client_fts for searches of the notes.

CREATE TABLE client_prefixes (
  prefix   TEXT NOT NULL,
  sort_key TEXT NOT NULL,
  num      INTEGER NOT NULL,
  archived INTEGER NOT NULL,
  PRIMARY KEY (prefix, sort_key, num)
) WITHOUT ROWID;

-- In key order, so the table is written front to back.
INSERT INTO client_prefixes (prefix, sort_key, num, archived)
SELECT w.value, c.sort_key, c.num, c.archived
FROM clients c,
     json_each (consult_search_prefixes (c.given_name, c.family_name, c.email,
                                         c.phone, c.phone_digits)) w
ORDER BY 1, 2, 3;

-- A client's forty-odd rows land on as many pages of a large index: a
-- save would write them all and wait for their sync.  So a save only
-- notes the client here, with what client_prefixes holds for it (NULL
-- for a new client); the store's background thread rewrites the rows
-- when the writer is quiet, and a search meanwhile matches the clients
-- noted here by their current details, ignoring their old rows.
CREATE TABLE client_prefixes_pending (
  num              INTEGER PRIMARY KEY,
  indexed_sort_key TEXT,
  indexed_prefixes TEXT
);

CREATE TRIGGER clients_prefixes_insert AFTER INSERT ON clients
BEGIN
  INSERT OR IGNORE INTO client_prefixes_pending (num) VALUES (NEW.num);
END;

-- OR IGNORE: a client noted already keeps the rows indexed first.
CREATE TRIGGER clients_prefixes_delete AFTER DELETE ON clients
BEGIN
  INSERT OR IGNORE INTO client_prefixes_pending (num, indexed_sort_key, indexed_prefixes)
  VALUES (OLD.num, OLD.sort_key,
          consult_search_prefixes (OLD.given_name, OLD.family_name, OLD.email,
                                   OLD.phone, OLD.phone_digits));
END;

CREATE TRIGGER clients_prefixes_update
AFTER UPDATE OF given_name, family_name, email, phone, sort_key, archived ON clients
WHEN OLD.given_name IS NOT NEW.given_name OR OLD.family_name IS NOT NEW.family_name
  OR OLD.email IS NOT NEW.email OR OLD.phone IS NOT NEW.phone
  OR OLD.sort_key IS NOT NEW.sort_key OR OLD.archived IS NOT NEW.archived
BEGIN
  INSERT OR IGNORE INTO client_prefixes_pending (num, indexed_sort_key, indexed_prefixes)
  VALUES (OLD.num, OLD.sort_key,
          consult_search_prefixes (OLD.given_name, OLD.family_name, OLD.email,
                                   OLD.phone, OLD.phone_digits));
END;

-- A returning client's details are saved again with every consultation,
-- mostly unchanged: their words are indexed again only when they change.
DROP TRIGGER clients_fts_update;
CREATE TRIGGER clients_fts_update
AFTER UPDATE OF given_name, family_name, email, phone, archived ON clients
WHEN OLD.given_name IS NOT NEW.given_name OR OLD.family_name IS NOT NEW.family_name
  OR OLD.email IS NOT NEW.email OR OLD.phone IS NOT NEW.phone
  OR OLD.sort_key IS NOT NEW.sort_key OR OLD.archived IS NOT NEW.archived
BEGIN
  INSERT INTO client_fts (client_fts, rowid, given_name, family_name, email, phone, phone_digits,
                          search_status)
  VALUES ('delete', OLD.num, OLD.given_name, OLD.family_name, OLD.email, OLD.phone,
          OLD.phone_digits, OLD.search_status);
  INSERT INTO client_fts (rowid, given_name, family_name, email, phone, phone_digits, search_status)
  VALUES (NEW.num, NEW.given_name, NEW.family_name, NEW.email, NEW.phone, NEW.phone_digits,
          NEW.search_status);
END;

-- A save no longer merges the full-text indexes' segments (a quarter of
-- its CPU, and its slowest moments): the store's background thread does
-- when the writer is quiet.  A save merges only if 64 segments pile up
-- on one level, as when no quiet moment came for a long time.
INSERT INTO client_fts (client_fts, rank) VALUES ('automerge', 0);
INSERT INTO client_fts (client_fts, rank) VALUES ('crisismerge', 64);
INSERT INTO consultation_fts (consultation_fts, rank) VALUES ('automerge', 0);
INSERT INTO consultation_fts (consultation_fts, rank) VALUES ('crisismerge', 64);
