# SPDX-License-Identifier: MIT
# What a person reads is Chinese: every help page, a set of refused command lines and bad
# inputs, and the text output of the main commands are scanned for English words. Allowed are
# the names a person types (subcommands, options, the choices offered in {…}), placeholders in
# capitals, file names and paths, codes with digits, and the technical terms listed below.
# Messages of libraries (SQLite, libxml2, poppler) may appear only quoted in （…） after a
# Chinese sentence.

# Technical terms and the keys a person types (config keys, CSV columns, status, step and
# scope keys, acknowledgement subjects, input file types), as documented in the man pages.
allowed_terms="sha-256 csv json jsonl utf-8 gbk gb18030 pdf ofd url bom excel toml html md
markdown docx doc wps txt ics icalendar libreoffice sqlite xdg cron bash zsh tty
ref decision reason body date materials name level publish valid_from expired category
user office db code issuer year business findings before
draft reviewing approved published amended repealed expired invalidated
assessment comment legality-review fair-competition-review deliberation signing publication
filed-before-registry filing-review correction
calendar-missing comment-too-short deliberation-after-unlawful-review deliberation-before-legality-review effective-before-publication no-fair-competition-review noncompliant-published publication-before-deliberation published-without-deliberation published-without-legality-review
normative other
pass fail na registered deferred refused passed correct revoke
normdoc man"

# Every help page: the top level, each subcommand and each of theirs.
help_pages() {
  local sub subsub
  "$NORMDOC" --help
  for sub in $("$NORMDOC" --help | awk '/^子命令:/ { on = 1; next } on && NF { print $1 }'); do
    "$NORMDOC" "$sub" --help
    for subsub in $("$NORMDOC" "$sub" --help | awk '/^子命令:/ { on = 1; next } on && NF { print $1 }'); do
      "$NORMDOC" "$sub" "$subsub" --help
    done
  done
}

# The words a person may see that are not Chinese: subcommand names, option names and the
# choices of the help pages, then the terms above; one lowercase word a line.
allowed_words() {
  help_pages >all-help.txt 2>&1
  {
    awk '/^子命令:/ { on = 1; next } /^$/ { on = 0 } on && NF { print $1 }' all-help.txt
    grep -oE -- '--[a-z][a-z0-9-]*' all-help.txt | sed 's/^--//' | tr '-' '\n'
    grep -oE -- '--[a-z][a-z0-9-]*' all-help.txt | sed 's/^--//'
    grep -oE '\{[^}]*\}' all-help.txt | tr -d '{}' | tr ',' '\n'
    printf '%s\n' $allowed_terms "$USER"
  } | tr 'A-Z' 'a-z' | sort -u
}

# The allowed words, walked once for the suite.
allowed_list() {
  [ -s "$root/allowed.txt" ] || allowed_words >"$root/allowed.txt"
  cp "$root/allowed.txt" allowed.txt
}

# english FILE: the words of FILE outside the allowed ones, one a line. HTML tags are markup
# (Markdown's page breaks), not words anyone reads.
english() {
  sed -E \
    -e 's/<[^>]*>//g' \
    -e 's/（[ -~]*）//g' \
    -e 's/“[^”]*”//g' \
    -e 's#[^ 　，。：；、（）“”《》]*[/.][^ 　，。：；、（）“”《》]*##g' \
    -e 's/normdoc-[a-z]+//g' \
    -e 's/(^|[^A-Za-z0-9])--?[a-zA-Z][a-zA-Z0-9-]*/\1/g' \
    -e 's/[A-Za-z0-9_-]*[0-9][A-Za-z0-9_-]*//g' \
    -e 's/\b[A-Z][A-Z_]+\b//g' \
    "$1" | grep -oE '[A-Za-z][A-Za-z_-]*[A-Za-z]' | tr 'A-Z' 'a-z' | sort -u | comm -23 - allowed.txt
}

expect_chinese() { # expect_chinese FILE WHAT
  local words
  words=$(english "$1" | tr '\n' ' ')
  [ -z "$words" ] || fail "English in $2: $words"
}

seed() {
  for meta in "$examples"/documents/0[1-5]*.toml; do
    nd_ok add --from "$meta"
  done
  nd_ok cleanup open 清理 --date 2026-06-01
  nd_ok cleanup decide 清理 1 keep --reason 仍适用
  nd_ok review start 5 --checklist legality --received 2026-11-23
}

TEST "help pages are Chinese"
allowed_words >"$root/allowed.txt"
cp "$root/allowed.txt" allowed.txt
[ "$(wc -l <allowed.txt)" -gt 100 ] || fail "too few allowed words: the help walk failed"
expect_chinese all-help.txt "help"
for label in TEXT INT 'not expected' Usage OPTIONS; do
  ! grep -q "$label" all-help.txt || fail "CLI11's English '$label' in help"
done

TEST "refusals and errors are Chinese, one line each"
allowed_list
seed
printf 'garbage%.0s' {1..100} >bad.db
printf 'ref,decision\n99,keep\n' >d.csv
printf '<a><b></a>' >bad.html
while IFS= read -r line; do
  eval "set -- $line"
  nd "$@"
  [ "$(cat "$dir/status")" -ge 2 ] || fail "normdoc $line did not fail"
  grep -q '^normdoc: 错误：' "$dir/stderr" || fail "normdoc $line: no error line: $(head -2 "$dir/stderr")"
  ! grep -q '命令行有误' "$dir/stderr" || fail "normdoc $line: CLI11's message untranslated: $(cat "$dir/stderr")"
  cat "$dir/stderr" >>errors.txt
done <<'EOF'
lsit
review lst
list --formt csv
list csv --formt
review
""
list --format
list --format xml
list --year abc
publish 1 --dat 2020-01-01
show 1 2
show
--db
add --validity 5y --expires 2020-01-01 --title 甲 --issuer 乙
cleanup decide 清理 1 kep --reason 甲
review start 1 --checklist legalty
evaluate 1 --outcome x --date 2020-01-01
show 99
publish 1 --date 2020-13-01
repeal 1 --date 2020-01-01
add --issuer 乙
cleanup import 清理 d.csv
cleanup import 清理 no-such.csv
--db bad.db list
check bad.html
check no-such.txt
review show R99
filing result 1 --to 某机关 --result passed --date 2020-01-01
due --within 3x
list --expiring-within 6q
acknowledge 1 nothing --date 2020-01-01 --reason 甲
export --all --output /nonexistent/dir/x.jsonl
EOF
expect_chinese errors.txt "errors"

TEST "the text output of the main commands is Chinese"
allowed_list
seed
for command in "show 1" "show 1 --procedure" list log due "review list" "review show R1" "review show R1 --format md" \
  "cleanup status 清理" "cleanup report 清理" "report catalog" "report filing" "report stats" \
  "check $examples/drafts/planted-violations.txt" "check --explain L4-permit-gate" "audit verify" "doctor" \
  "list --format csv" "cleanup report 清理 --format csv" "report catalog --format csv"; do
  eval "nd $command"
  cat "$dir/stdout" "$dir/stderr" >>output.txt
done
expect_chinese output.txt "output"
