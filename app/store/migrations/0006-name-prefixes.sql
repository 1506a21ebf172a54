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

CREATE TRIGGER clients_prefixes_insert AFTER INSERT ON clients
BEGIN
  INSERT INTO client_prefixes (prefix, sort_key, num, archived)
  SELECT value, NEW.sort_key, NEW.num, NEW.archived
  FROM json_each (consult_search_prefixes (NEW.given_name, NEW.family_name, NEW.email,
                                           NEW.phone, NEW.phone_digits));
END;

CREATE TRIGGER clients_prefixes_delete AFTER DELETE ON clients
BEGIN
  DELETE FROM client_prefixes
  WHERE prefix IN (SELECT value
                   FROM json_each (consult_search_prefixes (OLD.given_name, OLD.family_name,
                                                            OLD.email, OLD.phone,
                                                            OLD.phone_digits)))
    AND sort_key = OLD.sort_key AND num = OLD.num;
END;

CREATE TRIGGER clients_prefixes_update
AFTER UPDATE OF given_name, family_name, email, phone, sort_key, archived ON clients
WHEN OLD.given_name IS NOT NEW.given_name OR OLD.family_name IS NOT NEW.family_name
  OR OLD.email IS NOT NEW.email OR OLD.phone IS NOT NEW.phone
  OR OLD.sort_key IS NOT NEW.sort_key OR OLD.archived IS NOT NEW.archived
BEGIN
  DELETE FROM client_prefixes
  WHERE prefix IN (SELECT value
                   FROM json_each (consult_search_prefixes (OLD.given_name, OLD.family_name,
                                                            OLD.email, OLD.phone,
                                                            OLD.phone_digits)))
    AND sort_key = OLD.sort_key AND num = OLD.num;
  INSERT INTO client_prefixes (prefix, sort_key, num, archived)
  SELECT value, NEW.sort_key, NEW.num, NEW.archived
  FROM json_each (consult_search_prefixes (NEW.given_name, NEW.family_name, NEW.email,
                                           NEW.phone, NEW.phone_digits));
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
