-- SPDX-License-Identifier: MIT
-- Schema 6: full-text search over titles and texts. The trigram tokenizer matches any Chinese
-- substring of three or more characters; triggers keep the index in the same transaction as
-- every change to a title or a text.

CREATE VIRTUAL TABLE document_fts USING fts5(title, text, tokenize = 'trigram');

INSERT INTO document_fts (rowid, title, text)
  SELECT d.id, d.title, coalesce(t.text, '') FROM document d LEFT JOIN document_text t ON t.document = d.id;

CREATE TRIGGER document_fts_insert AFTER INSERT ON document BEGIN
  INSERT INTO document_fts (rowid, title, text) VALUES (new.id, new.title, '');
END;

CREATE TRIGGER document_fts_title AFTER UPDATE OF title ON document BEGIN
  UPDATE document_fts SET title = new.title WHERE rowid = new.id;
END;

CREATE TRIGGER document_fts_text_insert AFTER INSERT ON document_text BEGIN
  UPDATE document_fts SET text = new.text WHERE rowid = new.document;
END;

CREATE TRIGGER document_fts_text_update AFTER UPDATE OF text ON document_text BEGIN
  UPDATE document_fts SET text = new.text WHERE rowid = new.document;
END;
