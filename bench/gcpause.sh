#!/usr/bin/env bash
# Reports the collector's stop-the-world pauses over a 100 MB live heap
# (bench/gcpause), natively and under gort: the p50 and p99 of each side's
# gctrace pauses, a cycle's pause being its two stop-the-world clock
# phases (sweep termination and mark termination; gort's cycle is one
# pause, reported in those two places).
#
# Usage: bench/gcpause.sh
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/gort" ./cmd/gort
go build -o "$tmp/native" bench/gcpause/main.go
GODEBUG=gctrace=1 GOMAXPROCS=1 "$tmp/native" 2>"$tmp/native.trace" >/dev/null
GODEBUG=gctrace=1 "$tmp/gort" run bench/gcpause/main.go 2>"$tmp/gort.trace" >/dev/null
pauses() {
	# "gc N @Ts P%: A+B+C ms clock, ..." : the pause is A+C, from the
	# cycles whose heap was at least 64 MB when marked.
	grep '^gc ' "$1" | awk '{
		split($5, t, "+"); split($0, h, "MB,"); n = split(h[1], mb, "->");
		if (mb[n] + 0 >= 64) print t[1] + t[3]
	}' | sort -g
}
report() {
	local f=$1 name=$2
	local n p50 p99
	n=$(pauses "$f" | wc -l)
	if [ "$n" -eq 0 ]; then
		echo "$name: no cycle over a 64 MB live heap"
		return
	fi
	p50=$(pauses "$f" | awk -v n="$n" 'NR == int((n+1)/2)')
	p99=$(pauses "$f" | awk -v n="$n" 'NR == (int(n*0.99) > 0 ? int(n*0.99) : 1)')
	printf '%-8s cycles %3d   pause p50 %8s ms   p99 %8s ms\n' "$name" "$n" "$p50" "$p99"
}
report "$tmp/native.trace" native
report "$tmp/gort.trace" gort
