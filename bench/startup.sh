#!/usr/bin/env bash
# Start-up time of a program that uses fmt (bench/hello): the median wall
# time of N runs each, alternating, of
#   - the native binary;
#   - `go run`, its build cache warm;
#   - `gort run` with a warm build cache (the image of an earlier run);
#   - `gort run` after editing package main (a new comment each run);
#   - `gort run` with an empty build cache;
# and gort's peak RSS, warm and cold.
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
mkdir "$tmp/edit"
cp bench/hello/main.go "$tmp/edit/main.go"
export GORTCACHE="$tmp/cache"
"$tmp/gort" run bench/hello/main.go >/dev/null # warm gort's cache

wall() {
	local t0 t1
	t0=$(date +%s.%N)
	"$@" >/dev/null
	t1=$(date +%s.%N)
	awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f\n", b - a }'
}
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

nat=() gorun=() warm=() edit=() cold=()
for ((i = 1; i <= N; i++)); do
	nat+=("$(wall "$tmp/hello")")
	gorun+=("$(wall go run ./bench/hello)")
	warm+=("$(wall "$tmp/gort" run bench/hello/main.go)")
	echo "// edit $i" >>"$tmp/edit/main.go"
	edit+=("$(wall "$tmp/gort" run "$tmp/edit/main.go")")
	cold+=("$(GORTCACHE="$tmp/cold$i" wall "$tmp/gort" run bench/hello/main.go)")
done
rsswarm=$( { /usr/bin/time -f %M "$tmp/gort" run bench/hello/main.go >/dev/null; } 2>&1 | tail -1)
rsscold=$( { GORTCACHE=off /usr/bin/time -f %M "$tmp/gort" run bench/hello/main.go >/dev/null; } 2>&1 | tail -1)
printf '%-30s %8s\n' "hello with fmt" "median s"
printf '%-30s %8s\n' native "$(median "${nat[@]}")"
printf '%-30s %8s\n' "go run (warm cache)" "$(median "${gorun[@]}")"
printf '%-30s %8s\n' "gort run (warm cache)" "$(median "${warm[@]}")"
printf '%-30s %8s\n' "gort run (main edited)" "$(median "${edit[@]}")"
printf '%-30s %8s\n' "gort run (empty cache)" "$(median "${cold[@]}")"
printf '%-30s %8s\n' "gort peak RSS warm (KB)" "$rsswarm"
printf '%-30s %8s\n' "gort peak RSS cold (KB)" "$rsscold"
