-- SPDX-License-Identifier: MIT
-- Schema 19 (PostgreSQL): every event records the database role that wrote it, as
-- schemas/sql/019_event_db_role.sql. No DEFAULT: PostgreSQL would fill the events already
-- written with the migrating role, and they were hashed without one.
ALTER TABLE event ADD COLUMN db_role text;

-- The role is the server's word, not the program's: an event whose db_role is not the role
-- inserting it (current_user; a trigger function runs with the rights of the role that fires
-- it) is refused, so a client cannot write another role's name into the log; one without is
-- given it (normdoc always sends it, since the hash covers it).
CREATE FUNCTION normdoc_event_db_role() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.db_role IS NULL THEN
    NEW.db_role := current_user;
  ELSIF NEW.db_role <> current_user::text THEN
    RAISE EXCEPTION USING MESSAGE = 'event db_role must be the role writing it', ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER event_db_role BEFORE INSERT ON event
  FOR EACH ROW EXECUTE FUNCTION normdoc_event_db_role();
