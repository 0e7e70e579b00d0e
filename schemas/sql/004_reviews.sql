-- SPDX-License-Identifier: MIT
-- Schema 4: recorded reviews — the legality review ledger (合法性审核台账, 国办发〔2018〕115号 (八))
-- and fair-competition reviews (公平竞争审查条例 第十七条). A review keeps its own copy of the
-- checklist items it was answered against, so its written opinion reads the same after the
-- checklists change; once concluded it is frozen, and a later review supersedes it.

CREATE TABLE review (
  id                INTEGER PRIMARY KEY,
  document          INTEGER NOT NULL REFERENCES document (id),
  checklist         TEXT NOT NULL,
  checklist_title   TEXT NOT NULL,
  checklist_version TEXT NOT NULL,
  checklist_sha256  TEXT NOT NULL,
  conclusions       TEXT NOT NULL,  -- the results the checklist allows, space-separated
  exception_item    TEXT,
  text_sha256       TEXT,           -- the stored text that was screened; NULL when there was none
  reviewer          TEXT NOT NULL,
  received          TEXT,           -- when the reviewer received the draft
  started_at        TEXT NOT NULL,
  concluded         TEXT,           -- date of the conclusion; NULL while open
  result            TEXT,
  opinion           TEXT,
  urgency           TEXT,
  exception_ground  TEXT CHECK (exception_ground IN ('security', 'innovation', 'public-interest', 'law')),
  alternatives      TEXT,
  until             TEXT,
  superseded_by     INTEGER REFERENCES review (id),
  CHECK ((concluded IS NULL) = (result IS NULL))
);

CREATE INDEX review_document ON review (document, checklist);

CREATE TABLE review_item (
  review      INTEGER NOT NULL REFERENCES review (id),
  position    INTEGER NOT NULL,
  item        TEXT NOT NULL,
  category    TEXT NOT NULL,
  text        TEXT NOT NULL,
  article     TEXT NOT NULL,
  answer      TEXT CHECK (answer IN ('pass', 'fail', 'na')),
  note        TEXT,
  evidence    TEXT,
  answered_by TEXT,
  answered_at TEXT,
  PRIMARY KEY (review, item)
);

CREATE TABLE review_finding (
  review           INTEGER NOT NULL REFERENCES review (id),
  number           INTEGER NOT NULL, -- 1, 2, … within the review, as shown and dismissed
  line             INTEGER NOT NULL,
  col              INTEGER NOT NULL, -- in characters
  rule             TEXT NOT NULL,
  item             TEXT NOT NULL,
  article          TEXT NOT NULL,
  severity         TEXT NOT NULL CHECK (severity IN ('info', 'warning', 'error')),
  message          TEXT NOT NULL,
  excerpt          TEXT NOT NULL,
  dismissed_reason TEXT,
  dismissed_by     TEXT,
  dismissed_at     TEXT,
  PRIMARY KEY (review, number)
);

-- A concluded review is the record of an opinion already given: nothing in it changes.
CREATE TRIGGER review_frozen BEFORE UPDATE OF document, checklist, checklist_version, checklist_sha256, text_sha256,
  reviewer, received, concluded, result, opinion, urgency, exception_ground, alternatives, until ON review
  WHEN OLD.concluded IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'review is concluded');
END;

CREATE TRIGGER review_item_frozen BEFORE UPDATE ON review_item
  WHEN (SELECT concluded FROM review WHERE id = OLD.review) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'review is concluded');
END;

CREATE TRIGGER review_finding_frozen BEFORE UPDATE ON review_finding
  WHEN (SELECT concluded FROM review WHERE id = OLD.review) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'review is concluded');
END;

CREATE TRIGGER review_not_deleted BEFORE DELETE ON review BEGIN SELECT RAISE(ABORT, 'reviews are kept'); END;
CREATE TRIGGER review_item_not_deleted BEFORE DELETE ON review_item BEGIN SELECT RAISE(ABORT, 'reviews are kept'); END;
CREATE TRIGGER review_finding_not_deleted BEFORE DELETE ON review_finding BEGIN SELECT RAISE(ABORT, 'reviews are kept'); END;
