-- SPDX-License-Identifier: MIT
-- Schema 5: keeping the body of documents lawful over time — post-evaluations (后评估),
-- cleanup campaigns (清理) and the register of higher-level laws the documents cite (制定依据).

CREATE TABLE evaluation (
  id              INTEGER PRIMARY KEY,
  document        INTEGER NOT NULL REFERENCES document (id),
  date            TEXT NOT NULL,
  outcome         TEXT NOT NULL CHECK (outcome IN ('continue', 'amend', 'repeal')),
  reason          TEXT,
  report          TEXT,           -- the evaluation report's file name
  report_sha256   TEXT,
  previous_expires TEXT,
  new_expires     TEXT,           -- continue: the new last day in force
  previous_reg_no TEXT,
  new_reg_no      TEXT,           -- continue with re-registration
  replacement     INTEGER REFERENCES document (id), -- amend: the new version
  recorded_at     TEXT NOT NULL
);

CREATE INDEX evaluation_document ON evaluation (document);
CREATE INDEX evaluation_previous_reg_no ON evaluation (previous_reg_no) WHERE previous_reg_no IS NOT NULL;

CREATE TABLE cleanup (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE CHECK (name <> ''),
  scope      TEXT NOT NULL,       -- the filter as given, e.g. "issuer=某局,business"
  opened_on  TEXT NOT NULL,       -- documents in force on this day are in the campaign
  opened_at  TEXT NOT NULL,
  opened_by  TEXT NOT NULL,
  closed_on  TEXT,
  closed_at  TEXT,
  closed_by  TEXT
);

CREATE TABLE cleanup_item (
  cleanup    INTEGER NOT NULL REFERENCES cleanup (id),
  document   INTEGER NOT NULL REFERENCES document (id),
  decision   TEXT CHECK (decision IN ('keep', 'amend', 'repeal', 'invalidate')),
  reason     TEXT,
  decided_by TEXT,
  decided_at TEXT,
  PRIMARY KEY (cleanup, document)
);

CREATE INDEX cleanup_item_document ON cleanup_item (document);

-- One row per law name (normalised: without 中华人民共和国 and edition notes).
CREATE TABLE law (
  name       TEXT PRIMARY KEY,
  level      TEXT,                -- 宪法 / 法律 / 行政法规 / 部门规章 / …
  category   TEXT,
  published  TEXT,                -- date of the latest text
  valid_from TEXT,
  repealed   INTEGER NOT NULL DEFAULT 0 CHECK (repealed IN (0, 1)),
  updated_at TEXT NOT NULL
);

-- What changed in a law, and when the office learned it (imports and manual entries).
CREATE TABLE law_change (
  id          INTEGER PRIMARY KEY,
  law         TEXT NOT NULL REFERENCES law (name),
  kind        TEXT NOT NULL CHECK (kind IN ('revised', 'repealed')),
  date        TEXT,               -- when the law changed; NULL when the catalogue does not say
  recorded_on TEXT NOT NULL,
  source      TEXT NOT NULL       -- the catalogue file, or 'manual'
);

CREATE INDEX law_change_law ON law_change (law);

-- The laws a document's text cites (根据《…》, 依据《…》《…》等), by normalised name; a
-- citation of a law not (yet) in the register is kept and links when the law is added.
CREATE TABLE citation (
  document INTEGER NOT NULL REFERENCES document (id),
  law      TEXT NOT NULL,
  cited_as TEXT NOT NULL,
  PRIMARY KEY (document, law)
);

CREATE INDEX citation_law ON citation (law);
