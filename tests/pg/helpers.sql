-- SPDX-License-Identifier: MIT
-- Checks for the psql scripts of tests/pg (included with \ir): each raises on failure, and
-- psql runs them with ON_ERROR_STOP. In a schema of their own, so that SET ROLE keeps them.

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
