# SPDX-License-Identifier: MIT
# Sourced by the benchmarks: the repository root, the Henan corpus (or a skip when it is not
# beside the repository), and a scratch directory removed on exit.
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
corpus=$here/../shared/corpus/henan-local-regulations
if [ ! -d "$corpus" ]; then
  echo "SKIP: corpus not found at $corpus"
  exit 0
fi

scratch_dir() { # sets $work to a new directory, removed when the benchmark exits
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
}
