package conformance

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

var (
	update  = flag.Bool("update", false, "rewrite the ratchet files (testdata/*.txt) from this run")
	runFile = flag.String("run-file", "", "run only the conformance and golden files whose path contains this substring")
)

// gortBin is the gort binary under test, built once by TestMain.
var gortBin string

func TestMain(m *testing.M) {
	flag.Parse()
	os.Exit(testMain(m))
}

func testMain(m *testing.M) int {
	if bin := os.Getenv("GORT_BIN"); bin != "" {
		abs, err := filepath.Abs(bin)
		if err != nil {
			fmt.Fprintf(os.Stderr, "conformance: GORT_BIN: %v\n", err)
			return 1
		}
		gortBin = abs
	}
	dir, err := os.MkdirTemp("", "gort-conformance-")
	if err != nil {
		fmt.Fprintf(os.Stderr, "conformance: %v\n", err)
		return 1
	}
	defer os.RemoveAll(dir)
	// The runs' builds go to a cache of their own, removed at the end,
	// never the user's. The movestack pass runs the images the default
	// pass stored, so it also checks that a cached image runs as the
	// build it came from.
	os.Setenv("GORTCACHE", filepath.Join(dir, "cache"))
	if gortBin != "" {
		return m.Run()
	}
	gortBin = filepath.Join(dir, "gort")
	out, err := exec.Command("go", "build", "-o", gortBin, "gort/cmd/gort").CombinedOutput()
	if err != nil {
		fmt.Fprintf(os.Stderr, "conformance: cannot build gort: go build gort/cmd/gort: %v\n%s", err, out)
		fmt.Fprintf(os.Stderr, "FAIL: the conformance and golden tests need a gort binary that builds\n")
		return 1
	}
	return m.Run()
}

// Ratchet files, relative to this package's directory.
const (
	passingFile = "testdata/passing.txt"
	failingFile = "testdata/failing.txt"
)

// moveStackEnv turns on gort's knobs that move the goroutine stack at every
// call (the analogue of the Go runtime's mayMoreStackMove) and start or end
// a collection cycle's mark at the first safepoint after every allocation,
// with freed memory poisoned and every mark checked by a second one from
// scratch (gccheckmark, which a missing write barrier fails): the stress
// pass.
const moveStackEnv = "GODEBUG=gortmovestack=1,gortgcstress=1,gortgcpoison=1,gccheckmark=1"

// The two modes every ratchet file passes in: parallel, as `gort run` runs
// a program by default (GOMAXPROCS=2 whatever the machine), and
// deterministic, one M with a fixed seed (`gort run -seed 1`).
var (
	parallelEnv   = []string{"GOMAXPROCS=2"}
	deterministic = []string{"-seed", "1"}
)

// notRunReason marks a file the pool did not start before the test deadline.
const notRunReason = "not run: test deadline"

