-- SPDX-License-Identifier: MIT
-- Schema 18 (PostgreSQL): the filings of one document are found by index, as
-- schemas/sql/018_filing_document_index.sql (the unique index of schema 16 is partial).
CREATE INDEX filing_document ON filing (document);
