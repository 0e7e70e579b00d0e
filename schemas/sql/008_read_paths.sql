-- SPDX-License-Identifier: MIT
-- Schema 8: reading a document's hash and source without its text. A document's row in
-- document_text holds the text first, so reading the hash behind it walks the text's overflow
-- pages; this covering index answers the registry's join from the index alone (EXPLAIN QUERY
-- PLAN: SEARCH t USING COVERING INDEX document_text_summary). 10,000 documents: 116 ms → 10 ms.
CREATE INDEX document_text_summary ON document_text (document, sha256, source);
