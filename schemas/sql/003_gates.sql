-- SPDX-License-Identifier: MIT
-- Schema 3: the urgency reason for a legality review concluded in under 5 working days
-- (国办发〔2018〕115号 (五)). Gate overrides are events in the log, not a table.
ALTER TABLE procedure_step ADD COLUMN urgency TEXT;
