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

# grep's literals: every phrase, near and unless word of the rules as they were at 0ed3b9e
# (`grep -hE '^(phrases|near|unless) = ' schemas/checklists/*.toml | grep -oE '"[^"]+"' |
# tr -d '"' | sort -u`), frozen so that rule changes do not move the target of issue 18.
phrases_file=$here/tests/bench/check-literals.txt
phrases=$(wc -l <"$phrases_file")

seconds() { # seconds COMMAND…: wall time of one run; its CPU time (user+sys) in $work/cpu
  local start end
  start=$(date +%s%N)
  # Into a file, not /dev/null: GNU grep stops at the first match when its output is /dev/null.
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -o "$work/cpu" -f '%U %S' "$@" >"$work/out" 2>/dev/null || true
  else
    "$@" >"$work/out" 2>&1 || true
    echo "n/a" >"$work/cpu"
  fi
  end=$(date +%s%N)
  awk -v ns=$((end - start)) 'BEGIN { printf "%.3f", ns / 1e9 }'
}

cpu() { # CPU seconds of the last run
  awk '{ if (NF == 2) printf "%.2f", $1 + $2; else printf "n/a" }' "$work/cpu"
}

peak_kb() { # peak resident memory of COMMAND…, when GNU time is installed
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1
  else
    echo "n/a"
  fi
}

echo "input: $mb MB ($bytes bytes), $phrases literal phrases, $(nproc) cores"
rate() { awk -v m="$mb" -v s="$1" 'BEGIN { print m / s }'; }
for run in 1 2 3; do
  check_s=$(seconds "$normdoc" check "$input" --format jsonl --fail-on never)
  check_cpu=$(cpu)
  fair_s=$(seconds "$normdoc" check "$input" --checklist fair-competition --format jsonl --fail-on never)
  fair_cpu=$(cpu)
  grep_s=$(seconds env LC_ALL=C grep -F -c -f "$phrases_file" "$input")
  grep_cpu=$(cpu)
  printf 'run %d: check all %6.1f MB/s (%ss, CPU %ss)   fair-competition %6.1f MB/s (%ss, CPU %ss)   grep -F -c -f %6.1f MB/s (%ss, CPU %ss)\n' \
    "$run" "$(rate "$check_s")" "$check_s" "$check_cpu" "$(rate "$fair_s")" "$fair_s" "$fair_cpu" \
    "$(rate "$grep_s")" "$grep_s" "$grep_cpu"
done
echo "peak memory: normdoc check $(peak_kb "$normdoc" check "$input" --format jsonl --fail-on never) KB on $mb MB," \
  "$(peak_kb "$normdoc" check "$work/once.txt" --format jsonl --fail-on never) KB on one copy"
