package conformance

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

const (
	goldenDir         = "../../testdata/golden"
	goldenFailingFile = "testdata/golden_failing.txt"
)

// TestGolden runs each program in testdata/golden as `gort run PROG.go` from
// that directory and compares its output and exit status with PROG.out and
// PROG.exit, which testdata/golden/record.sh recorded from a binary built by
// `go build` (for a program with type errors, go build's own output and exit
// status 1). Both outputs go through normalizeTraceback first. A program with
// a PROG.in file reads it as its standard input, both here and when recorded.
//
// The goldens run without the build cache, so that each is compiled whole
// from source; TestConformance's programs link against cached library
// images (cmd/gort/cache.go), so both ways are held to gc's output.
//
// The ratchet: a program not listed in testdata/golden_failing.txt must pass;
// listed programs that pass are reported; -update rewrites the list.
func TestGolden(t *testing.T) {
	r := ratchet{dir: goldenDir, failing: goldenFailingFile, kind: "golden",
		header: "Golden programs (testdata/golden) that fail under gort, with the first reason.\n" +
			"Every other golden program must pass. Regenerate: go test ./internal/conformance -run TestGolden -update"}
	names, known := r.programs(t)
	jobs := make([]job, len(names))
	for i, name := range names {
		jobs[i] = job{dir: goldenDir, file: name, env: []string{"GORTCACHE=off"}}
		if knobs := os.Getenv("GORT_TEST_GODEBUG"); knobs != "" {
			// A developer's stress run: the goldens with runtime knobs
			// (e.g. gortgcstress=1,gortgcpoison=1), which must not
			// change what any program prints.
			jobs[i].env = append(jobs[i].env, "GODEBUG="+knobs)
		}
		if in := strings.TrimSuffix(name, ".go") + ".in"; fileExists(filepath.Join(goldenDir, in)) {
			jobs[i].stdin = in
		}
	}
	results, skipped := runAll(t, jobs)
	passed := r.judge(t, names, known, func(i int) (string, string) {
		name := names[i]
		if skipped[i] {
			t.Fatalf("%s and later golden files not run before the test deadline", name)
		}
		base := filepath.Join(goldenDir, strings.TrimSuffix(name, ".go"))
		want, err1 := os.ReadFile(base + ".out")
		exitText, err2 := os.ReadFile(base + ".exit")
		wantExit, err3 := strconv.Atoi(strings.TrimSpace(string(exitText)))
		if err1 != nil || err2 != nil || err3 != nil {
			reason := "expected output not recorded (run testdata/golden/record.sh " + name + ")"
			return reason, reason
		}
		got := results[i]
		got.out = normalizeTraceback(got.out)
		want = normalizeTraceback(want)
		reason := verdict(got, want, wantExit)
		return reason, diffSummary(got, want, reason)
	})
	t.Logf("%d of %d golden programs pass", passed, len(names))
}

func fileExists(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.Mode().IsRegular()
}

