# SPDX-License-Identifier: MIT
# Sourced by the benchmarks once they have set $normdoc: the binary checked, the repository
# root, the Henan corpus (or a skip when it is not beside the repository), and a scratch
# directory removed on exit.
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
corpus=$here/../shared/corpus/henan-local-regulations
if [ ! -d "$corpus" ]; then
  echo "SKIP: corpus not found at $corpus"
  exit 0
fi

# Figures are only meaningful from an optimised build: the default binary is the Release one.
if [ ! -x "$normdoc" ]; then
  echo "no normdoc at $normdoc: build it with" >&2
  echo "  cmake -S . -B build-release -G Ninja -DCMAKE_BUILD_TYPE=Release && cmake --build build-release" >&2
  exit 2
fi

scratch_dir() { # sets $work to a new directory, removed when the benchmark exits
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
}
