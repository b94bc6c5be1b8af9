#!/usr/bin/env bash
# record.sh records, from the real Go toolchain, what cli_test.go expects of
# the programs in this directory: for each case it runs `go build` (from the
# directory the test runs gort in) and then the binary, as
# testdata/golden/record.sh does, and writes
#
#     CASE.out   stdout and stderr together (go build's output if it fails)
#     CASE.exit  the exit status (1 when the build fails)
#
# The cases: multi (a package directory), multierr (two files with type
# errors, built as files so that the header is "# command-line-arguments",
# which is what gort prints), and every exits/*.go.
#
# Usage: cmd/gort/testdata/record.sh
set -euo pipefail

cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "recording with $(go version)"

# record OUTBASE DIR BUILDARGS...: build in DIR, run, write OUTBASE.{out,exit}.
record() {
	local base=$1 dir=$2
	shift 2
	local status=0
	if (cd "$dir" && go build -o "$tmp/prog" "$@") >"$tmp/build.out" 2>&1; then
		env -u GOMAXPROCS -u GOTRACEBACK -u GODEBUG "$tmp/prog" >"$base.out" 2>&1 || status=$?
	else
		status=$?
		cp "$tmp/build.out" "$base.out"
	fi
	echo "$status" >"$base.exit"
	rm -f "$tmp/prog"
	printf '%-28s exit %s\n' "$base" "$status"
}

record multi multi .
record multierr multierr a.go b.go
for src in exits/*.go; do
	record "${src%.go}" exits "$(basename "$src")"
done
