package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestHostAllocs checks DESIGN.md §4's promise that the interpreter makes no
// host heap allocation in steady state. The hidden GORT_HOSTALLOCS=1 makes
// gort print the host runtime's Mallocs delta over runtime.Run (boot
// included, load and compile not). Each benchmark program of bench/ named
// here runs at a small and a large size; the count must stay under a small bound at both and must not grow
// with the work: a per-call, per-iteration or per-switch allocation would
// add thousands. Each runs in both modes: deterministic (-seed 1, one M)
// and parallel, where the host runtime also starts OS threads for the Ms
// while the run lasts (its allocm and malg, a few allocations per thread,
// bounded by the thread count, not the work), so growth gets more slack
// there.
func TestHostAllocs(t *testing.T) {
	const bound = 250 // the boot's own allocations: run queues, the first spans, output buffers, threads
	tests := []struct {
		prog        string
		small, full string // values of the constant n
	}{
		{"fib", "15", "27"},
		{"loop", "1000", "10_000_000"},
		{"pingpong", "100", "100_000"},
		{"spawnseq", "2_000", "200_000"},
	}
	modes := []struct {
		name  string
		flags []string
		slack uint64
	}{
		{"deterministic", []string{"-seed", "1"}, 20},
		{"parallel", nil, 60},
	}
	for _, mode := range modes {
		for _, tt := range tests {
			t.Run(mode.name+"/"+tt.prog, func(t *testing.T) {
				src, err := os.ReadFile(filepath.Join("..", "..", "bench", tt.prog, "main.go"))
				if err != nil {
					t.Fatal(err)
				}
				var counts [2]uint64
				for i, n := range []string{tt.small, tt.full} {
					counts[i] = hostMallocs(t, withN(t, src, n), mode.flags)
				}
				t.Logf("host mallocs: %d at n=%s, %d at n=%s", counts[0], tt.small, counts[1], tt.full)
				if counts[1] >= bound {
					t.Errorf("%d host allocations at n=%s; want fewer than %d", counts[1], tt.full, bound)
				}
				if counts[1] > counts[0]+mode.slack {
					t.Errorf("host allocations grow with the work: %d at n=%s, %d at n=%s", counts[0], tt.small, counts[1], tt.full)
				}
			})
		}
	}
}

var constN = regexp.MustCompile(`(?m)^const n = .*$`)

// withN returns src with its constant n set to value.
func withN(t *testing.T, src []byte, value string) []byte {
	t.Helper()
	if !constN.Match(src) {
		t.Fatal("program has no line `const n = ...`")
	}
	return constN.ReplaceAll(src, []byte("const n = "+value))
}

var mallocsLine = regexp.MustCompile(`(?m)^gort: host mallocs during run: (\d+)$`)

// hostMallocs runs src under GORT_HOSTALLOCS=1 and returns the count.
func hostMallocs(t *testing.T, src []byte, flags []string) uint64 {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "prog.go"), src, 0o644); err != nil {
		t.Fatal(err)
	}
	r := gort(t, dir, []string{"GORT_HOSTALLOCS=1"}, append(append([]string{"run"}, flags...), "prog.go")...)
	m := mallocsLine.FindStringSubmatch(r.stderr)
	if r.exit != 0 || m == nil {
		t.Fatalf("exit %d, stderr:\n%s", r.exit, r.stderr)
	}
	if strings.Count(r.stderr, "\n") != 2 {
		t.Errorf("want the program's one line and the count, got:\n%s", r.stderr)
	}
	n, err := strconv.ParseUint(m[1], 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	return n
}
