-- SPDX-License-Identifier: MIT
-- Schema 10: what `due` reminds of, kept between runs so that a run reads the few reminders
-- that apply on its day instead of re-checking every document (100,000 documents: 1.4 s).
-- Derived data: rebuilt from the documents, steps and filings, the settings and the calendar
-- whenever they change, and never logged or exported.

-- One reminder: what is due by when, under which rule. A reminder that applies on days that
-- are not contiguous has one row per stretch. The document's title and issuer are copied so
-- that a run does not look up each document (4,342 reminders among 100,000 documents: the
-- lookups were 20 ms); a change to the document makes its reminders stale.
CREATE TABLE due_item (
  id       INTEGER PRIMARY KEY,
  document INTEGER NOT NULL,
  title    TEXT NOT NULL,
  issuer   TEXT NOT NULL,
  kind     TEXT NOT NULL,
  what     TEXT NOT NULL,
  due      TEXT NOT NULL,
  article  TEXT NOT NULL
);

CREATE INDEX due_item_document ON due_item (document);

-- The days on which each reminder applies (first_day to last_day, days since 1970-01-01): an
-- R*Tree finds those that contain one day without reading the others (EXPLAIN QUERY PLAN:
-- SCAN due_window VIRTUAL TABLE INDEX 2:B0D1, then due_item by rowid in order).
CREATE VIRTUAL TABLE due_window USING rtree_i32 (id, first_day, last_day);

-- Documents whose records changed since their reminders were computed.
CREATE TABLE due_stale (document INTEGER PRIMARY KEY) WITHOUT ROWID;

-- The settings and calendar the stored reminders were computed with (a digest); empty: never.
CREATE TABLE due_basis (id INTEGER PRIMARY KEY CHECK (id = 1), digest TEXT NOT NULL);
INSERT INTO due_basis (id, digest) VALUES (1, '');

CREATE TRIGGER due_document_insert AFTER INSERT ON document BEGIN
  INSERT OR IGNORE INTO due_stale (document) VALUES (new.id);
END;
CREATE TRIGGER due_document_update AFTER UPDATE ON document BEGIN
  INSERT OR IGNORE INTO due_stale (document) VALUES (new.id);
END;
CREATE TRIGGER due_document_delete AFTER DELETE ON document BEGIN
  INSERT OR IGNORE INTO due_stale (document) VALUES (old.id);
END;
CREATE TRIGGER due_step_insert AFTER INSERT ON procedure_step BEGIN
  INSERT OR IGNORE INTO due_stale (document) VALUES (new.document);
END;
CREATE TRIGGER due_step_update AFTER UPDATE ON procedure_step BEGIN
  INSERT OR IGNORE INTO due_stale (document) VALUES (old.document), (new.document);
END;
CREATE TRIGGER due_step_delete AFTER DELETE ON procedure_step BEGIN
  INSERT OR IGNORE INTO due_stale (document) VALUES (old.document);
END;
CREATE TRIGGER due_filing_insert AFTER INSERT ON filing BEGIN
  INSERT OR IGNORE INTO due_stale (document) VALUES (new.document);
END;
CREATE TRIGGER due_filing_update AFTER UPDATE ON filing BEGIN
  INSERT OR IGNORE INTO due_stale (document) VALUES (old.document), (new.document);
END;
CREATE TRIGGER due_filing_delete AFTER DELETE ON filing BEGIN
  INSERT OR IGNORE INTO due_stale (document) VALUES (old.document);
END;
CREATE TRIGGER due_outcome_insert AFTER INSERT ON filing_outcome BEGIN
  INSERT OR IGNORE INTO due_stale (document) SELECT document FROM filing WHERE id = new.filing;
END;
CREATE TRIGGER due_outcome_update AFTER UPDATE ON filing_outcome BEGIN
  INSERT OR IGNORE INTO due_stale (document) SELECT document FROM filing WHERE id IN (old.filing, new.filing);
END;
CREATE TRIGGER due_outcome_delete AFTER DELETE ON filing_outcome BEGIN
  INSERT OR IGNORE INTO due_stale (document) SELECT document FROM filing WHERE id = old.filing;
END;
