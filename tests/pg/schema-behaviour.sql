-- SPDX-License-Identifier: MIT
-- What the PostgreSQL schema does on its own, after every migration (tests/pg/schema-behaviour):
-- the append-only and frozen tables refuse changes, the reminder triggers mark documents stale,
-- the due windows are found by day through their GiST index, Chinese search uses the trigram
-- index. Each check raises on failure; psql runs with ON_ERROR_STOP.

\ir helpers.sql

-- Identity ids, given back by RETURNING as the store layer reads them.
INSERT INTO document (title, issuer, drafting_unit, created_at, updated_at)
  VALUES ('关于加强行政规范性文件制定和监督管理工作的通知', '某市人民政府', '某市司法局',
          '2026-01-05T08:00:00Z', '2026-01-05T08:00:00Z');
INSERT INTO document (title, issuer, drafting_unit, created_at, updated_at)
  VALUES ('某市促进民营经济发展若干措施', '某市人民政府', '某市发展和改革委员会',
          '2026-01-05T08:00:00Z', '2026-01-05T08:00:00Z');
SELECT test.check((SELECT array_agg(id ORDER BY id) FROM document) = '{1,2}', 'identity ids 1, 2');
-- An explicit id (a registry moved between backends) is kept.
INSERT INTO document (id, title, issuer, created_at, updated_at)
  VALUES (10, '某县政务公开工作规定', '某县人民政府', '2026-01-05T08:00:00Z', '2026-01-05T08:00:00Z');
SELECT test.check(EXISTS (SELECT 1 FROM document WHERE id = 10), 'explicit id kept');

-- Same representation as SQLite: text dates, integer flags.
SELECT test.check((SELECT concerns_business = 0 AND trial = 0 AND status = 'draft' FROM document WHERE id = 1),
                     'defaults as in SQLite');

-- Reminder triggers (schema 10, 14): documents, steps, filings, outcomes, acknowledgements.
SELECT test.check((SELECT array_agg(document ORDER BY document) FROM due_stale) = '{1,2,10}', 'new documents stale');
DELETE FROM due_stale;
INSERT INTO procedure_step (document, step, date, recorded_at) VALUES (2, 'assessment', '2026-01-06', 't');
SELECT test.check((SELECT array_agg(document) FROM due_stale) = '{2}', 'step marks its document');
DELETE FROM due_stale;
UPDATE procedure_step SET document = 1 WHERE document = 2;
SELECT test.check((SELECT array_agg(document ORDER BY document) FROM due_stale) = '{1,2}',
                     'a step moved marks both documents');
DELETE FROM due_stale;
INSERT INTO filing (document, body, filed, materials, missing) VALUES (10, '某市司法局', '2026-02-01', '', '');
SELECT test.check((SELECT array_agg(document) FROM due_stale) = '{10}', 'filing marks its document');
DELETE FROM due_stale;
INSERT INTO filing_outcome (filing, kind, result, date) VALUES (1, 'result', 'registered', '2026-02-10');
SELECT test.check((SELECT array_agg(document) FROM due_stale) = '{10}', 'filing outcome marks its document');
DELETE FROM due_stale;
INSERT INTO acknowledgement (document, subject, date, reason, recorded_at) VALUES (1, 'expired', '2026-03-01', '已失效', 't');
DELETE FROM acknowledgement;
SELECT test.check((SELECT array_agg(document) FROM due_stale) = '{1}', 'acknowledgement marks its document');

-- Only live filings are unique per document and body (schema 16).
SELECT test.check(NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'filing_document_body'),
                     'table-wide unique filing dropped');
UPDATE filing SET voided = '2026-02-02', void_reason = '录入错误' WHERE id = 1;
INSERT INTO filing (document, body, filed, materials, missing) VALUES (10, '某市司法局', '2026-02-03', '', '');
DO $$
BEGIN
  INSERT INTO filing (document, body, filed, materials, missing) VALUES (10, '某市司法局', '2026-02-04', '', '');
  RAISE EXCEPTION 'FAIL two live filings with one body';
EXCEPTION WHEN unique_violation THEN
  NULL;
