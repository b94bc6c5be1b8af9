#!/usr/bin/env bash
# Start-up time of a program that uses fmt (bench/hello): the median wall
# time of N runs each of the native binary, `go run` (its build cache warm)
# and `gort run`, alternating, and gort's peak RSS.
#
# Usage: bench/startup.sh        (N=5 by default)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-5}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/gort" ./cmd/gort
go build -o "$tmp/hello" ./bench/hello
go run ./bench/hello >/dev/null # warm the build cache

wall() {
	local t0 t1
	t0=$(date +%s.%N)
	"$@" >/dev/null
	t1=$(date +%s.%N)
	awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f\n", b - a }'
}
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

nat=() gorun=() gort=()
for ((i = 1; i <= N; i++)); do
	nat+=("$(wall "$tmp/hello")")
	gorun+=("$(wall go run ./bench/hello)")
	gort+=("$(wall "$tmp/gort" run bench/hello/main.go)")
done
rss=$( { /usr/bin/time -f %M "$tmp/gort" run bench/hello/main.go >/dev/null; } 2>&1 | tail -1)
printf '%-22s %8s\n' "hello with fmt" "median s"
printf '%-22s %8s\n' native "$(median "${nat[@]}")"
printf '%-22s %8s\n' "go run (warm cache)" "$(median "${gorun[@]}")"
printf '%-22s %8s\n' "gort run" "$(median "${gort[@]}")"
printf '%-22s %8s\n' "gort peak RSS (KB)" "$rss"
