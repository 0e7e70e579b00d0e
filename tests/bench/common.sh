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

# Figures are only meaningful from an optimised build: Release is the default build type.
if [ ! -x "$normdoc" ]; then
  echo "no normdoc at $normdoc: build it with" >&2
  echo "  cmake -S . -B build -G Ninja && cmake --build build" >&2
  exit 2
fi
# A binary copied out of its build directory (to compare two builds) has no CMakeCache beside it.
build_type=$(sed -n 's/^CMAKE_BUILD_TYPE:STRING=//p' "$(dirname "$normdoc")/../CMakeCache.txt" 2>/dev/null || true)
if [ -n "$build_type" ] && [ "$build_type" != Release ]; then
  echo "warning: $normdoc is a $build_type build; the figures are meant for a Release build" >&2
fi

scratch_dir() { # sets $work to a new directory, removed when the benchmark exits
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
}
