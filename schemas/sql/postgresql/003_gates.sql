-- SPDX-License-Identifier: MIT
-- Schema 3 (PostgreSQL): the urgency reason for a legality review concluded in under 5 working
-- days (国办发〔2018〕115号 (五)), as schemas/sql/003_gates.sql.
ALTER TABLE procedure_step ADD COLUMN urgency text;
