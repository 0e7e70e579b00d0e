#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Benchmark (run by hand, not by CI): `normdoc import` throughput on the Henan corpus
# replicated to N documents (default 10,000; each copy gets a line of its own so none is a
# duplicate), then `search` latency on that registry (median of 9 runs per query).
# Usage: tests/bench/import-search.sh [path/to/normdoc, default build/cli/normdoc] [documents]
set -euo pipefail

normdoc=$(realpath "${1:-build/cli/normdoc}")
count=${2:-10000}
. "$(dirname "$0")/common.sh"
scratch_dir
mkdir "$work/files"
mapfile -t sources < <(ls "$corpus"/*.md)
for ((i = 0; i < count; i++)); do
  source=${sources[$((i % ${#sources[@]}))]}
  { cat "$source"; printf '\n（副本 %d）\n' "$i"; } >"$work/files/$(printf '%05d' "$i").md"
done
bytes=$(du -sb "$work/files" | cut -f1)
export NORMDOC_DB=$work/registry.db USER=bench
"$normdoc" init --no-config >/dev/null

seconds() { # seconds COMMAND…: wall time of one run
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null 2>&1 || true
  end=$(date +%s.%N)
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f", e - s }'
}

t=$(seconds "$normdoc" import "$work/files" --issuer 河南省人民代表大会常务委员会)
imported=$("$normdoc" list --format csv | tail -n +2 | wc -l)
awk -v n="$imported" -v t="$t" -v b="$bytes" 'BEGIN {
  printf "import: %d documents, %.1f MB in %.1f s = %.0f documents/s, %.2f MB/s\n", n, b / 1048576, t, n / t, b / 1048576 / t }'
if [ -x /usr/bin/time ]; then
  /usr/bin/time -f %M -o "$work/rss" "$normdoc" import "$work/files" >/dev/null 2>&1 || true
  echo "re-import (all duplicates): peak RSS $(cat "$work/rss") KB"
else
  echo "re-import: peak RSS not measured (apt-get install time)"
fi

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
for query in 大气污染防治 文物保护 人民政府 罚款 林; do
  ms=$(for _ in $(seq 9); do
         awk -v s="$(seconds "$normdoc" search "$query" --limit 20)" 'BEGIN { printf "%.0f\n", s * 1000 }'
       done | median)
  printf 'search %-12s median %s ms\n' "$query" "$ms"
done
