-- SPDX-License-Identifier: MIT
-- Schema 13: `audit verify` replays the log and compares it with the documents. A registry
-- that already holds documents began its log before events carried everything the replay
-- needs: its next write records one `baseline` event with every document as it is, which the
-- replay starts from (audit::record_baseline). A registry created now needs none.
CREATE TABLE replay_baseline_due (singleton INTEGER PRIMARY KEY CHECK (singleton = 1));
INSERT INTO replay_baseline_due (singleton) SELECT 1 WHERE EXISTS (SELECT 1 FROM document);
