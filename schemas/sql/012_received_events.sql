-- SPDX-License-Identifier: MIT
-- Schema 12: events received with a bundle are the sending registry's history, not acts of
-- this office: they are kept here as they came, with the office that recorded them, and never
-- enter this registry's hash chain (which records the import itself, one event per document
-- created or replaced).
CREATE TABLE received_event (
  id       INTEGER PRIMARY KEY,
  document INTEGER NOT NULL REFERENCES document (id),
  office   TEXT NOT NULL,  -- the registry that recorded the event
  at       TEXT NOT NULL,
  actor    TEXT NOT NULL,
  kind     TEXT NOT NULL,
  payload  TEXT NOT NULL
);

CREATE INDEX received_event_document ON received_event (document);

CREATE TRIGGER received_event_no_update BEFORE UPDATE ON received_event
BEGIN
  SELECT RAISE(ABORT, 'received events are kept as they came');
END;

CREATE TRIGGER received_event_no_delete BEFORE DELETE ON received_event
BEGIN
  SELECT RAISE(ABORT, 'received events are kept as they came');
END;
