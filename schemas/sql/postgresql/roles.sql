-- SPDX-License-Identifier: MIT
-- Who may do what in a PostgreSQL registry, enforced by the database (issue 20 item 3). Run by
-- `normdoc init --db postgresql://…` after the migrations, and again after every later
-- migration (it is idempotent: the grants cover the tables that exist when it runs), as the
-- registry's owner with CREATEROLE (or after a database administrator has created the four
-- roles). The owner itself is not limited by any of this: it is the account that migrates.
--
-- Four group roles (NOLOGIN); an officer's login role is made a member of one:
--   normdoc_reader    reports, search, due, show, list, audit verify: reads everything; writes
--                     only the derived reminder tables `due` recomputes (never logged).
--   normdoc_drafter   a reader who adds and edits drafts of the drafting units granted to it
--                     in drafting_unit_role (row-level security): the document, its text,
--                     its citations and its assessment and public-comment steps. A drafter
--                     cannot change a document's status: not submit it for review, not
--                     approve, not publish.
--   normdoc_reviewer  a reader who records reviews (legality, fair competition), procedure
--                     steps, filings and their results, and acknowledgements; may move a draft
--                     to reviewing and approved, never publish or end a document.
--   normdoc_admin     everything: settings, publication, cleanup campaigns, the basis register
--                     (law, law_change), evaluations, bundles, the drafting-unit grants.
-- Every writer appends events. Nobody, the owner included, may change or delete an event, a
-- received event or a concluded review: the migrations' triggers refuse it (schemas 1, 4, 12).
--
--   CREATE ROLE zhang LOGIN; GRANT normdoc_drafter TO zhang;
--   INSERT INTO drafting_unit_role (role, drafting_unit) VALUES ('zhang', '某市司法局');

DO $$
DECLARE
  name text;
BEGIN
  FOREACH name IN ARRAY ARRAY['normdoc_reader', 'normdoc_drafter', 'normdoc_reviewer', 'normdoc_admin'] LOOP
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = name) THEN
      EXECUTE format('CREATE ROLE %I NOLOGIN', name);
    END IF;
  END LOOP;
END;
$$;

-- Every role reads what a reader reads.
GRANT normdoc_reader TO normdoc_drafter, normdoc_reviewer, normdoc_admin;

-- Which drafting units (document.drafting_unit, as written there) a role drafts for; a row
-- naming a group role covers its members.
CREATE TABLE IF NOT EXISTS drafting_unit_role (
  role          name NOT NULL,
  drafting_unit text NOT NULL CHECK (drafting_unit <> ''),
  PRIMARY KEY (role, drafting_unit)
);

-- True when the current role drafts for UNIT. Not SECURITY DEFINER: current_user must be the
-- officer's role, and pg_has_role follows group membership.
CREATE OR REPLACE FUNCTION normdoc_drafts_for(unit text) RETURNS boolean
  LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM drafting_unit_role r JOIN pg_roles p ON p.rolname = r.role
                  WHERE r.drafting_unit = unit AND pg_has_role(current_user, p.oid, 'MEMBER'))
$$;

-- Start from nothing, so that running this again after a change takes privileges away too.
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM normdoc_reader, normdoc_drafter, normdoc_reviewer, normdoc_admin;
REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM normdoc_reader, normdoc_drafter, normdoc_reviewer, normdoc_admin;

GRANT SELECT ON ALL TABLES IN SCHEMA public TO normdoc_reader;
-- Derived data `due` rebuilds (schema 10): a reader running `due` refreshes it.
GRANT INSERT, UPDATE, DELETE ON due_item, due_window, due_stale, due_basis TO normdoc_reader;

-- What every write does: append an event and move the chain head; a registry created before
-- its log carried everything writes its baseline once (schema 13); a bulk load defers the
-- search index (schema 17).
GRANT INSERT ON event TO normdoc_drafter, normdoc_reviewer, normdoc_admin;
GRANT INSERT, UPDATE ON chain_head TO normdoc_drafter, normdoc_reviewer, normdoc_admin;
GRANT DELETE ON replay_baseline_due TO normdoc_drafter, normdoc_reviewer, normdoc_admin;
GRANT UPDATE ON search_index_state TO normdoc_drafter, normdoc_reviewer, normdoc_admin;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO normdoc_drafter, normdoc_reviewer, normdoc_admin;

GRANT INSERT, UPDATE ON document, document_text, procedure_step TO normdoc_drafter, normdoc_reviewer;
GRANT INSERT, DELETE ON citation TO normdoc_drafter;

GRANT INSERT, UPDATE ON review, review_item, review_finding TO normdoc_reviewer;
GRANT INSERT, UPDATE ON filing, acknowledgement TO normdoc_reviewer;
GRANT INSERT, UPDATE, DELETE ON filing_outcome TO normdoc_reviewer;
GRANT DELETE ON acknowledgement TO normdoc_reviewer;

GRANT ALL ON ALL TABLES IN SCHEMA public TO normdoc_admin;

