# SPDX-License-Identifier: MIT
# Upgrades from every past schema version: a registry filled at version K (made here from the
# migrations 001…K of schemas/sql/) and opened by normdoc must hold what a registry created at
# the latest version and filled with the same rows holds — the same schema and the same data.
#
# The rows come from a registry the program itself filled (the demo, then an evaluation, a
# cleanup, an acknowledgement, a void step and a received bundle), each table's rows copied
# with the columns that existed at version K; rows that version K's constraints refuse are left
# out of both registries alike.
if on_postgresql; then
  echo "  (left out on PostgreSQL: it fills SQLite files at every past schema version; the PostgreSQL migrations are checked by tests/pg/schema-parity)"
  return 0
fi

migrations=$NORMDOC_SOURCE_DIR/schemas/sql

# Tables that hold what the program derives from the others (reminder caches, the full-text
# index) and the mark a pre-baseline registry carries: not copied, not compared — they differ
# between an upgraded and a fresh registry by design and are rebuilt or checked by the program.
derived='due_item|due_stale|due_basis|due_window.*|document_fts.*|search_index_state|replay_baseline_due|sqlite_.*'
# A registry from before schema 13 records one `baseline` event at its first write, so its
# log's head moves on: copied, but compared only through the events that are not the baseline.
not_compared="$derived|chain_head"

sql() { # sql DB STATEMENTS: one sqlite3 call, failing the test on an error
  sqlite3 -bail "$1" "$2" 2>"$dir/sqlite.err" || fail "sqlite3 $1: $(head -c 300 "$dir/sqlite.err")"
}

tables_of() { # tables_of DB LEFT-OUT: its ordinary tables but those LEFT-OUT matches, one a line
  sqlite3 "$1" "SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name" |
    grep -Ev "^($2)$"
}

# at_version DB K: an empty registry made by migrations 001…K, as normdoc K left it.
at_version() {
  local file version
  {
    echo "PRAGMA synchronous = OFF;"
    for file in "$migrations"/*.sql; do
      version=${file##*/}
      version=$((10#${version%%_*}))
      [ "$version" -le "$2" ] || break
      echo "BEGIN;"
      cat "$file"
      echo "PRAGMA user_version = $version; PRAGMA application_id = $application_id; COMMIT;"
    done
  } >"$dir/migrate.sql"
  sqlite3 -bail "$1" <"$dir/migrate.sql" 2>"$dir/sqlite.err" || fail "migrations to $2: $(head -c 300 "$dir/sqlite.err")"
}

# copy_rows FROM TO: every row of TO's tables from FROM, in the columns both have.
copy_rows() {
  local table columns statements="PRAGMA synchronous = OFF; PRAGMA foreign_keys = OFF; ATTACH '$1' AS source; BEGIN;"
  while IFS='|' read -r table columns; do
    [ -n "$columns" ] || continue
    statements+=" INSERT OR IGNORE INTO main.$table ($columns) SELECT $columns FROM source.$table ORDER BY rowid;"
  done < <(sqlite3 "$2" "ATTACH '$1' AS source;
    SELECT t.name, (SELECT group_concat(c.name, ', ') FROM pragma_table_info(t.name) c
                    WHERE c.name IN (SELECT name FROM pragma_table_info(t.name, 'source')))
    FROM sqlite_schema t WHERE t.type = 'table' AND t.sql NOT LIKE 'CREATE VIRTUAL%'
    ORDER BY t.name" | grep -Ev "^($derived)\|")
  sql "$2" "$statements COMMIT;"
}

dump() { # dump DB: the schema and every row of every table that is compared
  local table script="SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name; PRAGMA user_version;"
  for table in $(tables_of "$1" "$not_compared"); do
    if [ "$table" = event ]; then
      script+=" SELECT '== event'; SELECT * FROM event WHERE kind <> 'baseline' ORDER BY rowid;"
    else
      script+=" SELECT '== $table'; SELECT * FROM $table ORDER BY rowid;"
    fi
  done
  sqlite3 -header "$1" "$script"
}

TEST "a registry filled at each past schema version upgrades to what a fresh registry holds"
export NORMDOC_CONFIG=$examples/normdoc.toml
"$examples/demo.sh" "$NORMDOC" >/dev/null 2>demo.err || fail "demo: $(head -c 300 demo.err)"
nd_ok evaluate 2 --outcome amend --by 6 --date 2026-11-20
nd_ok cleanup open 清理 --date 2026-06-01
nd_ok cleanup decide 清理 1 keep
nd_ok cleanup decide 清理 2 repeal --reason 已不适应
nd_ok acknowledge 4 expired --date 2026-06-01 --reason 已在目录中标注失效
nd_ok void step "$(sqlite3 registry.db 'SELECT max(id) FROM procedure_step')" --date 2026-11-01 --reason 录错了文件
NORMDOC_DB=$dir/sender.db nd_ok init --no-config
NORMDOC_DB=$dir/sender.db nd_ok add --title 外单位的管理办法 --issuer 某县市场监督管理局 --doc-no 某市监〔2024〕3号 --published 2024-03-01
NORMDOC_DB=$dir/sender.db nd_ok export --all --output sender.jsonl
nd_ok import --bundle sender.jsonl
application_id=$(sqlite3 registry.db 'PRAGMA application_id')
latest=$(sqlite3 registry.db 'PRAGMA user_version')
[ "$latest" -ge 18 ] || fail "latest schema version $latest"
for table in document procedure_step filing filing_outcome review review_item evaluation cleanup_item acknowledgement event received_event; do
  [ "$(sqlite3 registry.db "SELECT count(*) FROM $table")" -gt 0 ] || fail "the filled registry has no $table rows"
done

NORMDOC_DB=$dir/empty.db nd_ok init --no-config
for ((version = 1; version < latest; version++)); do
  old=v$version.db fresh=fresh$version.db
  at_version "$old" "$version"
  copy_rows registry.db "$old"
  [ "$(sqlite3 "$old" 'SELECT count(*) FROM document')" -gt 0 ] || fail "version $version: no document copied"
  cp empty.db "$fresh"
  copy_rows "$old" "$fresh"
  NORMDOC_DB=$dir/$old nd_ok list --format json # the first open upgrades
  [ "$(sqlite3 "$old" 'PRAGMA user_version')" = "$latest" ] || fail "version $version: not upgraded"
  baselines=$(sqlite3 "$old" "SELECT count(*) FROM event WHERE kind = 'baseline'")
  [ "$baselines" = "$((version < 13 ? 1 : 0))" ] || fail "version $version: $baselines baseline events after the upgrade"
  dump "$old" >"upgraded$version.txt"
  dump "$fresh" >"fresh$version.txt"
  diff -u "fresh$version.txt" "upgraded$version.txt" >"diff$version.txt" ||
    fail "version $version upgraded differs from a fresh registry: $(head -c 600 "diff$version.txt")"
done
