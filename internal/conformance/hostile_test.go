package conformance

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// The hostile corpus: programs that use unsafe to forge or corrupt the
// words the runtime keeps in the arena (type words, defer records, sudogs,
// call headers, hchan fields, string and slice headers, read-only data).
// Most have no equivalent in gc, so there is no output to compare with;
// instead every run must keep the promise of DESIGN.md §3 ("the arena is
// untrusted input", "faults stop"), which hostileVerdict checks.
//
// Conventions of the programs, shared by the ones FuzzCorrupt generates:
//
//   - Every line a program prints itself starts with "mark: ". It prints
//     "mark: before" before the corrupting operation and "mark: after" as
//     the last statement of main; a line that starts "mark: no " says it
//     found nothing to corrupt and ends main early.
//   - A program that can see a silently wrong result (a canary overwritten,
//     a forged string comparing equal) prints a line starting
//     "mark: WRONG".
//   - Directives in the program's comments: "// want: stop" says the
//     corrupted word must be used, so the program must stop there (exit 2,
//     no "mark: after"); "// bad: TEXT" says output containing TEXT is a
//     wrong result.

const (
	hostileDir         = "../../testdata/hostile"
	hostileFailingFile = "testdata/hostile_failing.txt"

	// hostileTimeout bounds one hostile run: each program does a few
	// operations, so a run past it is a hang.
	hostileTimeout = 10 * time.Second
	// hostileKnownHang bounds a program whose listed failure is a hang.
	hostileKnownHang = 3 * time.Second
	// hostileMemLimit is the resident size past which a run counts as a
	// hang: a runtime looping over a corrupted list can grow its host heap
	// by a gigabyte a second. It leaves room for what a forged length can
	// make the program itself allocate in its arena, as gc would: a
	// string whose length has bit 31 set converts to a 2 GiB []byte.
	hostileMemLimit = 4 << 30
)

// TestHostile runs each program in testdata/hostile under gort and checks
// hostileVerdict. The ratchet: a program not listed in
// testdata/hostile_failing.txt must pass; listed programs that pass are
// reported; -update rewrites the list.
func TestHostile(t *testing.T) {
	r := ratchet{dir: hostileDir, failing: hostileFailingFile, kind: "hostile",
		header: "Hostile programs (testdata/hostile) that break gort's promise today, with the first reason.\n" +
			"Every other hostile program must pass. Regenerate: go test ./internal/conformance -run TestHostile -update"}
	names, known := r.programs(t)

	results := make([]watchedResult, len(names))
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.NumCPU() {
		wg.Go(func() {
			for i := range next {
				timeout := hostileTimeout
				if strings.HasPrefix(known[names[i]], "hang") && !*update {
					timeout = hostileKnownHang
				}
				results[i] = runWatched(hostileDir, timeout, hostileMemLimit, gortBin, "run", names[i])
			}
		})
	}
	for i := range names {
		next <- i
	}
	close(next)
	wg.Wait()

	passed := r.judge(t, names, known, func(i int) (string, string) {
		src, err := os.ReadFile(filepath.Join(hostileDir, names[i]))
		if err != nil {
			t.Fatal(err)
		}
		reason := hostileVerdict(results[i], parseHostileWant(src))
		return reason, reason + "\n" + indent(results[i].out)
	})
	t.Logf("%d of %d hostile programs keep the promise", passed, len(names))
}

// hostileWant is what a program's directives ask beyond the common
// properties.
type hostileWant struct {
	stop bool     // "// want: stop"
	bad  []string // "// bad: TEXT"
}

func parseHostileWant(src []byte) hostileWant {
	var w hostileWant
	for line := range strings.Lines(string(src)) {
		line = strings.TrimSpace(line)
		if line == "// want: stop" {
			w.stop = true
		} else if text, ok := strings.CutPrefix(line, "// bad: "); ok {
			w.bad = append(w.bad, text)
		}
	}
	return w
}

