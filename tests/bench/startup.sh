#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Start-up cost (issue 18 item 4): `normdoc show 1` on a one-document registry against a C++
# hello-world linked with fmt and SQLite that opens the same registry, reads one row and prints
# it — built here with the system compiler. Runs are alternated (hello, normdoc, [other], hello,
# …) so a load change on the machine hits all alike. Prints per program the median and p10 of
# wall time and of CPU time (user+sys of the child), and the ratios to hello-world.
# Target: normdoc's median within 1.5× hello-world's.
# Usage: tests/bench/startup.sh [path/to/normdoc [other/normdoc …]]   (RUNS=300 by default)
set -euo pipefail

normdoc=$(realpath "${1:-build/cli/normdoc}")
. "$(dirname "$0")/common.sh"
others=()
for other in "${@:2}"; do others+=("$(realpath "$other")"); done
runs=${RUNS:-300}
scratch_dir

cat >"$work/hello.cpp" <<'CPP'
#include <fmt/core.h>
#include <sqlite3.h>

int main(int argc, char** argv)
{
  sqlite3* db = nullptr;
  if (argc < 2 || sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    return 1;
  }
  sqlite3_stmt* statement = nullptr;
  sqlite3_prepare_v2(db, "SELECT id, title FROM document WHERE id = 1", -1, &statement, nullptr);
  if (sqlite3_step(statement) == SQLITE_ROW) {
    fmt::print("{} {}\n", sqlite3_column_int(statement, 0),
               reinterpret_cast<const char*>(sqlite3_column_text(statement, 1)));
  }
  sqlite3_finalize(statement);
  sqlite3_close(db);
  return 0;
}
CPP
"${CXX:-c++}" -std=c++20 -O2 -o "$work/hello" "$work/hello.cpp" -lfmt -lsqlite3

# A configuration and an audit key of its own, as `normdoc init` writes them for a user.
export NORMDOC_DB=$work/registry.db USER=bench XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data
"$normdoc" init >/dev/null
"$normdoc" import "$(find "$corpus" -name '*.md' | sort | head -n 1)" --issuer 河南省人民代表大会常务委员会 >/dev/null 2>&1
"$normdoc" show 1 >/dev/null

python3 - "$runs" "$work/hello" "$NORMDOC_DB" "$normdoc" "${others[@]}" <<'PY'
import os, resource, statistics, subprocess, sys, time

runs, hello, db, programs = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4:]
commands = [("hello-world", [hello, db])] + [(p, [p, "show", "1"]) for p in programs]
wall = {name: [] for name, _ in commands}
cpu = {name: [] for name, _ in commands}
for _ in range(runs):
    for name, argv in commands:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(argv, stdout=subprocess.DEVNULL, check=True)
        wall[name].append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu[name].append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)

def p10(values):
    return statistics.quantiles(values, n=10)[0]

base_wall, base_cpu = statistics.median(wall["hello-world"]), statistics.median(cpu["hello-world"])
print(f"{runs} runs each, alternated; load average {os.getloadavg()[0]:.1f}")
print(f"{'program':<50} {'wall med':>9} {'wall p10':>9} {'cpu med':>9} {'cpu p10':>9} {'×wall':>6} {'×cpu':>6}")
for name, _ in commands:
    w, c = statistics.median(wall[name]), statistics.median(cpu[name])
    print(f"{name[-50:]:<50} {w*1000:8.2f}ms {p10(wall[name])*1000:8.2f}ms {c*1000:8.2f}ms {p10(cpu[name])*1000:8.2f}ms"
          f" {w/base_wall:6.2f} {c/base_cpu if base_cpu else float('nan'):6.2f}")
PY