END;
$$;

-- The event log is append-only for everyone, TRUNCATE included (schema 1).
INSERT INTO event (at, actor, document, kind, payload, prev_hash, hash)
  VALUES ('2026-01-05T08:00:00Z', '张三', 1, 'add', '{}', '0000', 'aaaa');
SELECT test.fails($q$UPDATE event SET actor = '李四'$q$, '23000', 'event log is append-only');
SELECT test.fails($q$DELETE FROM event$q$, '23000', 'event log is append-only');
SELECT test.fails($q$TRUNCATE event$q$, '23000', 'event log is append-only');
SELECT test.check((SELECT count(*) FROM event WHERE actor = '张三') = 1, 'the event is still there');

-- Each event names the database role that wrote it, as the server knows it (schema 19): one
-- left out is filled in, another role's name is refused.
SELECT test.check((SELECT db_role FROM event WHERE actor = '张三') = current_user::text,
                  'an event without db_role gets the inserting role');
SELECT test.fails($q$INSERT INTO event (at, actor, document, kind, payload, prev_hash, hash, db_role)
  VALUES ('2026-01-05T08:00:00Z', '张三', 1, 'add', '{}', 'aaaa', 'bbbb', 'someone_else')$q$,
  '23000', 'event db_role must be the role writing it');

INSERT INTO received_event (document, office, at, actor, kind, payload) VALUES (1, '某县司法局', 't', 'a', 'add', '{}');
SELECT test.fails($q$UPDATE received_event SET actor = 'b'$q$, '23000', 'received events are kept as they came');
SELECT test.fails($q$DELETE FROM received_event$q$, '23000', 'received events are kept as they came');
SELECT test.fails($q$TRUNCATE received_event$q$, '23000', 'received events are kept as they came');

-- A concluded review is frozen; the link to a later review is not (schema 4).
INSERT INTO review (document, checklist, checklist_title, checklist_version, checklist_sha256, conclusions, reviewer, started_at)
  VALUES (1, 'legality', '合法性审核', '1', 's', 'pass fail', '王五', 't');
INSERT INTO review_item (review, position, item, category, text, article) VALUES (1, 1, 'L1', '主体', '是否超越权限', '第一条');
INSERT INTO review_finding (review, number, line, col, rule, item, article, severity, message, excerpt)
  VALUES (1, 1, 3, 5, 'r', 'L1', '第一条', 'warning', 'm', 'e');
UPDATE review_item SET answer = 'pass' WHERE review = 1;
UPDATE review SET concluded = '2026-01-20', result = 'pass', opinion = '同意' WHERE id = 1;
SELECT test.fails($q$UPDATE review SET opinion = '改' WHERE id = 1$q$, '23000', 'review is concluded');
SELECT test.fails($q$UPDATE review_item SET answer = 'fail'$q$, '23000', 'review is concluded');
SELECT test.fails($q$UPDATE review_finding SET dismissed_reason = 'x'$q$, '23000', 'review is concluded');
SELECT test.fails($q$DELETE FROM review_finding$q$, '23000', 'reviews are kept');
SELECT test.fails($q$DELETE FROM review_item$q$, '23000', 'reviews are kept');
SELECT test.fails($q$DELETE FROM review$q$, '23000', 'reviews are kept');
SELECT test.fails($q$TRUNCATE review, review_item, review_finding$q$, '23000', 'reviews are kept');
INSERT INTO review (document, checklist, checklist_title, checklist_version, checklist_sha256, conclusions, reviewer, started_at)
  VALUES (1, 'legality', '合法性审核', '2', 's', 'pass fail', '王五', 't');
UPDATE review SET superseded_by = 2 WHERE id = 1;

-- Due windows: the daterange is the stretch first_day..last_day, both days in (schema 10).
INSERT INTO due_item (document, title, issuer, kind, what, due, article)
  VALUES (1, 't', 'i', 'filing', '报送备案', '2026-02-04', '第三十条');
INSERT INTO due_window (id, first_day, last_day)
  SELECT id, 20480, 20490 FROM due_item;