// hostileVerdict returns "" when a run of a hostile program kept gort's
// promise, and otherwise the one-line reason. The promise, whatever the
// program corrupted:
//
//   - no hang: it exits within its timeout and below hostileMemLimit, and
//     does not flood its output;
//   - no host signal kills gort, and no host Go trace is shown (a frame of
//     gort's own packages, or the host's "runtime stack:");
//   - no error blames gort: "fatal error: gort: ..." is a failure, even in
//     the documented "gort: internal error" form, since here the program
//     caused it;
//   - the exit status is 0 or 2, and 2 comes with a panic or fatal error;
//   - faults stop: after the first "panic: ", "fatal error: " or
//     "unexpected fault address" line, the program prints no "mark: " line;
//   - no silent wrong result: no "mark: WRONG" line, none of the program's
//     "bad:" texts, and a run that exits 0 reached the end of main;
//   - with "want: stop", the program stops at the corrupting operation.
func hostileVerdict(r watchedResult, want hostileWant) string {
	switch {
	case r.startErr != nil:
		return oneLine("cannot run gort: " + r.startErr.Error())
	case r.memExceeded:
		return fmt.Sprintf("hang: host memory passed %d MiB", hostileMemLimit>>20)
	case r.timedOut:
		return "hang: no exit within the timeout"
	case r.signal != "":
		return oneLine("host killed by " + r.signal + ": " + firstErrorLine(r.out))
	}
	// A long output is no hang if the program ended in time (a forged
	// string header can name a megabyte to print, as in gc): the checks
	// below read its start and its end.
	lines := strings.Split(string(r.out), "\n")
	if r.truncated {
		tail := strings.Split(string(r.tail), "\n")
		lines = append(lines, tail[1:]...) // the first tail line is a fragment
	}
	for _, l := range lines {
		if strings.Contains(l, "gort/internal/") || strings.Contains(l, "gort/cmd/") || l == "runtime stack:" {
			return oneLine("host Go trace: " + firstErrorLine(r.out))
		}
	}
	for _, l := range lines {
		if strings.HasPrefix(l, "fatal error: gort:") {
			return oneLine("blames gort: " + l)
		}
	}
	if r.exit != 0 && r.exit != 2 {
		return oneLine(fmt.Sprintf("exit status %d: %s", r.exit, firstErrorLine(r.out)))
	}
	stopped := -1
	for i, l := range lines {
		if isStopLine(l) {
			stopped = i
			break
		}
	}
	if stopped >= 0 {
		for _, l := range lines[stopped+1:] {
			if strings.HasPrefix(l, "mark: ") {
				return oneLine("runs on past " + lines[stopped] + ": " + l)
			}
		}
	}
	for _, l := range lines {
		if strings.HasPrefix(l, "mark: WRONG") {
			return oneLine("silent wrong result: " + strings.TrimPrefix(l, "mark: WRONG: "))
		}
	}
	for _, b := range want.bad {
		if bytes.Contains(r.out, []byte(b)) {
			return oneLine(fmt.Sprintf("wrong result: output contains %q", b))
		}
	}
	if r.exit == 2 && stopped < 0 {
		return "exit status 2 with no panic or fatal error"
	}
	lastMark := ""
	for _, l := range lines {
		if strings.HasPrefix(l, "mark: ") {
			lastMark = l
		}
	}
	ended := strings.HasPrefix(lastMark, "mark: after") || strings.HasPrefix(lastMark, "mark: no ")
	if r.exit == 0 && !ended {
		return oneLine("exit status 0 without reaching the end of main; last mark: " + lastMark)
	}
	if want.stop && (r.exit == 0 || slices.ContainsFunc(lines, func(l string) bool { return strings.HasPrefix(l, "mark: after") })) {
		return oneLine(fmt.Sprintf("runs past the corrupting operation (exit status %d)", r.exit))
	}
	return ""
}

// isStopLine reports whether l is the first line of a panic or fatal error
// report, after which the program runs nothing.
func isStopLine(l string) bool {
	return strings.HasPrefix(l, "panic: ") || strings.HasPrefix(l, "fatal error: ") || strings.HasPrefix(l, "unexpected fault address ")
}

// firstErrorLine returns the first line of out that is not a program mark,
// for a failing list's reason.
func firstErrorLine(out []byte) string {
	for l := range strings.SplitSeq(string(out), "\n") {
		if l != "" && !strings.HasPrefix(l, "mark: ") {
			return l
		}
	}
	return ""
}

func indent(out []byte) string {
	lines := strings.Split(strings.TrimRight(string(out), "\n"), "\n")
	if len(lines) > 20 {
		lines = append(lines[:20], fmt.Sprintf("... (%d more lines)", len(lines)-20))
	}
	return "\t| " + strings.Join(lines, "\n\t| ")
}

// watchedResult is a result that also says whether the run was stopped for
// its memory.
type watchedResult struct {
	result
	memExceeded bool
}

// runWatched is runCommand with a watchdog on the child's resident size: a
// child whose RSS passes memLimit is killed, as one past its timeout is.
func runWatched(dir string, timeout time.Duration, memLimit int64, name string, args ...string) watchedResult {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	out := new(cappedBuffer)
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	cmd.Env = programEnv(nil)
	cmd.Stdout = out
	cmd.Stderr = out
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	cmd.WaitDelay = 2 * time.Second

	var r watchedResult
	if err := cmd.Start(); err != nil {
		r.startErr = err
		return r
	}
	var mu sync.Mutex
	done := make(chan struct{})
	go func() {
		tick := time.NewTicker(20 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
			}
			if rss(cmd.Process.Pid) > memLimit {
				mu.Lock()
				r.memExceeded = true
				mu.Unlock()
				_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
				return
			}
		}
	}()
	err := cmd.Wait()
	close(done)
	_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)

	out.mu.Lock()
	r.out = bytes.Clone(out.buf.Bytes())
	r.truncated = out.truncated
	r.tail = bytes.Clone(out.tail)
	out.mu.Unlock()
	mu.Lock()
	defer mu.Unlock()
	r.timedOut = errors.Is(ctx.Err(), context.DeadlineExceeded)
	r.exit = cmd.ProcessState.ExitCode()
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); ok && ws.Signaled() && !r.timedOut && !r.memExceeded {
		r.signal = ws.Signal().String()
	}
	if err != nil && r.exit == 0 && r.signal == "" && !r.timedOut && !r.memExceeded {
		r.startErr = err
	}
	return r
}

// rss returns the resident size of process pid in bytes, or 0.
func rss(pid int) int64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/statm", pid))
	if err != nil {
		return 0
	}
	f := strings.Fields(string(b))
	if len(f) < 2 {
		return 0
	}
	pages, _ := strconv.ParseInt(f[1], 10, 64)
	return pages * int64(os.Getpagesize())
}
