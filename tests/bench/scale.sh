#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Benchmark at province scale (run by hand, not by CI): builds a registry of N documents
# (default 100,000) with texts from the Henan corpus and the events of their history
# (gen-registry.py, then `import --bundle`), and prints for each command the median wall time
# of 7 runs and the peak resident memory. Memory is also measured at two input sizes for
# check, import and export, which should not grow with the input.
# Targets on a 2-core machine: due and search < 100 ms, show < 20 ms, audit verify over
# 100,000 events < 2 s.
# Usage: tests/bench/scale.sh [path/to/normdoc, default build/cli/normdoc] [documents] [work directory to keep]
set -euo pipefail

normdoc=$(realpath "${1:-build/cli/normdoc}")
count=${2:-100000}
. "$(dirname "$0")/common.sh"
command -v /usr/bin/time >/dev/null || { echo "needs /usr/bin/time (apt-get install time)"; exit 2; }

if [ -n "${3:-}" ]; then
  work=$3
  mkdir -p "$work"
else
  scratch_dir
fi
export NORMDOC_DB=$work/registry.db USER=bench
as_of=2026-11-25 # the generator's "today"

# run LABEL COMMAND…: median wall time of 7 runs in ms and the peak RSS in MB.
run() {
  local label=$1
  shift
  local times=() peak=0 start end rss
  for _ in 1 2 3 4 5 6 7; do
    start=$(date +%s%N)
    /usr/bin/time -f %M -o "$work/rss" "$@" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    times+=($(((end - start) / 1000000)))
    rss=$(tail -1 "$work/rss")
    [ "$rss" -gt "$peak" ] && peak=$rss
  done
  local median
  median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 4p)
  printf '%-44s %8s ms %8.1f MB\n' "$label" "$median" "$(awk -v k="$peak" 'BEGIN { print k / 1024 }')"
}

# once LABEL COMMAND…: one run, wall time and peak RSS (for the long ones).
once() {
  local label=$1
  shift
  local start end
  start=$(date +%s%N)
  /usr/bin/time -f %M -o "$work/rss" "$@" >/dev/null 2>&1 || true
  end=$(date +%s%N)
  printf '%-44s %8s ms %8.1f MB\n' "$label" "$(((end - start) / 1000000))" \
    "$(awk -v k="$(tail -1 "$work/rss")" 'BEGIN { print k / 1024 }')"
}

if [ ! -s "$NORMDOC_DB" ]; then
  echo "building a registry of $count documents in $work …"
  python3 "$here/tests/bench/gen-registry.py" "$corpus" "$work/bundles" "$count"
  "$normdoc" init --no-config >/dev/null
  start=$(date +%s)
  for bundle in "$work"/bundles/*.jsonl; do
    "$normdoc" import --bundle "$bundle" >/dev/null
  done
  echo "import --bundle: $(($(date +%s) - start)) s"
fi
documents=$(sqlite3 "$NORMDOC_DB" 'SELECT count(*) FROM document')
events=$(sqlite3 "$NORMDOC_DB" 'SELECT count(*) FROM event')
echo "registry: $documents documents, $events events, $(du -m "$NORMDOC_DB" | cut -f1) MB"
echo
printf '%-44s %11s %11s\n' command median "peak RSS"
reg_no=$(sqlite3 "$NORMDOC_DB" "SELECT reg_no FROM document WHERE reg_no IS NOT NULL ORDER BY id LIMIT 1 OFFSET $((documents / 2))")
once "due, first run (stores every reminder)" "$normdoc" due --as-of "$as_of"
run "due" "$normdoc" due --as-of "$as_of"
run "due --format json" "$normdoc" due --as-of "$as_of" --format json
run "list --format json (all)" "$normdoc" list --as-of "$as_of" --format json
run "list --in-force --issuer (one body)" "$normdoc" list --as-of "$as_of" --in-force --issuer 郑州市教育局
run "search 生态环境保护" "$normdoc" search 生态环境保护
run "search 行政许可 --in-force" "$normdoc" search 行政许可 --in-force --as-of "$as_of"
run "search 罚款 (two characters)" "$normdoc" search 罚款
run "search 规定 (two, in nearly every text)" "$normdoc" search 规定
run "show $reg_no" "$normdoc" show "$reg_no"
run "show $reg_no --procedure" "$normdoc" show "$reg_no" --procedure --as-of "$as_of"
run "report catalog --format html" "$normdoc" report catalog --as-of "$as_of" --format html
run "report filing --year 2025" "$normdoc" report filing --year 2025
run "audit verify ($events events)" "$normdoc" audit verify
once "export --all ($documents documents)" "$normdoc" export --all -o "$work/all.jsonl"
once "export of 1,000 documents" "$normdoc" export $(seq 1 1000) -o "$work/some.jsonl"
rm -f "$work/all.jsonl" "$work/some.jsonl"

# check and import: memory at two input sizes.
make_files() { # make_files DIR N: N documents of normative length from the corpus
  mkdir -p "$1"
  mapfile -t sources < <(ls "$corpus"/*.md)
  for ((i = 0; i < $2; i++)); do
    { head -n 40 "${sources[$((i % ${#sources[@]}))]}"; printf '\n（导入样本 %s-%d）\n' "$(basename "$1")" "$i"; } >"$1/$(printf '%05d' "$i").md"
  done
}
make_files "$work/files-1k" 1000
make_files "$work/files-10k" 10000
for n in 1k 10k; do
  mb=$(du -sm "$work/files-$n" | cut -f1)
  start=$(date +%s%N)
  /usr/bin/time -f %M -o "$work/rss" "$normdoc" check --format jsonl --fail-on never "$work/files-$n" >/dev/null 2>&1
  end=$(date +%s%N)
  awk -v mb="$mb" -v ms="$(((end - start) / 1000000))" -v k="$(tail -1 "$work/rss")" -v n="$n" 'BEGIN {
    printf "%-44s %8d ms %8.1f MB   %.1f MB/s\n", "check " n " files (" mb " MB)", ms, k / 1024, mb / (ms / 1000) }'
done
cp "$NORMDOC_DB" "$work/import.db"
for n in 1k 10k; do
  NORMDOC_DB=$work/import.db once "import ${n} files into the registry" "$normdoc" import "$work/files-$n" \
    --issuer 河南省人民政府
done
rm -rf "$work/import.db" "$work/import.db-wal" "$work/import.db-shm" "$work/files-1k" "$work/files-10k"
# import --bundle: memory at two bundle sizes, each into a new registry.
first_bundle=$(ls "$work"/bundles/*.jsonl 2>/dev/null | head -1)
if [ -n "$first_bundle" ]; then
  head -n 1001 "$first_bundle" >"$work/bundle-1k.jsonl"
  for n in 1k 10k; do
    bundle=$work/bundle-1k.jsonl
    [ "$n" = 10k ] && bundle=$first_bundle
    rm -f "$work/bundle.db"
    NORMDOC_DB=$work/bundle.db "$normdoc" init --no-config >/dev/null
    NORMDOC_DB=$work/bundle.db once "import --bundle of ${n} documents" "$normdoc" import --bundle "$bundle"
  done
  rm -f "$work/bundle.db" "$work/bundle-1k.jsonl"
fi
