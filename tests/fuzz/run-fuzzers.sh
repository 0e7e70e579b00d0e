#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Runs every libFuzzer target of a NORMDOC_FUZZ build for a fixed time, starting from its corpus,
# its seeds (seeds.txt) and its regressions. A crash stops the run with exit 1 and leaves the
# input in ARTIFACTS; copy it to tests/fuzz/regressions/TARGET/ and fix the bug, so the ordinary
# build replays it as a test from then on.
# Usage: tests/fuzz/run-fuzzers.sh BUILD_DIR [SECONDS_PER_TARGET] [TARGET…]
set -euo pipefail

build=${1:?usage: run-fuzzers.sh BUILD_DIR [SECONDS] [TARGET…]}
seconds=${2:-30}
shift $(($# > 1 ? 2 : 1))
fuzz_dir=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$fuzz_dir/../.." && pwd)
artifacts=${ARTIFACTS:-$build/fuzz-artifacts}
mkdir -p "$artifacts"

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for source in "$fuzz_dir"/corpus/*/; do
    targets+=("$(basename "$source")")
  done
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for target in "${targets[@]}"; do
  binary=$build/tests/fuzz/fuzz_$target
  [ -x "$binary" ] || { echo "no fuzz target $binary (configure with -DNORMDOC_FUZZ=ON)" >&2; exit 2; }
  # libFuzzer writes what it discovers into the first directory: a scratch copy of every seed,
  # so the repository stays as it is.
  corpus=$work/$target
  mkdir -p "$corpus"
  cp -r "$fuzz_dir/corpus/$target/." "$corpus/"
  [ -d "$fuzz_dir/regressions/$target" ] && cp -r "$fuzz_dir/regressions/$target/." "$corpus/"
  for seed in $(awk -v t="$target" '$1 == t { $1 = ""; print }' "$fuzz_dir/seeds.txt"); do
    find "$repo/$seed" -maxdepth 1 -type f -exec cp {} "$corpus/" \;
  done
  printf '%-10s ' "$target"
  if ! "$binary" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
       -artifact_prefix="$artifacts/$target-" "$corpus" >"$work/$target.log" 2>&1; then
    echo "CRASH"
    grep -v "^#" "$work/$target.log" | tail -25
    echo "input saved in $artifacts; copy it to tests/fuzz/regressions/$target/"
    exit 1
  fi
  sed -n 's/^stat::number_of_executed_units: *\([0-9]*\)/\1 runs/p' "$work/$target.log" | tr '\n' ' '
  echo "$(find "$corpus" -type f | wc -l) corpus inputs, no crash"
done
