-- SPDX-License-Identifier: MIT
-- Schema 16: a filing record or an evaluation recorded by mistake is voided, never deleted: the
-- row stays with the day and the reason (who and when are in the log), and every read that
-- derives something (reminders, reports, the next filing with the same body) skips it.

-- A filing with a body could exist once (UNIQUE (document, body)); a void one must not stop
-- the correct filing from being recorded, so only live filings are unique. SQLite cannot drop
-- a table constraint: the table is rebuilt, and its outcomes with it (they reference it; the
-- rename carries the reference over), keeping every id.
CREATE TABLE filing_rebuilt (
  id          INTEGER PRIMARY KEY,
  document    INTEGER NOT NULL REFERENCES document (id),
  body        TEXT NOT NULL CHECK (body <> ''), -- 备案机关
  filed       TEXT NOT NULL,
  materials   TEXT NOT NULL,                    -- what was sent, one item per line
  missing     TEXT NOT NULL,                    -- package items not sent, one per line
  voided      TEXT,
  void_reason TEXT
);
INSERT INTO filing_rebuilt (id, document, body, filed, materials, missing)
  SELECT id, document, body, filed, materials, missing FROM filing;

CREATE TABLE filing_outcome_rebuilt (
  id     INTEGER PRIMARY KEY,
  filing INTEGER NOT NULL REFERENCES filing_rebuilt (id),
  kind   TEXT NOT NULL CHECK (kind IN ('result', 'corrected')),
  result TEXT CHECK (result IN ('registered', 'deferred', 'refused', 'passed', 'correct', 'revoke')),
  date   TEXT NOT NULL,
  until  TEXT,                                -- deferred: supplement deadline; correct/revoke: correction deadline
  note   TEXT
);
INSERT INTO filing_outcome_rebuilt (id, filing, kind, result, date, until, note)
  SELECT id, filing, kind, result, date, until, note FROM filing_outcome;

DROP TABLE filing_outcome;
DROP TABLE filing;
ALTER TABLE filing_rebuilt RENAME TO filing;
ALTER TABLE filing_outcome_rebuilt RENAME TO filing_outcome;

CREATE UNIQUE INDEX filing_live ON filing (document, body) WHERE voided IS NULL;
CREATE INDEX filing_outcome_filing ON filing_outcome (filing);

-- The reminders of a document are recomputed when its filings change (as in schema 10).
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

-- An evaluation voided: what it changed in the document is restored (the `void-evaluation`
-- event says what), the row stays.
ALTER TABLE evaluation ADD COLUMN voided TEXT;
ALTER TABLE evaluation ADD COLUMN void_reason TEXT;
