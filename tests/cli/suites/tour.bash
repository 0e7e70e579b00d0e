# SPDX-License-Identifier: MIT
# The README tour runs as written (issue 13 item 8): the lines between the tour markers of
# README.md, in order, on a fresh registry, with examples/ where the tour expects it. Only
# `check` (findings) and `due` (something overdue) may end with 1, as their man pages say.

# tour_lines: the shell lines of the README tour, one per line.
tour_lines() {
  sed -n '/^<!-- tour:begin -->$/,/^<!-- tour:end -->$/p' "$NORMDOC_SOURCE_DIR/README.md" |
    grep -v -e '^<!--' -e '^```'
}

TEST "every command of the README tour, in order, succeeds on a fresh registry"
db_fresh # the tour creates its own with init
ln -s "$examples" examples
normdoc() { "$NORMDOC" "$@"; }
ran=0
while IFS= read -r line; do
  ran=$((ran + 1))
  eval "$line" >"$dir/stdout" 2>"$dir/stderr" </dev/null
  status=$?
  case "$status:$line" in
    0:*) ;;
    "1:normdoc check "* | "1:normdoc due"*) ;;
    # A server registry is copied with pg_dump, as backup's refusal says.
    "2:"*"normdoc backup "*) on_postgresql || fail "tour line $ran exited 2: $line" ;;
    *) fail "tour line $ran exited $status: $line"; break ;;
  esac
done < <(tour_lines)
[ "$ran" -ge 40 ] || fail "only $ran tour lines found between the markers"
# What the tour says it did is so.
nd_ok list --format json
expect_json '[.[] | "\(.id):\(.status)"] | join(" ")' "1:published 2:repealed 3:expired 4:pending"
nd_ok show 4 --format json
expect_json '"\(.reg_no) \(.doc_no) \(.effective)"' "JYWL-2026-001 济示文旅〔2026〕5号 2027-01-01"
nd due --fail-on overdue
expect_exit 0
nd_ok audit verify
unset -f normdoc
