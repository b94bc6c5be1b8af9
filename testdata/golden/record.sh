#!/usr/bin/env bash
# record.sh regenerates the expected output of the golden programs from the
# real Go toolchain. For each PROG.go in this directory (or only the ones named
# on the command line) it runs, from this directory,
#
#     go build -o <tmp>/prog PROG.go
#
# and then runs the binary (not `go run`, which turns every non-zero exit
# status into 1 and appends "exit status N"). It writes:
#
#     PROG.out   stdout and stderr together, in the order they were written
#                (the build's output when the build fails)
#     PROG.exit  the exit status (1 when the build fails, as for go build)
#
# The environment is the one gort's golden test gives gort: GOMAXPROCS,
# GOTRACEBACK and GODEBUG unset. internal/conformance/golden_test.go
# documents how tracebacks are normalised before comparing.
#
# Usage: testdata/golden/record.sh [PROG.go ...]
set -euo pipefail

cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if [ $# -eq 0 ]; then
	set -- *.go
fi

echo "recording with $(go version)"
for src in "$@"; do
	src=$(basename "$src")
	name=${src%.go}
	status=0
	if go build -o "$tmp/prog" "$src" >"$tmp/build.out" 2>&1; then
		env -u GOMAXPROCS -u GOTRACEBACK -u GODEBUG "$tmp/prog" >"$name.out" 2>&1 || status=$?
	else
		status=$?
		cp "$tmp/build.out" "$name.out"
	fi
	echo "$status" >"$name.exit"
	rm -f "$tmp/prog"
	printf '%-28s exit %s\n' "$src" "$status"
done
