-- SPDX-License-Identifier: MIT
-- Schema 9: one- and two-character queries are answered from the trigram index's vocabulary,
-- by prefix: every occurrence followed by two more characters begins an indexed trigram. Texts
-- are indexed with two line breaks after them, so that an occurrence at the very end of a text
-- is followed by two characters too. (Titles are short and scanned for that case.)
DROP TRIGGER document_fts_text_insert;
DROP TRIGGER document_fts_text_update;

CREATE TRIGGER document_fts_text_insert AFTER INSERT ON document_text BEGIN
  UPDATE document_fts SET text = new.text || char(10, 10) WHERE rowid = new.document;
END;

CREATE TRIGGER document_fts_text_update AFTER UPDATE OF text ON document_text BEGIN
  UPDATE document_fts SET text = new.text || char(10, 10) WHERE rowid = new.document;
END;

UPDATE document_fts SET text = text || char(10, 10) WHERE rowid IN (SELECT document FROM document_text);
