-- SPDX-License-Identifier: MIT
-- The roles of schemas/sql/postgresql/roles.sql, enforced by the database (tests/pg/roles): run
-- by a superuser after the migrations and roles.sql; each officer acts through SET ROLE (row-
-- level security and privileges follow current_user). Each check raises on failure.

CREATE SCHEMA test;
GRANT USAGE ON SCHEMA test TO PUBLIC;

-- fails(SQL, SQLSTATE[, MESSAGE]): SQL fails with that state (and message), changing nothing.
CREATE FUNCTION test.fails(statement text, expected_state text, expected_message text DEFAULT NULL)
  RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  state text;
  said text;
BEGIN
  BEGIN
    EXECUTE statement;
  EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS state = RETURNED_SQLSTATE, said = MESSAGE_TEXT;
    IF state <> expected_state OR (expected_message IS NOT NULL AND said <> expected_message) THEN
      RAISE EXCEPTION 'FAIL as %: %: expected % %, got % "%"', current_user, statement, expected_state,
        coalesce('"' || expected_message || '"', ''), state, said;
    END IF;
    RETURN;
  END;
  RAISE EXCEPTION 'FAIL as %: % succeeded, expected %', current_user, statement, expected_state;
END;
$$;

-- changes(SQL): the number of rows SQL changed.
CREATE FUNCTION test.changes(statement text) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  n bigint;
BEGIN
  EXECUTE statement;
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n;
END;
$$;

