// Package conformance holds the tests that hold gort to the real Go
// toolchain's behaviour: the `// run` programs of $GOROOT/test, run unmodified
// against their .out files, and the golden programs under testdata/golden
// whose expected output was recorded from binaries built by `go build`.
//
// The package has no code outside its tests. Each program runs as a
// `gort run` subprocess in its own process group, with a timeout and a cap on
// captured output, so a gort that crashes, hangs or floods its output costs one
// file, never the run. Expected results are never produced by gort: .out files
// come from the Go tree or from testdata/golden/record.sh, and the ratchet
// files under testdata are rewritten (with -update) only from an actual run.
//
// Flags (go test ./internal/conformance -args ... or directly after the
// package path):
//
//	-update          rewrite testdata/passing.txt, testdata/failing.txt and
//	                 testdata/golden_failing.txt from this run
//	-run-file=SUBSTR run only the files whose path contains SUBSTR (the ratchet
//	                 is checked, and updated, for those files only)
//	-short           skip the second conformance pass (GODEBUG=gortmovestack=1)
//
// The environment variable GORT_BIN names a gort binary to test instead of
// building gort/cmd/gort.
package conformance
