-- SPDX-License-Identifier: MIT
-- Schema 7 (PostgreSQL): import finds a text already registered by its hash.
CREATE INDEX document_text_sha256 ON document_text (sha256);