CREATE FUNCTION test.check(ok boolean, what text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF ok IS NOT TRUE THEN
    RAISE EXCEPTION 'FAIL as %: %', current_user, what;
  END IF;
END;
$$;

-- The officers: a login role each, members of the group roles.
CREATE ROLE li LOGIN;        -- reader
CREATE ROLE zhang LOGIN;     -- drafter, 某市司法局
CREATE ROLE unit_fgw NOLOGIN;
CREATE ROLE qian LOGIN IN ROLE unit_fgw; -- drafter, 某市发展和改革委员会 through a group
CREATE ROLE wang LOGIN;      -- reviewer
CREATE ROLE zhao LOGIN;      -- admin
GRANT normdoc_reader TO li;
GRANT normdoc_drafter TO zhang, qian;
GRANT normdoc_reviewer TO wang;
GRANT normdoc_admin TO zhao;
INSERT INTO drafting_unit_role (role, drafting_unit) VALUES ('zhang', '某市司法局'), ('unit_fgw', '某市发展和改革委员会');

-- Every table is readable by a reader, and nothing is writable by PUBLIC.
SELECT test.check(NOT EXISTS (SELECT 1 FROM information_schema.tables
                               WHERE table_schema = 'public'
                                 AND NOT has_table_privilege('normdoc_reader', format('%I.%I', table_schema, table_name), 'SELECT')),
                  'a reader reads every table');
SELECT test.check(NOT EXISTS (SELECT 1 FROM information_schema.table_privileges
                               WHERE table_schema = 'public' AND grantee = 'PUBLIC'),
                  'PUBLIC has no table privilege');

-- A document of another unit, and a published one, made by the owner.
INSERT INTO document (id, title, issuer, drafting_unit, created_at, updated_at)
  VALUES (100, '某市城市管理办法（草案）', '某市人民政府', '某市城市管理局', 't', 't');
INSERT INTO document (id, title, issuer, drafting_unit, status, reg_no, created_at, updated_at)
  VALUES (101, '某市行政规范性文件管理办法', '某市人民政府', '某市司法局', 'published', 'JYSF-2026-001', 't', 't');
INSERT INTO event (id, at, actor, document, kind, payload, prev_hash, hash)
  VALUES (1, 't', '系统', 100, 'add', '{}', '0', 'h1');

-- A reader reads and runs `due`, and writes nothing else.
SET ROLE li;
SELECT test.check((SELECT count(*) FROM document) = 2, 'a reader sees every document');
SELECT test.check((SELECT count(*) FROM event) = 1, 'a reader sees the log');
SELECT test.fails($q$INSERT INTO document (title, issuer, drafting_unit, created_at, updated_at)
                     VALUES ('x', 'y', '某市司法局', 't', 't')$q$, '42501');
SELECT test.fails($q$UPDATE document SET title = '改' WHERE id = 100$q$, '42501');
SELECT test.fails($q$INSERT INTO event (id, at, actor, kind, payload, prev_hash, hash)
                     VALUES (2, 't', 'li', 'add', '{}', 'h1', 'h2')$q$, '42501');
SELECT test.fails($q$UPDATE chain_head SET hash = 'x'$q$, '42501');
SELECT test.fails($q$INSERT INTO review (document, checklist, checklist_title, checklist_version, checklist_sha256,
                       conclusions, reviewer, started_at) VALUES (100, 'c', 't', 'v', 's', 'pass', 'li', 't')$q$, '42501');
SELECT test.fails($q$INSERT INTO law (name, updated_at) VALUES ('行政处罚法', 't')$q$, '42501');
SELECT test.fails($q$INSERT INTO drafting_unit_role VALUES ('li', '某市司法局')$q$, '42501');
DELETE FROM due_stale;
UPDATE due_basis SET digest = 'd';
RESET ROLE;

-- A drafter adds and edits drafts of its unit, and nothing else.
SET ROLE zhang;
INSERT INTO document (id, title, issuer, drafting_unit, created_at, updated_at)
  VALUES (200, '关于规范行政执法的通知（征求意见稿）', '某市人民政府', '某市司法局', 't', 't');
SELECT test.check(test.changes($q$UPDATE document SET title = '关于规范行政执法的通知' WHERE id = 200$q$) = 1,
                  'a drafter edits its draft');
INSERT INTO document_text (document, text, sha256) VALUES (200, '第一条 为了规范行政执法……', 'h');
UPDATE document_text SET text = '第一条 为了规范行政执法行为……' WHERE document = 200;
INSERT INTO citation (document, law, cited_as) VALUES (200, '行政处罚法', '《中华人民共和国行政处罚法》');
DELETE FROM citation WHERE document = 200;
INSERT INTO procedure_step (document, step, date, recorded_at) VALUES (200, 'assessment', '2026-01-10', 't');
INSERT INTO event (id, at, actor, document, kind, payload, prev_hash, hash)
  VALUES (2, 't', '张三', 200, 'add', '{}', 'h1', 'h2');
INSERT INTO chain_head (singleton, event, hash) VALUES (1, 2, 'h2')
  ON CONFLICT (singleton) DO UPDATE SET event = excluded.event, hash = excluded.hash;
-- Not another unit's draft, not a document without a unit, not a published one.
SELECT test.fails($q$INSERT INTO document (title, issuer, drafting_unit, created_at, updated_at)
                     VALUES ('x', 'y', '某市城市管理局', 't', 't')$q$, '42501');
SELECT test.fails($q$INSERT INTO document (title, issuer, created_at, updated_at) VALUES ('x', 'y', 't', 't')$q$, '42501');
SELECT test.check(test.changes($q$UPDATE document SET title = '改' WHERE id = 100$q$) = 0,
                  'a drafter does not change another unit''s draft');
SELECT test.check(test.changes($q$UPDATE document SET title = '改' WHERE id = 101$q$) = 0,
                  'a drafter does not change a published document');
SELECT test.fails($q$UPDATE document SET drafting_unit = '某市城市管理局' WHERE id = 200$q$, '42501');
SELECT test.fails($q$INSERT INTO document_text (document, text, sha256) VALUES (100, 'x', 'h')$q$, '42501');
-- A drafter cannot publish, approve or submit for review: the database refuses.
SELECT test.fails($q$UPDATE document SET status = 'published', reg_no = 'JYSF-2026-002' WHERE id = 200$q$, '42501');
SELECT test.fails($q$UPDATE document SET status = 'approved' WHERE id = 200$q$, '42501');
SELECT test.fails($q$UPDATE document SET status = 'reviewing' WHERE id = 200$q$, '42501');
SELECT test.fails($q$INSERT INTO document (title, issuer, drafting_unit, status, created_at, updated_at)
                     VALUES ('x', 'y', '某市司法局', 'published', 't', 't')$q$, '42501');
SELECT test.fails($q$INSERT INTO procedure_step (document, step, date, recorded_at)
                     VALUES (200, 'deliberation', '2026-01-20', 't')$q$, '42501');
SELECT test.fails($q$INSERT INTO procedure_step (document, step, date, recorded_at)
                     VALUES (200, 'legality-review', '2026-01-20', 't')$q$, '42501');
SELECT test.fails($q$INSERT INTO reg_sequence (scope, last) VALUES ('JYSF-2026', 2)$q$, '42501');
SELECT test.fails($q$INSERT INTO review (document, checklist, checklist_title, checklist_version, checklist_sha256,
                       conclusions, reviewer, started_at) VALUES (200, 'c', 't', 'v', 's', 'pass', 'zhang', 't')$q$, '42501');
SELECT test.fails($q$UPDATE event SET actor = '李四'$q$, '42501');
SELECT test.fails($q$DELETE FROM event$q$, '42501');
SELECT test.fails($q$INSERT INTO drafting_unit_role VALUES ('zhang', '某市城市管理局')$q$, '42501');
RESET ROLE;

-- A unit granted to a group role covers its members.
SET ROLE qian;
INSERT INTO document (title, issuer, drafting_unit, created_at, updated_at)
  VALUES ('某市促进民营经济发展若干措施', '某市人民政府', '某市发展和改革委员会', 't', 't');
SELECT test.check(test.changes($q$UPDATE document SET title = '改' WHERE id = 200$q$) = 0,
                  'a drafter of another unit does not change the draft');
RESET ROLE;

-- A reviewer reviews and moves a draft to reviewing and approved, never to published.
SET ROLE wang;
SELECT test.check(test.changes($q$UPDATE document SET status = 'reviewing' WHERE id = 200$q$) = 1,
                  'a reviewer starts a review');
INSERT INTO review (id, document, checklist, checklist_title, checklist_version, checklist_sha256, conclusions,
                    reviewer, started_at) VALUES (1, 200, 'legality', '合法性审核', '1', 's', 'pass fail', '王五', 't');
INSERT INTO review_item (review, position, item, category, text, article) VALUES (1, 1, 'L1', '主体', '是否越权', '第一条');
UPDATE review_item SET answer = 'pass' WHERE review = 1;
UPDATE review SET concluded = '2026-01-20', result = 'pass' WHERE id = 1;
INSERT INTO procedure_step (document, step, date, recorded_at) VALUES (200, 'legality-review', '2026-01-20', 't');
INSERT INTO procedure_step (document, step, date, recorded_at) VALUES (200, 'deliberation', '2026-01-25', 't');
SELECT test.check(test.changes($q$UPDATE document SET status = 'approved' WHERE id = 200$q$) = 1,
                  'a reviewer records the approval');
SELECT test.fails($q$UPDATE document SET status = 'published', reg_no = 'JYSF-2026-002' WHERE id = 200$q$, '42501');
SELECT test.check(test.changes($q$UPDATE document SET status = 'repealed' WHERE id = 101$q$) = 0,
                  'a reviewer does not end a published document');
SELECT test.fails($q$INSERT INTO procedure_step (document, step, date, recorded_at)
                     VALUES (200, 'publication', '2026-02-01', 't')$q$, '42501');
SELECT test.fails($q$UPDATE review SET opinion = '改' WHERE id = 1$q$, '23000', 'review is concluded');
SELECT test.fails($q$INSERT INTO law (name, updated_at) VALUES ('行政处罚法', 't')$q$, '42501');
SELECT test.fails($q$INSERT INTO cleanup (name, scope, opened_on, opened_at, opened_by)
                     VALUES ('2026年清理', '', '2026-01-01', 't', 'wang')$q$, '42501');
INSERT INTO filing (id, document, body, filed, materials, missing) VALUES (1, 101, '某省人民政府', '2026-02-05', '', '');
INSERT INTO filing_outcome (filing, kind, result, date) VALUES (1, 'result', 'registered', '2026-02-10');
RESET ROLE;

-- The admin publishes, runs cleanups, keeps the basis register and the unit grants.
SET ROLE zhao;
SELECT test.check(test.changes($q$UPDATE document SET status = 'published', reg_no = 'JYSF-2026-002' WHERE id = 200$q$) = 1,
                  'the admin publishes');
INSERT INTO reg_sequence (scope, last) VALUES ('JYSF-2026', 2);
INSERT INTO law (name, updated_at) VALUES ('行政处罚法', 't');
INSERT INTO cleanup (name, scope, opened_on, opened_at, opened_by) VALUES ('2026年清理', '', '2026-01-01', 't', 'zhao');
UPDATE cleanup SET closed_on = '2026-06-30', closed_at = 't', closed_by = 'zhao';
INSERT INTO drafting_unit_role (role, drafting_unit) VALUES ('zhang', '某市城市管理局');
-- The log and concluded reviews are beyond every role.
SELECT test.fails($q$UPDATE event SET actor = '赵六'$q$, '23000', 'event log is append-only');
SELECT test.fails($q$DELETE FROM event$q$, '23000', 'event log is append-only');
SELECT test.fails($q$TRUNCATE event$q$, '23000', 'event log is append-only');
SELECT test.fails($q$DELETE FROM review$q$, '23000', 'reviews are kept');
RESET ROLE;

-- The owner (here a superuser) too.
SELECT test.fails($q$UPDATE event SET actor = '赵六'$q$, '23000', 'event log is append-only');
SELECT test.fails($q$DELETE FROM event$q$, '23000', 'event log is append-only');
SELECT test.fails($q$TRUNCATE event CASCADE$q$, '23000', 'event log is append-only');
SELECT test.check((SELECT count(*) FROM event) = 2, 'both events are still there');

\echo ok: roles
