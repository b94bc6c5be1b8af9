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
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

const (
	// programTimeout bounds one `gort run`. The slowest `// run` program of
	// $GOROOT/test takes about a second natively.
	programTimeout = 20 * time.Second

	// moveStackTimeout bounds one `gort run` in the pass that moves the
	// goroutine stack at every call. Every call then copies the used stack
	// and fixes each frame, so a program's time grows with its call count
	// times its stack depth: that pass checks stack-address bookkeeping,
	// not speed.
	moveStackTimeout = 6 * programTimeout

	// knownTimeout bounds a program whose last recorded failure was a
	// timeout, so that a gort that hangs on many programs still finishes
	// the suite in minutes. -update gives every program programTimeout.
	knownTimeout = 5 * time.Second

	// outputCap bounds the captured output of one program. The largest .out
	// file the suite compares against is a few hundred bytes.
	outputCap = 1 << 20

	// deadlineMargin is how long before the test binary's deadline the pool
	// stops starting programs, so that the test reports what it has instead
	// of being killed by `go test -timeout`.
	deadlineMargin = moveStackTimeout + 10*time.Second
)

// runtimeKnobs are the environment variables the Go runtime reads. They are
// removed from every program's environment so that a developer's shell cannot
// change what a test sees; a pass that wants one sets it explicitly.
var runtimeKnobs = []string{"GOMAXPROCS", "GOGC", "GOMEMLIMIT", "GODEBUG", "GOTRACEBACK"}

// job is one program to run under gort.
type job struct {
	dir  string   // working directory
	file string   // the program, relative to dir
	env  []string // extra KEY=value entries
	// flags are `gort run`'s own flags (-seed N for the deterministic
	// mode).
	flags []string
	// stdin, when not empty, is a file (relative to dir) fed to the
	// program as its standard input; otherwise stdin is the null device.
	stdin string
	// timeout bounds the run; zero means programTimeout.
	timeout time.Duration
}

// result is what one `gort run` did.
type result struct {
	out       []byte // stdout and stderr together, in write order, at most outputCap bytes
	exit      int    // exit status; -1 if the process was killed by a signal
	signal    string // the signal that killed it, if any
	timedOut  bool
	truncated bool   // the program wrote more than outputCap bytes
	tail      []byte // with truncated, the last tailCap bytes of the rest
	startErr  error  // gort could not be started at all
}

// cappedBuffer keeps the first outputCap bytes written to it and the last
// tailCap of the rest, discarding the middle, while reporting every write as
// complete so the child never blocks on a full pipe. Stdout and Stderr share
// one *cappedBuffer, which makes os/exec give the child a single pipe for
// both: the order of their bytes is kept.
type cappedBuffer struct {
	mu        sync.Mutex
	buf       bytes.Buffer
	tail      []byte // the end of what did not fit in buf
	truncated bool
}

// tailCap bounds what cappedBuffer keeps of the end of a long output: enough
// for the last lines a program prints after a long one.
const tailCap = 64 << 10

func (c *cappedBuffer) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	room := outputCap - c.buf.Len()
	if len(p) > room {
		c.buf.Write(p[:room])
		c.truncated = true
		c.tail = append(c.tail, p[room:]...)
		if n := len(c.tail); n > tailCap {
			c.tail = append(c.tail[:0], c.tail[n-tailCap:]...)
		}
	} else {
		c.buf.Write(p)
	}
	return len(p), nil
}

// programEnv returns the environment for a program: the test's own, without
// the runtime's knobs, plus extra.
func programEnv(extra []string) []string {
	var env []string
next:
	for _, kv := range os.Environ() {
		for _, k := range runtimeKnobs {
			if strings.HasPrefix(kv, k+"=") {
				continue next
			}
		}
		env = append(env, kv)
	}
	return append(env, extra...)
}

// runGort runs `gort run j.file` in j.dir. The child is the leader of a new
// process group; on timeout the whole group is killed, and any process the
// group still holds when gort exits is killed too, so nothing outlives the
// test.
func runGort(j job) result {
	timeout := j.timeout
	if timeout == 0 {
		timeout = programTimeout
	}
	var stdin *os.File
	if j.stdin != "" {
		f, err := os.Open(filepath.Join(j.dir, j.stdin))
		if err != nil {
			return result{startErr: err}
		}
		defer f.Close()
		stdin = f
	}
	args := append(append([]string{"run"}, j.flags...), j.file)
	return runCommandInput(j.dir, programEnv(j.env), timeout, stdin, gortBin, args...)
}

func runCommand(dir string, env []string, timeout time.Duration, name string, args ...string) result {
	return runCommandInput(dir, env, timeout, nil, name, args...)
}

