#!/usr/bin/env bash
# Measures bench programs natively and under gort: wall time and peak RSS.
# bench/gc.sh and bench/sched.sh call it with their programs.
#
# Usage: PROGRAMS="a b" PROCS=N bench/compare.sh [-n] [FILTER]
#   FILTER   run only programs whose name contains FILTER (e.g. "churn")
#   -n       native only: skip building and running gort
# Environment:
#   PROGRAMS           the bench/ programs to run (required)
#   PROCS=1            GOMAXPROCS of both sides
#   N=5                runs per program and side, in alternating pairs
#   BENCH_TIMEOUT=600  seconds allowed for one run before it counts as a failure
#   GORT_FLAGS=        extra flags passed to `gort run`
#   KEEP=              a directory to keep every run's output in (PROG.SIDE.I.out)
#
# Each program is built with `go build` and ./cmd/gort is built once. Then,
# N times, the native binary runs and right after it `gort run
# bench/<name>/main.go`, both with GOMAXPROCS=$PROCS, each under GNU
# time for its wall seconds and peak RSS; alternating the two sides spreads
# a noisy machine's slow spells over both. gort's output must equal native's.
# GODEBUG reaches both sides, so GODEBUG=gctrace=1 traces both; trace lines
# (gctrace, scavenger, schedtrace) are left out of the comparison.
set -euo pipefail

cd "$(dirname "$0")/.."

native_only=0
filter=
while [ $# -gt 0 ]; do
	case $1 in
	-n) native_only=1 ;;
	-h | --help)
		sed -n '2,24p' "$0" | sed 's/^# \{0,1\}//'
		exit 0
		;;
	-*)
		echo "compare.sh: unknown flag $1" >&2
		exit 2
		;;
	*) filter=$1 ;;
	esac
	shift
done

N=${N:-5}
BENCH_TIMEOUT=${BENCH_TIMEOUT:-600}
GORT_FLAGS=${GORT_FLAGS:-}
KEEP=${KEEP:-}
case $N in '' | *[!0-9]* | 0)
	echo "compare.sh: N must be a positive integer, got '$N'" >&2
	exit 2
	;;
esac

read -r -a programs <<<"${PROGRAMS:?compare.sh: set PROGRAMS}"
PROCS=${PROCS:-1}
selected=()
for p in "${programs[@]}"; do
	case $p in *"$filter"*) selected+=("$p") ;; esac
done
if [ ${#selected[@]} -eq 0 ]; then
	echo "compare.sh: no program matches '$filter' (have: ${programs[*]})" >&2
	exit 2
fi

fail() {
	echo "compare.sh: FAIL: $*" >&2
	exit 1
}

[ -x /usr/bin/time ] || fail "needs GNU time at /usr/bin/time"
[ -z "$KEEP" ] || mkdir -p "$KEEP" || fail "cannot create KEEP=$KEEP"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if [ $native_only = 0 ]; then
	echo "building gort..." >&2
	go build -o "$tmp/gort" ./cmd/gort || fail "cannot build ./cmd/gort"
fi

# measure NAME CMD...: runs CMD with its stdout and stderr to $tmp/NAME.out
# and sets t and m to its wall seconds and peak RSS in KiB; fails if CMD
# fails or times out.
measure() {
	local name=$1
	shift
	local rc=0
	/usr/bin/time -f '%e %M' -o "$tmp/$name.time" \
		timeout "$BENCH_TIMEOUT" "$@" >"$tmp/$name.out" 2>&1 || rc=$?
	if [ $rc -ne 0 ]; then
		echo "--- output of: $*" >&2
		tail -n 20 "$tmp/$name.out" >&2
		if [ $rc -eq 124 ]; then
			fail "timed out after ${BENCH_TIMEOUT}s: $*"
		fi
		fail "exit status $rc: $*"
	fi
	read -r t m <"$tmp/$name.time"
	[ -n "$m" ] || fail "no time and RSS from /usr/bin/time for: $*"
}

# checksum FILE: the program's output without runtime trace lines.
checksum() {
	grep -Ev '^(gc [0-9]+ @|scvg|scav |SCHED |  [PMG][0-9]+: )' "$1" || true
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

	nt=() nm=() gt=() gm=()
	want=
	for ((i = 1; i <= N; i++)); do
		echo "$p: native run $i/$N" >&2
		GOMAXPROCS=$PROCS measure "$p.native" "$tmp/$p"
		nt+=("$t") nm+=("$m")
		[ -z "$KEEP" ] || cp "$tmp/$p.native.out" "$KEEP/$p.native.$i.out"
		got=$(checksum "$tmp/$p.native.out")
		[ -n "$got" ] || fail "$p: native run printed no checksum"
		if [ -z "$want" ]; then
			want=$got
		elif [ "$got" != "$want" ]; then
			fail "$p: native checksum is not deterministic: '$want' then '$got'"
		fi

		[ $native_only = 0 ] || continue
		echo "$p: gort run $i/$N" >&2
		# shellcheck disable=SC2086 # GORT_FLAGS is split on purpose
		GOMAXPROCS=$PROCS measure "$p.gort" "$tmp/gort" run $GORT_FLAGS "bench/$p/main.go"
		gt+=("$t") gm+=("$m")
		[ -z "$KEEP" ] || cp "$tmp/$p.gort.out" "$KEEP/$p.gort.$i.out"
		got=$(checksum "$tmp/$p.gort.out")
		if [ "$got" != "$want" ]; then
			echo "--- native printed:" >&2
			printf '%s\n' "$want" >&2
			echo "--- gort printed:" >&2
			printf '%s\n' "$got" | head -n 20 >&2
			fail "$p: gort output differs from native"
		fi
	done
	nmed=$(median "${nt[@]}")
	nrss=$(median "${nm[@]}")
	if [ $native_only = 1 ]; then
		rows+=("$(printf '%-12s %9.3f %9s %8s %11.1f %11s %8s   %s' "$p" "$nmed" - - \
			"$(awk -v k="$nrss" 'BEGIN { print k / 1024 }')" - - "$want")")
		continue
	fi
	gmed=$(median "${gt[@]}")
	grss=$(median "${gm[@]}")
	row=$(awk -v p="$p" -v nt="$nmed" -v gt="$gmed" -v nm="$nrss" -v gm="$grss" -v sum="$want" 'BEGIN {
		tr = gt / (nt > 0 ? nt : 1e-3)
		mr = gm / (nm > 0 ? nm : 1)
		printf "%-12s %9.3f %9.3f %7.2fx %11.1f %11.1f %7.2fx   %s\t%f %f\n",
			p, nt, gt, tr, nm / 1024, gm / 1024, mr, sum, tr, mr
	}')
	rows+=("${row%%$'\t'*}")
	ratios+=("${row#*$'\t'}")
done

echo
echo "median of $N runs (GOMAXPROCS=$PROCS on both sides; native: go build; time in s, peak RSS in MiB)"
printf '%-12s %9s %9s %8s %11s %11s %8s   %s\n' \
	program native gort ratio "native RSS" "gort RSS" ratio checksum
printf '%s\n' "${rows[@]}"
if [ ${#ratios[@]} -gt 0 ]; then
	printf '%s\n' "${ratios[@]}" | awk '
		{ st += log($1); sm += log($2); n++ }
		END { printf "%-12s %9s %9s %7.2fx %11s %11s %7.2fx\n", "geomean", "", "", exp(st / n), "", "", exp(sm / n) }'
fi
