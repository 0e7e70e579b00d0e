# SPDX-License-Identifier: MIT
# The bash completion generated from the command tree offers subcommands and options.

complete_line() { # complete_line WORD…: the completions of the last word
  # shellcheck source=/dev/null
  . ./normdoc.bash
  COMP_WORDS=(normdoc "$@")
  COMP_CWORD=$#
  COMPREPLY=()
  _normdoc
  printf '%s\n' "${COMPREPLY[@]}"
}

TEST "completion: subcommands, nested subcommands and options at every level"
nd_ok completion bash
cp "$dir/stdout" normdoc.bash
bash -n normdoc.bash || fail "the bash script does not parse"
[ "$(complete_line rev)" = review ] || fail "rev → $(complete_line rev)"
[ "$(complete_line review co)" = conclude ] || fail "review co → $(complete_line review co)"
[ "$(complete_line review conclude R1 --exc)" = --exception-ground ] || fail "review conclude --exc"
[ "$(complete_line cleanup open 清理 --sc)" = --scope ] || fail "cleanup open --sc"
[ "$(complete_line --db x.db li)" = list ] || fail "global option before the subcommand"
touch 送审稿.txt
[ "$(complete_line check 送审)" = 送审稿.txt ] || fail "file names where no word matches"
nd_ok --help
for sub in $(sed -n '/^子命令:/,$p' "$dir/stdout" | awk 'NR > 1 && /^  [a-z]/ { print $1 }'); do
  grep -q "\"/$sub\")" normdoc.bash || fail "subcommand $sub missing from the completion"
done
nd_ok completion zsh
head -1 "$dir/stdout" | grep -q '^#compdef normdoc' || fail "zsh script lacks #compdef"
nd completion fish
expect_exit 2