// runCommandInput is runCommand with stdin as the child's standard input
// (the null device when nil).
func runCommandInput(dir string, env []string, timeout time.Duration, stdin *os.File, name string, args ...string) result {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	out := new(cappedBuffer)
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	if stdin != nil {
		cmd.Stdin = stdin
	}
	cmd.Env = env
	cmd.Stdout = out
	cmd.Stderr = out
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	// A grandchild that keeps the pipe open must not keep Wait waiting.
	cmd.WaitDelay = 2 * time.Second

	var r result
	if err := cmd.Start(); err != nil {
		r.startErr = err
		return r
	}
	err := cmd.Wait()
	// The group may outlive its leader; ESRCH (nothing left) is the usual case.
	_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)

	out.mu.Lock()
	r.out = bytes.Clone(out.buf.Bytes())
	r.truncated = out.truncated
	out.mu.Unlock()
	r.timedOut = errors.Is(ctx.Err(), context.DeadlineExceeded)
	r.exit = cmd.ProcessState.ExitCode()
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		r.signal = ws.Signal().String()
	}
	if err != nil && r.exit == 0 && r.signal == "" && !r.timedOut {
		// Exited 0 but Wait failed: the output pipe was held open past
		// WaitDelay.
		r.startErr = err
	}
	return r
}

// runAll runs jobs on runtime.NumCPU() workers and returns their results in
// the order of jobs. It stops starting jobs when the test's deadline is near;
// the jobs it did not start are reported in skipped.
func runAll(t *testing.T, jobs []job) (results []result, skipped []bool) {
	results = make([]result, len(jobs))
	skipped = make([]bool, len(jobs))
	deadline, hasDeadline := t.Deadline()
	next := make(chan int)
	var wg sync.WaitGroup
	for range runtime.NumCPU() {
		wg.Go(func() {
			for i := range next {
				results[i] = runGort(jobs[i])
			}
		})
	}
	for i := range jobs {
		if hasDeadline && time.Until(deadline) < deadlineMargin {
			skipped[i] = true
			continue
		}
		next <- i
	}
	close(next)
	wg.Wait()
	return results, skipped
}

// verdict compares a result with the expected output and exit status. It
// returns "" when they match, and otherwise the one-line reason that goes
// into a failing list.
func verdict(r result, want []byte, wantExit int) string {
	switch {
	case r.startErr != nil:
		return oneLine("cannot run gort: " + r.startErr.Error())
	case r.timedOut:
		return "timeout"
	case r.truncated:
		return fmt.Sprintf("output exceeds %d bytes", outputCap)
	}
	line, differs := firstDiff(r.out, want)
	if r.exit != wantExit {
		status := fmt.Sprintf("exit status %d", r.exit)
		if r.signal != "" {
			status = "killed by " + r.signal
		}
		if wantExit != 0 {
			status += fmt.Sprintf(" (want %d)", wantExit)
		}
		if !differs {
			return status
		}
		// The first line that is not expected output is usually the error.
		if got := lineAt(r.out, line); got != "" {
			return oneLine(status + ": " + got)
		}
		return status
	}
	if differs {
		return fmt.Sprintf("output differs at line %d", line)
	}
	return ""
}

// firstDiff returns the 1-based number of the first line where got and want
// differ, and whether they differ at all.
func firstDiff(got, want []byte) (int, bool) {
	if bytes.Equal(got, want) {
		return 0, false
	}
	g := strings.SplitAfter(string(got), "\n")
	w := strings.SplitAfter(string(want), "\n")
	for i := 0; ; i++ {
		if i >= len(g) || i >= len(w) || g[i] != w[i] {
			return i + 1, true
		}
	}
}

// lineAt returns line n (1-based) of b without its newline, or "".
func lineAt(b []byte, n int) string {
	lines := strings.Split(string(b), "\n")
	if n < 1 || n > len(lines) {
		return ""
	}
	return lines[n-1]
}

// oneLine makes s fit one line of a failing list: control characters become
// spaces and it is cut to a readable length.
func oneLine(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < ' ' || r == 0x7f {
			return ' '
		}
		return r
	}, s)
	const max = 160
	if r := []rune(s); len(r) > max {
		s = string(r[:max]) + "..."
	}
	return strings.TrimSpace(s)
}

// diffSummary explains a failure to a person: the reason, the first
// differing line, and a few lines of what gort printed from there on.
func diffSummary(r result, want []byte, reason string) string {
	var b strings.Builder
	b.WriteString(reason)
	line, differs := firstDiff(r.out, want)
	if !differs {
		return b.String()
	}
	fmt.Fprintf(&b, "\n\tline %d: want %q\n\tline %d: got  %q", line, lineAt(want, line), line, lineAt(r.out, line))
	lines := strings.Split(string(r.out), "\n")
	if line < len(lines) {
		end := min(len(lines), line+10)
		b.WriteString("\n\tgort printed from there:")
		for _, l := range lines[line-1 : end] {
			b.WriteString("\n\t| " + l)
		}
		if end < len(lines) {
			fmt.Fprintf(&b, "\n\t| ... (%d more lines)", len(lines)-end)
		}
	}
	return b.String()
}
