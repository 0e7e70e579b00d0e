-- SPDX-License-Identifier: MIT
-- Schema 15: a screening finding keeps the words that made its rule fire, so that the review
-- walk and the opinion show why it fired as it did when the review started (the rules may have
-- changed since). Findings recorded before this schema have none (NULL).
ALTER TABLE review_finding ADD COLUMN matched TEXT;
