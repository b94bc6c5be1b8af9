#!/usr/bin/env bash
# record.sh records, from the real Go toolchain, what cli_test.go expects of
# the programs in this directory: for each case it runs `go build` (from the
# directory the test runs gort in) and then the binary, and writes CASE.out
# and CASE.exit (see testdata/record.bash).
#
# The cases: multi (a package directory), multierr (two files with type
# errors, built as files so that the header is "# command-line-arguments",
# which is what gort prints), every exits/*.go and cache/*.go, and every syntax/CASE: its
# files are kept as NAME.go.txt (gofmt -l . rejects Go files that do not
# parse) and built, as NAME.go, from a temporary directory.
#
# Usage: cmd/gort/testdata/record.sh
set -euo pipefail

cd "$(dirname "$0")"
source ../../../testdata/record.bash

record multi multi .
record multierr multierr a.go b.go
for src in exits/*.go; do
	record "${src%.go}" exits "$(basename "$src")"
done
for dir in syntax/*/; do
	dir=${dir%/}
	tmp=$(mktemp -d)
	for f in "$dir"/*.go.txt; do
		cp "$f" "$tmp/$(basename "${f%.txt}")"
	done
	record "$dir" "$tmp" $(cd "$tmp" && ls *.go)
	rm -rf "$tmp"
done
for src in cache/*.go; do
	record "${src%.go}" cache "$(basename "$src")"
done
