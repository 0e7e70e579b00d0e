# SPDX-License-Identifier: MIT
# Every subcommand has its own page, man/normdoc-SUB.1, with the standard sections and an entry
# for every nested subcommand and long option its --help shows; normdoc.1 lists every subcommand
# and documents the global options; no page is left over for a subcommand that no longer exists.

man_dir=$NORMDOC_SOURCE_DIR/man
# A page with roff escapes for '-' and fonts removed, so option names read plainly.
plain_page() {
  sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' "$1"
}

# Subcommand names listed under the 子命令 heading of a --help text.
subcommands_in_help() {
  sed -n '/^子命令:/,$p' "$1" | awk 'NR > 1 && /^  [a-z]/ { print $1 }'
}

long_options_in_help() {
  grep -o -- '--[a-z][a-z-]*' "$1" | grep -vx -- '--help' | sort -u
}

TEST "normdoc.1 lists every subcommand, points to its page and documents the global options"
plain_page "$man_dir/normdoc.1" >page.txt
nd_ok --help
cp "$dir/stdout" top-help.txt
for option in $(long_options_in_help top-help.txt); do
  grep -qF -- "$option" page.txt || fail "global option $option missing from normdoc.1"
done
for sub in $(subcommands_in_help top-help.txt); do
  grep -qE "^\.B $sub( |$)" page.txt || fail "subcommand $sub has no entry in normdoc.1"
  grep -qE "^\.BR normdoc-$sub \(1\)" page.txt || fail "normdoc.1 does not refer to normdoc-$sub(1)"
done
[ "$(subcommands_in_help top-help.txt | wc -l)" -ge 10 ] || fail "could not read the subcommands from --help"

TEST "every subcommand has a page with the standard sections, its nested subcommands and options"
nd_ok --help
cp "$dir/stdout" top-help.txt
for sub in $(subcommands_in_help top-help.txt); do
  page=$man_dir/normdoc-$sub.1
  if [ ! -f "$page" ]; then
    fail "subcommand $sub has no page man/normdoc-$sub.1"
    continue
  fi
  plain_page "$page" >"page-$sub.txt"
  for section in NAME SYNOPSIS DESCRIPTION OPTIONS "EXIT STATUS" EXAMPLES FILES "SEE ALSO"; do
    grep -qx "\.SH $section" "page-$sub.txt" || fail "normdoc-$sub.1 has no $section section"
  done
  grep -qE "^\.TH NORMDOC-$(echo "$sub" | tr a-z A-Z) 1 " "page-$sub.txt" ||
    fail "normdoc-$sub.1 has no matching .TH line"
  nd_ok "$sub" --help
  cp "$dir/stdout" "help-$sub.txt"
  for option in $(long_options_in_help "help-$sub.txt"); do
    grep -qF -- "$option" "page-$sub.txt" || fail "option $option of $sub missing from normdoc-$sub.1"
  done
  for nested in $(subcommands_in_help "help-$sub.txt"); do
    grep -qE "^\.(B|SS) \"?normdoc $sub $nested" "page-$sub.txt" ||
      fail "subcommand $sub $nested has no entry in normdoc-$sub.1"
    nd_ok "$sub" "$nested" --help
    for option in $(long_options_in_help "$dir/stdout"); do
      grep -qF -- "$option" "page-$sub.txt" ||
        fail "option $option of $sub $nested missing from normdoc-$sub.1"
    done
  done
done

TEST "every subcommand page belongs to a subcommand that exists"
nd_ok --help
subcommands_in_help "$dir/stdout" >subcommands.txt
for page in "$man_dir"/normdoc-*.1; do
  sub=$(basename "$page" .1)
  sub=${sub#normdoc-}
  grep -qx "$sub" subcommands.txt || fail "man/$(basename "$page") documents no subcommand of normdoc"
done

