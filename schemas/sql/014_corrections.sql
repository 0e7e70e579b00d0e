-- SPDX-License-Identifier: MIT
-- Schema 14: corrections without deletions, and the way out of every reminder. A procedure
-- step recorded by mistake stays; a `void` event marks it void (date and reason here, who and
-- when in the log), and everything derived (reminders, gates, reports) reads only steps not void.

-- Drafting ended without publication (撤回/终止起草); the reason goes to `repeal_reason`, the
-- column every ending uses.
ALTER TABLE document ADD COLUMN withdrawn TEXT;

ALTER TABLE procedure_step ADD COLUMN voided TEXT;
ALTER TABLE procedure_step ADD COLUMN void_reason TEXT;

-- What an officer acknowledged instead of acting: an expired validity recorded as 已失效 in
-- the catalogue (`expired`), a procedure defect accepted with a reason (its issue code), or a
-- filing made before the registry (`filed-before-registry`). One per document and subject.
CREATE TABLE acknowledgement (
  id          INTEGER PRIMARY KEY,
  document    INTEGER NOT NULL REFERENCES document (id),
  subject     TEXT NOT NULL CHECK (subject <> ''),
  date        TEXT NOT NULL,
  reason      TEXT NOT NULL CHECK (reason <> ''),
  recorded_at TEXT NOT NULL,
  UNIQUE (document, subject)
);

CREATE TRIGGER due_acknowledgement_insert AFTER INSERT ON acknowledgement BEGIN
  INSERT OR IGNORE INTO due_stale (document) VALUES (new.document);
END;
CREATE TRIGGER due_acknowledgement_delete AFTER DELETE ON acknowledgement BEGIN
  INSERT OR IGNORE INTO due_stale (document) VALUES (old.document);
END;

-- The command that clears each reminder (recomputed: the rules version in due.cpp changed).
ALTER TABLE due_item ADD COLUMN action TEXT NOT NULL DEFAULT '';
