# record.bash is sourced by the scripts that record expected outputs from
# the real Go toolchain (testdata/golden/record.sh, cmd/gort/testdata/record.sh).
#
# record BASE DIR BUILDARGS... runs `go build -o <tmp>/prog BUILDARGS...` in
# DIR, then the binary (not `go run`, which turns every non-zero exit status
# into 1 and appends "exit status N"), with GOMAXPROCS, GOTRACEBACK and
# GODEBUG unset as gort's tests run gort, and writes
#
#     BASE.out   stdout and stderr together, in the order they were written
#                (the build's output when the build fails)
#     BASE.exit  the exit status (1 when the build fails, as for go build)
#
# When BASE.in exists it is the program's standard input; otherwise the
# program inherits the script's.

record_tmp=$(mktemp -d)
trap 'rm -rf "$record_tmp"' EXIT
echo "recording with $(go version)"

record() {
	local base=$1 dir=$2
	shift 2
	local status=0
	if (cd "$dir" && go build -o "$record_tmp/prog" "$@") >"$record_tmp/build.out" 2>&1; then
		if [ -f "$base.in" ]; then
			env -u GOMAXPROCS -u GOTRACEBACK -u GODEBUG "$record_tmp/prog" <"$base.in" >"$base.out" 2>&1 || status=$?
		else
			env -u GOMAXPROCS -u GOTRACEBACK -u GODEBUG "$record_tmp/prog" >"$base.out" 2>&1 || status=$?
		fi
	else
		status=$?
		cp "$record_tmp/build.out" "$base.out"
	fi
	echo "$status" >"$base.exit"
	rm -f "$record_tmp/prog"
	printf '%-28s exit %s\n' "$base" "$status"
}
