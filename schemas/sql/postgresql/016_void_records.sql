-- SPDX-License-Identifier: MIT
-- Schema 16 (PostgreSQL): a filing record or an evaluation recorded by mistake is voided, never
-- deleted, as schemas/sql/016_void_records.sql. Only live filings are unique per document and
-- body. SQLite rebuilds the filing tables to drop the table constraint; PostgreSQL drops it in
-- place (ids, references and the reminder triggers of schema 10 stay as they are).
ALTER TABLE filing DROP CONSTRAINT filing_document_body;
ALTER TABLE filing ADD COLUMN voided text;
ALTER TABLE filing ADD COLUMN void_reason text;

CREATE UNIQUE INDEX filing_live ON filing (document, body) WHERE voided IS NULL;

ALTER TABLE evaluation ADD COLUMN voided text;
ALTER TABLE evaluation ADD COLUMN void_reason text;
