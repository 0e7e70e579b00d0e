-- SPDX-License-Identifier: MIT
-- Schema 1: the document registry and the hash-chained event log.
-- Dates are ISO `YYYY-MM-DD` text; instants are ISO 8601 UTC text.

CREATE TABLE document (
  id                INTEGER PRIMARY KEY,
  reg_no            TEXT UNIQUE,                       -- 登记编号, assigned at publication
  doc_no            TEXT,                              -- 文号, canonical form
  title             TEXT NOT NULL CHECK (title <> ''),
  issuer            TEXT NOT NULL CHECK (issuer <> ''), -- 制定机关
  drafting_unit     TEXT,                              -- 起草单位
  kind              TEXT NOT NULL DEFAULT 'normative' CHECK (kind IN ('normative', 'other')),
  concerns_business INTEGER NOT NULL DEFAULT 0 CHECK (concerns_business IN (0, 1)),
  trial             INTEGER NOT NULL DEFAULT 0 CHECK (trial IN (0, 1)),
  -- Recorded status; `expired` is never stored, it is derived from `expires`.
  status            TEXT NOT NULL DEFAULT 'draft'
                    CHECK (status IN ('draft', 'reviewing', 'approved', 'published', 'amended',
                                      'repealed', 'invalidated')),
  validity          TEXT,                              -- requested validity, e.g. '5y'
  drafted           TEXT,
  published         TEXT,
  effective         TEXT,
  expires           TEXT,                              -- last day in force
  repealed          TEXT,
  repeal_reason     TEXT,
  amended           TEXT,                              -- day the new version replaced this one
  invalidated       TEXT,
  amends            INTEGER REFERENCES document (id),
  superseded_by     INTEGER REFERENCES document (id),
  index_no          TEXT,                              -- 索引号 (政务公开)
  subject           TEXT,                              -- 主题分类
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL,
  UNIQUE (issuer, doc_no)
);

CREATE INDEX document_status ON document (status);
CREATE INDEX document_expires ON document (expires);
CREATE INDEX document_doc_no ON document (doc_no);

CREATE TABLE document_text (
  document INTEGER PRIMARY KEY REFERENCES document (id),
  text     TEXT NOT NULL,
  sha256   TEXT NOT NULL,
  source   TEXT                                        -- file name it was read from
);

-- Registration-number sequences, one per prefix (e.g. per code and year).
CREATE TABLE reg_sequence (
  scope TEXT PRIMARY KEY,
  last  INTEGER NOT NULL
);

CREATE TABLE event (
  id        INTEGER PRIMARY KEY,
  at        TEXT NOT NULL,
  actor     TEXT NOT NULL,
  document  INTEGER REFERENCES document (id),
  kind      TEXT NOT NULL,
  payload   TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash      TEXT NOT NULL UNIQUE
);

CREATE INDEX event_document ON event (document);

-- The last event's id and hash, written in the same transaction as the event, so that
-- deleting the newest events is detected too.
CREATE TABLE chain_head (
  singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
  event     INTEGER NOT NULL,
  hash      TEXT NOT NULL
);

-- The log is append-only through normdoc; these stop accidental edits (a determined editor
-- can drop them, which `normdoc audit verify` then detects through the hash chain).
CREATE TRIGGER event_no_update BEFORE UPDATE ON event
BEGIN
  SELECT RAISE(ABORT, 'event log is append-only');
END;

CREATE TRIGGER event_no_delete BEFORE DELETE ON event
BEGIN
  SELECT RAISE(ABORT, 'event log is append-only');
END;
