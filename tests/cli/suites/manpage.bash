# SPDX-License-Identifier: MIT
# The man page documents every subcommand and every long option that --help shows.

page=$NORMDOC_SOURCE_DIR/man/normdoc.1
# The page with roff escapes for '-' and fonts removed, so option names read plainly.
plain_page() {
  sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' "$page"
}

# Subcommand names listed under the 子命令 heading of a --help text.
subcommands_in_help() {
  sed -n '/^子命令:/,$p' "$1" | awk 'NR > 1 && /^  [a-z]/ { print $1 }'
}

TEST "every subcommand and long option in --help has an entry in man/normdoc.1"
plain_page >page.txt
nd_ok --help
cp "$dir/stdout" top-help.txt
for option in $(grep -o -- '--[a-z][a-z-]*' top-help.txt | sort -u); do
  grep -qF -- "$option" page.txt || fail "global option $option missing from the man page"
done
for sub in $(subcommands_in_help top-help.txt); do
  grep -qE "^\.B $sub( |$)" page.txt || fail "subcommand $sub has no entry in the man page"
  nd_ok "$sub" --help
  cp "$dir/stdout" "help-$sub.txt"
  for option in $(grep -o -- '--[a-z][a-z-]*' "help-$sub.txt" | sort -u); do
    grep -qF -- "$option" page.txt || fail "option $option of $sub missing from the man page"
  done
  for nested in $(subcommands_in_help "help-$sub.txt"); do
    grep -qE "^\.B $sub $nested" page.txt || fail "subcommand $sub $nested has no entry in the man page"
  done
done
[ "$(subcommands_in_help top-help.txt | wc -l)" -ge 10 ] || fail "could not read the subcommands from --help"