// TestConformance runs every `// run` program of $GOROOT/test and compares
// its output with the .out file next to it (empty if there is none); it
// must also exit 0. This is the test the Go tree's own cmd/internal/testdir
// applies to these files.
//
// The ratchet: every file in testdata/passing.txt must pass in both modes,
// parallel (GOMAXPROCS=2) and deterministic (-seed 1), and, if it imports
// nothing, again deterministically with GODEBUG=gortmovestack=1 and the
// collector's stress knobs (the pass that moves the stack at every call; it
// exercises gort's stack bookkeeping, which the import-free programs cover,
// and would double the suite's time if the standard library's start-up ran
// once more). -short runs the parallel pass only. Files that pass but are
// not listed are reported; -update writes the lists from this run.
func TestConformance(t *testing.T) {
	goroot := goEnv(t, "GOROOT")
	testDir := filepath.Join(goroot, "test")
	all, importFree := selectRunFiles(t, testDir)
	t.Logf("selected %d `// run` files under %s, %d of them without imports", len(all), testDir, len(importFree))

	files := filterFiles(all, *runFile)
	if len(files) == 0 {
		t.Fatalf("no selected file matches -run-file=%q", *runFile)
	}
	passing := readList(t, passingFile)
	for _, f := range passing {
		if !slices.Contains(all, f) {
			t.Errorf("%s is in %s but is no longer a selected file of %s", f, passingFile, testDir)
		}
	}

	timedOut := map[string]bool{}
	if !*update {
		for f, reason := range readReasons(t, failingFile) {
			timedOut[f] = strings.HasSuffix(reason, "timeout")
		}
	}
	knobs := parallelEnv
	if k := os.Getenv("GORT_TEST_GODEBUG"); k != "" {
		// A developer's stress run of the default pass (golden_test.go).
		knobs = append(knobs, "GODEBUG="+k)
	}
	reasons := runPass(t, testDir, files, passing, timedOut, knobs, nil, "", programTimeout)
	parallelFailing := len(reasons)
	moveStack := !testing.Short() || *update
	deterministicFailing := -1
	if moveStack {
		var again, importFreeAgain []string
		for _, f := range files {
			if _, failed := reasons[f]; !failed {
				again = append(again, f)
				if importFree[f] {
					importFreeAgain = append(importFreeAgain, f)
				}
			}
		}
		det := runPass(t, testDir, again, passing, timedOut, nil, deterministic, "-seed 1: ", programTimeout)
		deterministicFailing = len(det)
		for f, reason := range det {
			reasons[f] = reason
		}
		for f, reason := range runPass(t, testDir, importFreeAgain, passing, timedOut, []string{moveStackEnv}, deterministic, "-seed 1 "+moveStackEnv+": ", moveStackTimeout) {
			reasons[f] = reason
		}
	}
	t.Logf("parallel pass (GOMAXPROCS=2): %d of %d pass; deterministic pass (-seed 1) of those: %d fail",
		len(files)-parallelFailing, len(files), deterministicFailing)

	var newlyPassing []string
	for _, f := range files {
		_, failed := reasons[f]
		listed := slices.Contains(passing, f)
		if !failed && !listed {
			newlyPassing = append(newlyPassing, f)
		}
	}
	t.Logf("%d of %d files pass (movestack pass: %v); %d in %s",
		len(files)-len(reasons), len(files), moveStack, len(passing), passingFile)
	if len(newlyPassing) > 0 {
		t.Logf("%d files pass that are not in %s (run with -update to add them):\n\t%s",
			len(newlyPassing), passingFile, strings.Join(newlyPassing, "\n\t"))
	}

	if *update {
		updateRatchet(t, all, files, reasons)
	}
}

// runPass runs files and returns the failing ones with their reasons. A file
// in the ratchet that fails is reported as a test error with its diff.
//
// Each file gets timeout to run, except that a file whose recorded failure
// (in failingFile) is a timeout gets only knownTimeout; a passing file
// that times out gets a second run on its own.
func runPass(t *testing.T, testDir string, files, passing []string, timedOut map[string]bool, env, flags []string, prefix string, timeout time.Duration) map[string]string {
	jobs := make([]job, len(files))
	for i, f := range files {
		jobs[i] = job{dir: filepath.Join(testDir, filepath.Dir(f)), file: filepath.Base(f), env: env, flags: flags, timeout: timeout}
		if timedOut[f] {
			jobs[i].timeout = knownTimeout
		}
	}
	results, skipped := runAll(t, jobs)
	// A ratchet file that timed out with every core busy runs once more,
	// alone, under the same timeout: the suite shares two cores with
	// go test's other packages, and a program near its limit (abi/fibish.go
	// takes 7 s of its 20) can lose its slice of them.
	for i, f := range files {
		if results[i].timedOut && slices.Contains(passing, f) {
			results[i] = runGort(jobs[i])
		}
	}
	reasons := map[string]string{}
	notRun := 0
	for i, f := range files {
		if skipped[i] {
			reasons[f] = prefix + notRunReason
			notRun++
			continue
		}
		want, err := os.ReadFile(strings.TrimSuffix(filepath.Join(testDir, f), ".go") + ".out")
		if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
		reason := verdict(results[i], want, 0)
		if reason == "" {
			continue
		}
		reasons[f] = prefix + reason
		if slices.Contains(passing, f) {
			report := t.Errorf
			if *update {
				report = t.Logf // -update takes it off the ratchet; the diff of passing.txt shows it
			}
			report("%s: regression (listed in %s): %s%s", f, passingFile, prefix, diffSummary(results[i], want, reason))
		}
	}
	if notRun > 0 {
		t.Errorf("%d files not run before the test deadline; raise go test -timeout", notRun)
	}
	return reasons
}

