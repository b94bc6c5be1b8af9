#!/usr/bin/env bash
# record.sh regenerates the expected output of the golden programs from the
# real Go toolchain. For each PROG.go in this directory (or only the ones named
# on the command line) it runs, from this directory,
#
#     go build -o <tmp>/prog PROG.go
#
# and then runs the binary, with PROG.in as its standard input when that file
# exists, writing PROG.out and PROG.exit (see ../record.bash). internal/conformance/golden_test.go documents how
# tracebacks are normalised before comparing.
#
# Usage: testdata/golden/record.sh [PROG.go ...]
set -euo pipefail

cd "$(dirname "$0")"
source ../record.bash

if [ $# -eq 0 ]; then
	set -- *.go
fi
for src in "$@"; do
	src=$(basename "$src")
	record "${src%.go}" . "$src"
done
