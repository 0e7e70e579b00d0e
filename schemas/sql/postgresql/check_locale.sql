-- SPDX-License-Identifier: MIT
-- Run by `normdoc init --db postgresql://…` before the migrations: one row, and init refuses
-- the database unless `ok` is true, naming `encoding` and `lc_ctype`. Search (schema 6) uses
-- pg_trgm, which keeps only the characters the database's lc_ctype classifies as alphanumeric:
-- under lc_ctype C or POSIX it drops every Chinese character, and a search for 规范性文件 would
-- find nothing. C.UTF-8 (or any UTF-8 locale: zh_CN.UTF-8, en_US.UTF-8) keeps them. pg_trgm is
-- not installed yet when this runs; the regular expression class \w classifies characters
-- through the same lc_ctype (tests/pg/locale-check shows the two agree under C and C.UTF-8).
SELECT current_setting('server_encoding') = 'UTF8' AND '规范性文件' ~ '^\w{5}$' AS ok,
       current_setting('server_encoding') AS encoding,
       current_setting('lc_ctype') AS lc_ctype;
