-- SPDX-License-Identifier: MIT
-- Run by `normdoc init --db postgresql://…` before the migrations: one row, and init refuses
-- the database unless `ok` is true, naming `encoding`, `lc_ctype` and `lc_collate`.
-- - Search (schema 6) uses pg_trgm, which keeps only the characters the database's lc_ctype
--   classifies as alphanumeric: under C or POSIX it drops every Chinese character, and its
--   index then hands every row to the recheck (a full scan). pg_trgm is not installed yet when
--   this runs; the regular expression class \w classifies characters through the same lc_ctype
--   (tests/pg/locale-check shows the two agree under C and C.UTF-8).
-- - Output must be byte-identical to SQLite's, whose text order is code point order (BINARY):
--   the collation must be C, POSIX or C.UTF-8 (code point order in glibc), not a language's
--   (zh_CN.UTF-8 sorts by pinyin, and the range lookups of search would miss).
-- `createdb --encoding=UTF8 --locale=C.UTF-8 --template=template0` makes a database that passes.
SELECT current_setting('server_encoding') = 'UTF8'
         AND '规范性文件' ~ '^\w{5}$'
         AND current_setting('lc_collate') IN ('C', 'POSIX', 'C.UTF-8', 'C.utf8') AS ok,
       current_setting('server_encoding') AS encoding,
       current_setting('lc_ctype') AS lc_ctype,
       current_setting('lc_collate') AS lc_collate;
