#!/usr/bin/env bash
# Benchmarks gort against the native Go toolchain.
#
# Usage: bench/run.sh [-n] [FILTER]
#   FILTER   run only programs whose name contains FILTER (e.g. "fib", "tree")
#   -n       native only: skip building and running gort
# Environment:
#   N=3              runs per program and side; the median wall time is reported
#   BENCH_TIMEOUT=600  seconds allowed for one run before it counts as a failure
#   GORT_FLAGS=      extra flags passed to `gort run`
#
# Each program is built with `go build` and run with GOMAXPROCS=1, then run
# from source with `gort run bench/<name>/main.go`. The programs print their
# checksum with the builtin println (to stderr); both sides must print exactly
# the same thing or the script fails.
set -euo pipefail

cd "$(dirname "$0")/.."
root=$PWD

native_only=0
filter=
while [ $# -gt 0 ]; do
	case $1 in
	-n) native_only=1 ;;
	-h | --help)
		sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'
		exit 0
		;;
	-*)
		echo "run.sh: unknown flag $1" >&2
		exit 2
		;;
	*) filter=$1 ;;
	esac
	shift
done

N=${N:-3}
BENCH_TIMEOUT=${BENCH_TIMEOUT:-600}
GORT_FLAGS=${GORT_FLAGS:-}
case $N in '' | *[!0-9]* | 0)
	echo "run.sh: N must be a positive integer, got '$N'" >&2
	exit 2
	;;
esac

programs=(fib loop nbody binarytrees pingpong spawn spawnseq fmtwork echo)
selected=()
for p in "${programs[@]}"; do
	case $p in *"$filter"*) selected+=("$p") ;; esac
done
if [ ${#selected[@]} -eq 0 ]; then
	echo "run.sh: no program matches '$filter' (have: ${programs[*]})" >&2
	exit 2
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

fail() {
	echo "run.sh: FAIL: $*" >&2
	exit 1
}

if [ $native_only = 0 ]; then
	echo "building gort..." >&2
	go build -o "$tmp/gort" ./cmd/gort || fail "cannot build ./cmd/gort"
fi

# timed OUTFILE CMD...: runs CMD with stdout discarded and stderr to OUTFILE,
# prints the wall time in seconds, and fails if CMD fails or times out.
timed() {
	local out=$1
	shift
	local t0 t1 rc=0
	t0=$(date +%s.%N)
	timeout "$BENCH_TIMEOUT" "$@" >/dev/null 2>"$out" || rc=$?
	t1=$(date +%s.%N)
	if [ $rc -ne 0 ]; then
		echo "--- stderr of: $*" >&2
		tail -n 20 "$out" >&2
		if [ $rc -eq 124 ]; then
			fail "timed out after ${BENCH_TIMEOUT}s: $*"
		fi
		fail "exit status $rc: $*"
	fi
	awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.6f\n", b - a }'
}

# median X...: prints the median of its numeric arguments.
median() {
	printf '%s\n' "$@" | sort -g | awk '
		{ v[NR] = $1 }
		END {
			if (NR % 2) print v[(NR + 1) / 2]
			else printf "%.6f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2
		}'
}

rows=()
ratios=()
for p in "${selected[@]}"; do
	echo "$p: building" >&2
	go build -o "$tmp/$p" "./bench/$p" || fail "cannot build ./bench/$p"

	nt=()
	gt=()
	want=
	for ((i = 1; i <= N; i++)); do
		echo "$p: native run $i/$N" >&2
		nt+=("$(GOMAXPROCS=1 timed "$tmp/$p.native.out" "$tmp/$p")")
		got=$(cat "$tmp/$p.native.out")
		[ -n "$got" ] || fail "$p: native run printed no checksum"
		if [ -z "$want" ]; then
			want=$got
		elif [ "$got" != "$want" ]; then
			fail "$p: native checksum is not deterministic: '$want' then '$got'"
		fi
	done
	nmed=$(median "${nt[@]}")

	if [ $native_only = 1 ]; then
		rows+=("$(printf '%-12s %10.3f %10s %10s   %s' "$p" "$nmed" - - "$want")")
		continue
	fi

	for ((i = 1; i <= N; i++)); do
		echo "$p: gort run $i/$N" >&2
		# shellcheck disable=SC2086 # GORT_FLAGS is split on purpose
		gt+=("$(timed "$tmp/$p.gort.out" "$tmp/gort" run $GORT_FLAGS "bench/$p/main.go")")
		got=$(cat "$tmp/$p.gort.out")
		if [ "$got" != "$want" ]; then
			echo "--- native printed:" >&2
			printf '%s\n' "$want" >&2
			echo "--- gort printed:" >&2
			printf '%s\n' "$got" | head -n 20 >&2
			fail "$p: gort checksum differs from native"
		fi
	done
	gmed=$(median "${gt[@]}")
	ratio=$(awk -v g="$gmed" -v n="$nmed" 'BEGIN { printf "%.2f\n", g / (n > 0 ? n : 1e-6) }')
	ratios+=("$ratio")
	rows+=("$(printf '%-12s %10.3f %10.3f %9.2fx   %s' "$p" "$nmed" "$gmed" "$ratio" "$want")")
done

echo
echo "median wall time of $N runs, seconds (native: go build, GOMAXPROCS=1)"
printf '%-12s %10s %10s %10s   %s\n' program native gort ratio checksum
for r in "${rows[@]}"; do
	printf '%s\n' "$r"
done
if [ ${#ratios[@]} -gt 0 ]; then
	printf '%s\n' "${ratios[@]}" | awk '
		{ s += log($1); n++ }
		END { printf "%-12s %10s %10s %9.2fx\n", "geomean", "", "", exp(s / n) }'
fi