// Tracebacks contain what no other implementation can reproduce: code
// addresses, stack addresses, argument words, and the absolute paths of the
// machine that recorded them. normalizeTraceback rewrites exactly those parts,
// in both the expected and the actual output, and nothing else:
//
//   - A location line "\t/abs/dir/prog.go:12 +0x1d" becomes "\tprog.go:12":
//     the directory and the PC offset go, the file's base name and the line
//     stay. This covers the location under "created by" lines and the
//     runtime's own frames ("\t/usr/local/go/src/runtime/panic.go:860"
//     becomes "\tpanic.go:860").
//   - A frame line followed by a location line keeps its function name but
//     not its arguments: "main.f(0xc000012345, 0x3?)" and "main.f(...)"
//     (inlined) both become "main.f(...)"; "main.main()" stays as it is.
//   - fp=, sp= and pc= values become "?", on location lines (GOTRACEBACK=system
//     and fatal errors print them) and in the "[signal SIGSEGV: ... addr=0x0
//     pc=0x47ab96]" line (addr= is kept: a nil dereference must say
//     addr=0x0).
//   - Goroutine IDs other than 1 become N, in "goroutine 18 [running]:" and
//     in "created by main.f in goroutine 18": the real runtime's own
//     goroutines are not created in a fixed order, so a program's second
//     goroutine is number 4 in one run and 18 or 20 in the next. The main
//     goroutine is always 1.
//   - The address after a panic value that has no printable form,
//     "panic: (main.T) 0x497ff8", becomes "0x?".
//   - A fatal error's goroutine header names the g and the M by host address
//     and number, "goroutine 1 gp=0xc000002380 m=0 mp=0x5256a0 [running]:";
//     those fields go ("goroutine 1 [running]:").
//   - A fatal error dumps the goroutines the real runtime starts for itself
//     (forcegc, the sweeper, the scavenger, the GOMAXPROCS updater), in
//     states that differ from run to run; a goroutine block whose "created
//     by" line names a runtime function is dropped with the blank line
//     before it.
//   - A fault's address, in "unexpected fault address 0x4974f0" and as a
//     non-zero addr= of the "[signal SIGSEGV: ...]" line, becomes "0x?": a
//     gc binary's image and gort's arena lie at different addresses. The
//     code= stays (0x1 unmapped, 0x2 a write to read-only data).
func normalizeTraceback(out []byte) []byte {
	lines := dropRuntimeGoroutines(strings.Split(string(out), "\n"))
	for i, line := range lines {
		if m := locationLine.FindStringSubmatch(line); m != nil {
			lines[i] = "\t" + m[1] + ":" + m[2] + registerValue.ReplaceAllString(m[3], "$1=?")
			continue
		}
		if i+1 < len(lines) && locationLine.MatchString(lines[i+1]) && !strings.HasPrefix(line, "created by ") {
			if open := strings.LastIndexByte(line, '('); open > 0 && strings.HasSuffix(line, ")") && open < len(line)-2 {
				line = line[:open] + "(...)"
			}
		}
		line = goroutineHostFields.ReplaceAllString(line, "$1 [")
		line = goroutineID.ReplaceAllString(line, "${1}goroutine N")
		line = registerValue.ReplaceAllString(line, "$1=?")
		line = panicAddress.ReplaceAllString(line, "$1 0x?")
		line = faultAddress.ReplaceAllString(line, "$1 0x?")
		line = signalAddress.ReplaceAllString(line, "${1}0x?")
		lines[i] = line
	}
	return []byte(strings.Join(lines, "\n"))
}

// dropRuntimeGoroutines removes, from a traceback, each goroutine block
// (from a "goroutine N [...]:" line after a blank line to the next blank
// line) that was created by a runtime function.
func dropRuntimeGoroutines(lines []string) []string {
	var out []string
	for i := 0; i < len(lines); i++ {
		if i > 0 && lines[i-1] == "" && goroutineHeader.MatchString(lines[i]) {
			end := i
			for end < len(lines) && lines[end] != "" {
				end++
			}
			runtimeOwned := false
			for _, l := range lines[i:end] {
				if strings.HasPrefix(l, "created by runtime.") {
					runtimeOwned = true
				}
			}
			if runtimeOwned {
				out = out[:len(out)-1] // the blank line before the block
				i = end - 1
				continue
			}
		}
		out = append(out, lines[i])
	}
	return out
}

var (
	goroutineHeader     = regexp.MustCompile(`^goroutine [0-9]+ .*\]:$`)
	goroutineHostFields = regexp.MustCompile(`^(goroutine [0-9]+) gp=0x[0-9a-f]+ m=(?:[0-9]+|nil)(?: mp=0x[0-9a-f]+)? \[`)
	locationLine        = regexp.MustCompile(`^\t(?:\S*/)?([^/\s]+):([0-9]+)(?: \+0x[0-9a-f]+)?((?: (?:fp|sp|pc)=0x[0-9a-f]+)*)$`)
	goroutineID         = regexp.MustCompile(`(^|^created by .* in )goroutine (?:[02-9]|[1-9][0-9]+)\b`)
	registerValue       = regexp.MustCompile(`\b(fp|sp|pc)=0x[0-9a-f]+`)
	panicAddress        = regexp.MustCompile(`^(\t?panic: \(.*\)) 0x[0-9a-f]+`)
	faultAddress        = regexp.MustCompile(`^(unexpected fault address) 0x[0-9a-f]+$`)
	signalAddress       = regexp.MustCompile(`^(\[signal .* addr=)0x0*[1-9a-f][0-9a-f]*\b`)
)
