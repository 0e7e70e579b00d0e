-- SPDX-License-Identifier: MIT
-- Schema 15 (PostgreSQL): a screening finding keeps the words that made its rule fire, as
-- schemas/sql/015_finding_matched.sql.
ALTER TABLE review_finding ADD COLUMN matched text;
