#!/usr/bin/env bash
# Parallel speedup of bench/cpusplit (a CPU-bound loop split over two
# goroutines): its wall time under gort at GOMAXPROCS=1 and at GOMAXPROCS=2,
# N alternating pairs, medians, and the ratio; the same for the native
# binary beside it.
#
# Usage: bench/speedup.sh        Environment: N=5
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-5}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/gort" ./cmd/gort
go build -o "$tmp/native" ./bench/cpusplit
"$tmp/gort" run bench/cpusplit/main.go >/dev/null 2>&1 # fill the build cache

wall() { # wall PROCS CMD...: prints the wall seconds of CMD
	local procs=$1
	shift
	GOMAXPROCS=$procs /usr/bin/time -f '%e' -o "$tmp/t" "$@" >/dev/null 2>&1
	cat "$tmp/t"
}
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

g1=() g2=() n1=() n2=()
for ((i = 1; i <= N; i++)); do
	g1+=("$(wall 1 "$tmp/gort" run bench/cpusplit/main.go)")
	g2+=("$(wall 2 "$tmp/gort" run bench/cpusplit/main.go)")
	n1+=("$(wall 1 "$tmp/native")")
	n2+=("$(wall 2 "$tmp/native")")
done
awk -v g1="$(median "${g1[@]}")" -v g2="$(median "${g2[@]}")" -v n1="$(median "${n1[@]}")" -v n2="$(median "${n2[@]}")" -v n="$N" 'BEGIN {
	printf "cpusplit, median of %d runs (s)   GOMAXPROCS=1   GOMAXPROCS=2   speedup\n", n
	printf "gort                                %9.3f      %9.3f   %6.2fx\n", g1, g2, g1 / g2
	printf "native                              %9.3f      %9.3f   %6.2fx\n", n1, n2, n1 / n2
}'