// updateRatchet rewrites the ratchet files. With -run-file only the entries
// of the files that ran change.
func updateRatchet(t *testing.T, all, ran []string, reasons map[string]string) {
	for f, reason := range reasons {
		if strings.Contains(reason, notRunReason) {
			t.Fatalf("not updating the ratchet: %s was not run", f)
		}
	}
	oldFailing := readReasons(t, failingFile)
	passing := map[string]bool{}
	for _, f := range readList(t, passingFile) {
		passing[f] = true
	}
	for _, f := range ran {
		_, failed := reasons[f]
		passing[f] = !failed
		if failed {
			oldFailing[f] = reasons[f]
		} else {
			delete(oldFailing, f)
		}
	}
	var pass, fail []string
	for _, f := range all {
		if passing[f] {
			pass = append(pass, f)
		} else if r, ok := oldFailing[f]; ok {
			fail = append(fail, f+": "+r)
		}
	}
	writeList(t, passingFile, "$GOROOT/test files that pass under gort, in both modes (parallel and -seed 1; import-free ones also in the stress pass).\n"+
		"A file listed here must keep passing. Regenerate: go test ./internal/conformance -update", pass)
	writeList(t, failingFile, "$GOROOT/test files that fail under gort, with the first reason.\n"+
		"Regenerate: go test ./internal/conformance -update", fail)
	t.Logf("wrote %s (%d files) and %s (%d files)", passingFile, len(pass), failingFile, len(fail))
}

// selectRunFiles returns, sorted and relative to testDir, the files whose
// first non-blank line is exactly "// run" (run and compare with .out, no
// flags, no arguments), and the set of those that have no import
// declarations.
func selectRunFiles(t *testing.T, testDir string) ([]string, map[string]bool) {
	var files []string
	importFree := map[string]bool{}
	err := filepath.WalkDir(testDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if firstNonBlankLine(src) != "// run" {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, src, parser.ImportsOnly)
		if err != nil {
			t.Logf("skipping %s: %v", path, err)
			return nil
		}
		rel, err := filepath.Rel(testDir, path)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		files = append(files, rel)
		if len(f.Imports) == 0 {
			importFree[rel] = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(files)
	return files, importFree
}

func firstNonBlankLine(src []byte) string {
	for line := range bytes.Lines(src) {
		if s := strings.TrimRight(string(line), "\n"); strings.TrimSpace(s) != "" {
			return s
		}
	}
	return ""
}

func filterFiles(files []string, substr string) []string {
	var out []string
	for _, f := range files {
		if strings.Contains(f, substr) {
			out = append(out, f)
		}
	}
	return out
}

func goEnv(t *testing.T, key string) string {
	out, err := exec.Command("go", "env", key).Output()
	if err != nil {
		t.Fatalf("go env %s: %v", key, err)
	}
	return strings.TrimSpace(string(out))
}

// readList reads a ratchet list: one entry a line; blank lines and lines
// starting with # are ignored. A missing file is an empty list.
func readList(t *testing.T, name string) []string {
	f, err := os.Open(name)
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var list []string
	s := bufio.NewScanner(f)
	for s.Scan() {
		line := strings.TrimSpace(s.Text())
		if line != "" && !strings.HasPrefix(line, "#") {
			list = append(list, line)
		}
	}
	if err := s.Err(); err != nil {
		t.Fatal(err)
	}
	return list
}

// readReasons reads a list of "file: reason" lines.
func readReasons(t *testing.T, name string) map[string]string {
	m := map[string]string{}
	for _, line := range readList(t, name) {
		f, reason, _ := strings.Cut(line, ": ")
		m[f] = reason
	}
	return m
}

// writeList writes a ratchet list with a comment header.
func writeList(t *testing.T, name, header string, lines []string) {
	var b strings.Builder
	for h := range strings.SplitSeq(header, "\n") {
		b.WriteString("# " + h + "\n")
	}
	for _, l := range lines {
		b.WriteString(l + "\n")
	}
	if err := os.WriteFile(name, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}