-- Row-level security: the owner (not FORCE) and the admin see and change every row; readers
-- and reviewers see every row; a drafter changes only drafts of its units.
ALTER TABLE document ENABLE ROW LEVEL SECURITY;
ALTER TABLE document_text ENABLE ROW LEVEL SECURITY;
ALTER TABLE citation ENABLE ROW LEVEL SECURITY;
ALTER TABLE procedure_step ENABLE ROW LEVEL SECURITY;

DROP POLICY IF EXISTS read_all ON document;
DROP POLICY IF EXISTS admin_all ON document;
DROP POLICY IF EXISTS drafter_insert ON document;
DROP POLICY IF EXISTS drafter_update ON document;
DROP POLICY IF EXISTS reviewer_update ON document;
CREATE POLICY read_all ON document FOR SELECT TO normdoc_reader USING (true);
CREATE POLICY admin_all ON document FOR ALL TO normdoc_admin USING (true) WITH CHECK (true);
CREATE POLICY drafter_insert ON document FOR INSERT TO normdoc_drafter
  WITH CHECK (status = 'draft' AND normdoc_drafts_for(drafting_unit));
CREATE POLICY drafter_update ON document FOR UPDATE TO normdoc_drafter
  USING (status = 'draft' AND normdoc_drafts_for(drafting_unit))
  WITH CHECK (status = 'draft' AND normdoc_drafts_for(drafting_unit));
-- Starting a review moves a draft to reviewing (review.cpp), a deliberation to approved
-- (procedure.cpp); publishing and ending a document are the admin's.
CREATE POLICY reviewer_update ON document FOR UPDATE TO normdoc_reviewer
  USING (status IN ('draft', 'reviewing', 'approved'))
  WITH CHECK (status IN ('draft', 'reviewing', 'approved'));

DROP POLICY IF EXISTS read_all ON document_text;
DROP POLICY IF EXISTS admin_all ON document_text;
DROP POLICY IF EXISTS drafter_write ON document_text;
DROP POLICY IF EXISTS reviewer_write ON document_text;
CREATE POLICY read_all ON document_text FOR SELECT TO normdoc_reader USING (true);
CREATE POLICY admin_all ON document_text FOR ALL TO normdoc_admin USING (true) WITH CHECK (true);
CREATE POLICY drafter_write ON document_text FOR ALL TO normdoc_drafter
  USING (EXISTS (SELECT 1 FROM document d WHERE d.id = document AND d.status = 'draft'
                                             AND normdoc_drafts_for(d.drafting_unit)))
  WITH CHECK (EXISTS (SELECT 1 FROM document d WHERE d.id = document AND d.status = 'draft'
                                                  AND normdoc_drafts_for(d.drafting_unit)));
CREATE POLICY reviewer_write ON document_text FOR ALL TO normdoc_reviewer
  USING (EXISTS (SELECT 1 FROM document d WHERE d.id = document AND d.status IN ('draft', 'reviewing', 'approved')))
  WITH CHECK (EXISTS (SELECT 1 FROM document d WHERE d.id = document AND d.status IN ('draft', 'reviewing', 'approved')));

DROP POLICY IF EXISTS read_all ON citation;
DROP POLICY IF EXISTS admin_all ON citation;
DROP POLICY IF EXISTS drafter_write ON citation;
CREATE POLICY read_all ON citation FOR SELECT TO normdoc_reader USING (true);
CREATE POLICY admin_all ON citation FOR ALL TO normdoc_admin USING (true) WITH CHECK (true);
CREATE POLICY drafter_write ON citation FOR ALL TO normdoc_drafter
  USING (EXISTS (SELECT 1 FROM document d WHERE d.id = document AND d.status = 'draft'
                                             AND normdoc_drafts_for(d.drafting_unit)))
  WITH CHECK (EXISTS (SELECT 1 FROM document d WHERE d.id = document AND d.status = 'draft'
                                                  AND normdoc_drafts_for(d.drafting_unit)));

-- A drafter records the steps its unit takes before review (assessment, public comment); the
-- reviews, deliberation, signing and publication steps are the reviewer's and the admin's.
DROP POLICY IF EXISTS read_all ON procedure_step;
DROP POLICY IF EXISTS admin_all ON procedure_step;
DROP POLICY IF EXISTS drafter_write ON procedure_step;
DROP POLICY IF EXISTS reviewer_write ON procedure_step;
CREATE POLICY read_all ON procedure_step FOR SELECT TO normdoc_reader USING (true);
CREATE POLICY admin_all ON procedure_step FOR ALL TO normdoc_admin USING (true) WITH CHECK (true);
CREATE POLICY drafter_write ON procedure_step FOR ALL TO normdoc_drafter
  USING (step IN ('assessment', 'comment')
         AND EXISTS (SELECT 1 FROM document d WHERE d.id = document AND d.status = 'draft'
                                                AND normdoc_drafts_for(d.drafting_unit)))
  WITH CHECK (step IN ('assessment', 'comment')
              AND EXISTS (SELECT 1 FROM document d WHERE d.id = document AND d.status = 'draft'
                                                     AND normdoc_drafts_for(d.drafting_unit)));
CREATE POLICY reviewer_write ON procedure_step FOR ALL TO normdoc_reviewer
  USING (step <> 'publication') WITH CHECK (step <> 'publication');
