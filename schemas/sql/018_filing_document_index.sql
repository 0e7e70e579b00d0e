-- SPDX-License-Identifier: MIT
-- Schema 18: the filings of one document are found by index again. Until schema 16 the table's
-- UNIQUE (document, body) served every `WHERE document = ?`; its replacement, unique among
-- live filings only, is partial and serves none of them, so `show`, `export` and the filing
-- commands scanned every filing per document (export --all at 1,000 documents: a full scan
-- of the filing table per document; EXPLAIN QUERY PLAN: SCAN filing → SEARCH filing USING
-- INDEX filing_document (document=?)).
CREATE INDEX filing_document ON filing (document);
