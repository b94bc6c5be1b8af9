#!/usr/bin/env bash
# record_modules.sh records, from the real Go toolchain, what modules_test.go
# expects of the modules in modules/: for each case it runs `go build` in
# the module's directory and then the binary, and writes modules/CASE.out
# and modules/CASE.exit (see testdata/record.bash). The network is off:
# every module comes from a directory (replace), from vendor/, or from the
# module cache (golang.org/x/mod, which gort itself requires).
#
# Usage: cmd/gort/testdata/record_modules.sh
set -euo pipefail

cd "$(dirname "$0")/modules"
source ../../../../testdata/record.bash
export GOPROXY=off GOWORK=off GOFLAGS=

record hello app ./cmd/hello
record loop13 loop13 .
record loop13_files loop13 main.go later.go
record missing missing .
record missing_files missing main.go
record vendored vendored .
GOFLAGS=-mod=mod record vendored_mod vendored .
record cache cache .
record typeerr typeerr .
