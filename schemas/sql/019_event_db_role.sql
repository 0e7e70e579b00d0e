-- SPDX-License-Identifier: MIT
-- Schema 19: every event records the database role that wrote it, beside the display name
-- (`actor`, from --as or the config's `user`, which anyone may type). On PostgreSQL it is the
-- role the server authenticated (current_user), checked by the server itself
-- (schemas/sql/postgresql/019_event_db_role.sql). A SQLite file has no roles: whoever may
-- write the file writes it, and the column stays NULL. The hash chain covers the role when
-- there is one (lib/src/audit/event_log.cpp: compute_hash), so events written before this
-- schema, and every SQLite event, hash as they always did.
ALTER TABLE event ADD COLUMN db_role TEXT;
