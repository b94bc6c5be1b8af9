#!/usr/bin/env bash
# Measures the peak host memory (max RSS) of `gort run` on one bench program
# at several sizes, to show what grows with the work.
#
# Usage: bench/rss.sh [PROGRAM [N...]]
#   PROGRAM  a bench/ program with a line `const n = ...` (default spawnseq)
#   N...     the values of n to run (default 2_000 200_000)
# Environment:
#   GORT_FLAGS=  extra flags passed to `gort run`
#
# Each size runs once under /usr/bin/time (GNU time), which reports the
# peak resident set size of gort; the arena's touched pages count, as do
# the host heap's. The table lists n, max RSS in KiB and the program's
# checksum.
set -euo pipefail

cd "$(dirname "$0")/.."

prog=${1:-spawnseq}
[ $# -gt 0 ] && shift
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(2_000 200_000)
GORT_FLAGS=${GORT_FLAGS:-}

fail() {
	echo "rss.sh: FAIL: $*" >&2
	exit 1
}

[ -x /usr/bin/time ] || fail "needs GNU time at /usr/bin/time"
src=bench/$prog/main.go
[ -f "$src" ] || fail "no program $src"
grep -q '^const n = ' "$src" || fail "$src has no line 'const n = ...'"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "building gort..." >&2
go build -o "$tmp/gort" ./cmd/gort || fail "cannot build ./cmd/gort"

rows=()
for n in "${sizes[@]}"; do
	mkdir -p "$tmp/$n"
	sed "s/^const n = .*/const n = $n/" "$src" >"$tmp/$n/main.go"
	echo "$prog: n=$n" >&2
	# shellcheck disable=SC2086 # GORT_FLAGS is split on purpose
	/usr/bin/time -f '%M' -o "$tmp/$n/rss" "$tmp/gort" run $GORT_FLAGS "$tmp/$n/main.go" \
		>/dev/null 2>"$tmp/$n/out" || fail "$prog at n=$n: $(tail -n 5 "$tmp/$n/out")"
	rows+=("$(printf '%-12s %12s %12s   %s' "$prog" "$n" "$(cat "$tmp/$n/rss")" "$(cat "$tmp/$n/out")")")
done

echo
echo "max RSS of gort run, KiB"
printf '%-12s %12s %12s   %s\n' program n maxrss checksum
printf '%s\n' "${rows[@]}"
