#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Benchmark (run by hand, not by CI): `normdoc check` throughput on the Henan corpus replicated
# to at least 100 MB, beside `grep -F -c -f` with the same literal phrases on the same input.
# Usage: tests/bench/check-throughput.sh [path/to/normdoc, default build/cli/normdoc] [size-in-MB]
set -euo pipefail

normdoc=${1:-build/cli/normdoc}
target_mb=${2:-100}
. "$(dirname "$0")/common.sh"
scratch_dir
input=$work/input.txt
cat "$corpus"/*.md >"$work/once.txt"
while [ "$(stat -c %s "$input" 2>/dev/null || echo 0)" -lt $((target_mb * 1024 * 1024)) ]; do
  cat "$work/once.txt" >>"$input"
done
bytes=$(stat -c %s "$input")
mb=$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1048576 }')

# Every literal of every rule: phrases, near and unless lists.
grep -hE '^(phrases|near|unless) = ' "$here"/schemas/checklists/*.toml |
  grep -oE '"[^"]+"' | tr -d '"' | sort -u >"$work/phrases.txt"
phrases=$(wc -l <"$work/phrases.txt")

seconds() { # seconds COMMAND…: wall time of one run
  local start end
  start=$(date +%s%N)
  # Into a file, not /dev/null: GNU grep stops at the first match when its output is /dev/null.
  "$@" >"$work/out" 2>&1 || true
  end=$(date +%s%N)
  awk -v ns=$((end - start)) 'BEGIN { printf "%.3f", ns / 1e9 }'
}

peak_kb() { # peak resident memory of COMMAND…, when GNU time is installed
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1
  else
    echo "n/a"
  fi
}

echo "input: $mb MB ($bytes bytes), $phrases literal phrases, $(nproc) cores"
for run in 1 2 3; do
  check_s=$(seconds "$normdoc" check "$input" --format jsonl --fail-on never)
  grep_s=$(seconds env LC_ALL=C grep -F -c -f "$work/phrases.txt" "$input")
  printf 'run %d: normdoc check %6.1f MB/s (%ss)   grep -F -c -f %6.1f MB/s (%ss)\n' "$run" \
    "$(awk -v m="$mb" -v s="$check_s" 'BEGIN { print m / s }')" "$check_s" \
    "$(awk -v m="$mb" -v s="$grep_s" 'BEGIN { print m / s }')" "$grep_s"
done
echo "peak memory: normdoc check $(peak_kb "$normdoc" check "$input" --format jsonl --fail-on never) KB on $mb MB," \
  "$(peak_kb "$normdoc" check "$work/once.txt" --format jsonl --fail-on never) KB on one copy"