SELECT test.check((SELECT count(*) FROM due_window WHERE days @> (date '1970-01-01' + 20480)) = 1, 'first day in');
SELECT test.check((SELECT count(*) FROM due_window WHERE days @> (date '1970-01-01' + 20490)) = 1, 'last day in');
SELECT test.check((SELECT count(*) FROM due_window WHERE days @> (date '1970-01-01' + 20491)) = 0, 'day after out');
SELECT test.check((SELECT count(*) FROM due_window WHERE first_day <= 20485 AND last_day >= 20485) = 1,
                     'portable lookup');
SELECT test.check((SELECT days FROM due_window) = daterange('2026-01-27', '2026-02-06', '[]'), 'days as dates');
-- A reminder that always applies (reminder_store.cpp: days -10,000,000 to 10,000,000), and one
-- that applies until a day: open ends.
INSERT INTO due_item (document, title, issuer, kind, what, due, article)
  VALUES (1, 't', 'i', 'filing', '补报备案', '', '第三十条'), (1, 't', 'i', 'filing', '报送', '', '第三十条');
INSERT INTO due_window (id, first_day, last_day)
  VALUES ((SELECT max(id) - 1 FROM due_item), -10000000, 10000000), ((SELECT max(id) FROM due_item), -10000000, 20480);
SELECT test.check((SELECT count(*) FROM due_window WHERE days @> (date '1970-01-01' + 20485)) = 2, 'always applies');
SELECT test.check((SELECT count(*) FROM due_window WHERE days @> date '1900-01-01') = 2, 'open start');
SELECT test.check((SELECT count(*) FROM due_window WHERE days @> (date '1970-01-01' + 20481)) = 2, 'closed end');
SELECT test.check((SELECT count(*) FROM due_window WHERE first_day <= 20485 AND last_day >= 20485) = 2,
                  'portable lookup over open ends');

-- Chinese search: pg_trgm sees the characters (C.UTF-8), the indexes answer LIKE/ILIKE.
INSERT INTO document_text (document, text, sha256)
  VALUES (1, '第一条 为了加强行政规范性文件制定和监督管理工作，根据有关法律法规，制定本通知。', 'h');
SELECT test.check(cardinality(show_trgm('规范性文件')) = 6, 'pg_trgm keeps Chinese characters');
SELECT test.check((SELECT array_agg(document) FROM document_text WHERE text LIKE '%监督管理%') = '{1}', 'text search');
SELECT test.check((SELECT array_agg(id ORDER BY id) FROM document WHERE title ILIKE '%规范性文件%') = '{1}',
                     'title search');
SELECT test.check((SELECT text FROM document_fts_source WHERE id = 1) LIKE '%通知。' || chr(10) || chr(10),
                     'indexed form as in SQLite');
SELECT test.check((SELECT text FROM document_fts_source WHERE id = 2) = '', 'no text: empty');
SET enable_seqscan = off;
CREATE TEMP TABLE plan (line text);
DO $$
DECLARE
  line text;
  plan text := '';
BEGIN
  FOR line IN EXECUTE 'EXPLAIN SELECT document FROM document_text WHERE text LIKE ''%监督管理%''' LOOP
    plan := plan || line;
  END LOOP;
  PERFORM test.check(plan LIKE '%document_text_trgm%', 'text search uses the trigram index: ' || plan);
  plan := '';
  FOR line IN EXECUTE 'EXPLAIN SELECT id FROM document WHERE title ILIKE ''%规范性%''' LOOP
    plan := plan || line;
  END LOOP;
  PERFORM test.check(plan LIKE '%document_title_trgm%', 'title search uses the trigram index: ' || plan);
  plan := '';
  FOR line IN EXECUTE 'EXPLAIN SELECT id FROM due_window WHERE days @> (date ''1970-01-01'' + 20485)' LOOP
    plan := plan || line;
  END LOOP;
  PERFORM test.check(plan LIKE '%due_window_days%', 'due lookup uses the GiST index: ' || plan);
END;
$$;
RESET enable_seqscan;

\echo ok: schema behaviour
