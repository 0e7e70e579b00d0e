-- SPDX-License-Identifier: MIT
-- Schema 2: drafting-procedure steps and filings with the supervising bodies.

CREATE TABLE procedure_step (
  id          INTEGER PRIMARY KEY,
  document    INTEGER NOT NULL REFERENCES document (id),
  step        TEXT NOT NULL CHECK (step IN ('assessment', 'comment', 'legality-review', 'fair-competition-review',
                                            'deliberation', 'signing', 'publication')),
  date        TEXT,           -- when it took place or was concluded; NULL for a review still open
  date_from   TEXT,           -- public comment: first day
  date_to     TEXT,           -- public comment: last day
  received    TEXT,           -- legality review: when the reviewer received the draft
  channel     TEXT,           -- public comment, publication: where
  meeting     TEXT,           -- deliberation: which meeting
  result      TEXT,           -- review conclusion
  until       TEXT,           -- fair-competition exception: end of the implementation period
  note        TEXT,
  recorded_at TEXT NOT NULL
);

CREATE INDEX procedure_step_document ON procedure_step (document, step);

CREATE TABLE filing (
  id        INTEGER PRIMARY KEY,
  document  INTEGER NOT NULL REFERENCES document (id),
  body      TEXT NOT NULL CHECK (body <> ''), -- 备案机关
  filed     TEXT NOT NULL,
  materials TEXT NOT NULL,                    -- what was sent, one item per line
  missing   TEXT NOT NULL,                    -- package items not sent, one per line
  UNIQUE (document, body)
);

-- What followed a filing, in order: registration decisions, review opinions, corrections.
CREATE TABLE filing_outcome (
  id     INTEGER PRIMARY KEY,
  filing INTEGER NOT NULL REFERENCES filing (id),
  kind   TEXT NOT NULL CHECK (kind IN ('result', 'corrected')),
  result TEXT CHECK (result IN ('registered', 'deferred', 'refused', 'passed', 'correct', 'revoke')),
  date   TEXT NOT NULL,
  until  TEXT,                                -- deferred: supplement deadline; correct/revoke: correction deadline
  note   TEXT
);

CREATE INDEX filing_outcome_filing ON filing_outcome (filing);
