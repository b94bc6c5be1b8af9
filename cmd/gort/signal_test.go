package main

import (
	"bufio"
	"bytes"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestSignalUncaught: a signal the program did not ask for kills it the
// way it kills a native binary, by the signal itself (a shell shows 143
// for SIGTERM), after what it printed before.
func TestSignalUncaught(t *testing.T) {
	cmd := exec.Command(gortBin, "run", "uncaught.go")
	cmd.Dir = filepath.Join("testdata", "signal")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	cmd.Run()
	ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus)
	if !ok || !ws.Signaled() || ws.Signal() != syscall.SIGTERM {
		t.Errorf("gort ended with %v, want death by SIGTERM; stderr:\n%s", cmd.ProcessState, stderr.String())
	}
	if stdout.String() != "before\n" {
		t.Errorf("stdout %q, want %q", stdout.String(), "before\n")
	}
}

// sigquitGoroutine is a goroutine header of gc's SIGQUIT dump, which is at
// the system level (gp= and m= in each header).
var sigquitGoroutine = regexp.MustCompile(`(?m)^goroutine (\d+) gp=0x[0-9a-f]+ m=nil \[([a-z ]+)\]:$`)

// TestSIGQUITDump: SIGQUIT sent to gort while the program runs dumps every
// goroutine as gc does and exits 2. The shape is gc's (recorded from a
// native build of testdata/signal/spin.go): "SIGQUIT: quit", the PC line,
// then each goroutine's header and frames; gort leaves out the M's g0 stack
// and the register dump, which it does not have.
func TestSIGQUITDump(t *testing.T) {
	cmd := exec.Command(gortBin, "run", "spin.go")
	cmd.Dir = filepath.Join("testdata", "signal")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	ready := make(chan bool, 1)
	go func() {
		line, _ := bufio.NewReader(stdout).ReadString('\n')
		ready <- line == "ready\n"
	}()
	select {
	case ok := <-ready:
		if !ok {
			t.Fatalf("the program did not print ready; stderr:\n%s", stderr.String())
		}
	case <-time.After(time.Minute):
		cmd.Process.Kill()
		t.Fatal("the program did not start")
	}
	cmd.Process.Signal(syscall.SIGQUIT)
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		cmd.Process.Kill()
		t.Fatal("SIGQUIT did not end the program")
	}
	if code := cmd.ProcessState.ExitCode(); code != 2 {
		t.Errorf("exit status %d, want 2", code)
	}
	out := stderr.String()
	if !strings.HasPrefix(out, "SIGQUIT: quit\nPC=0x") || !regexp.MustCompile(`(?m)^PC=0x[0-9a-f]+ m=[0-9]+ sigcode=0$`).MatchString(out) {
		t.Errorf("the dump does not start as gc's:\n%s", out)
	}
	states := map[string]string{}
	for _, m := range sigquitGoroutine.FindAllStringSubmatch(out, -1) {
		states[m[1]] = m[2]
	}
	if states["1"] != "sleep" || len(states) != 3 {
		t.Errorf("goroutines %v, want main asleep and two more; dump:\n%s", states, out)
	}
	for _, want := range []string{"\nmain.main()\n", "\nmain.main.func1()\n", "\nmain.spin()\n", "[chan receive]", "[runnable]"} {
		if !strings.Contains(out, want) {
			t.Errorf("the dump lacks %q:\n%s", want, out)
		}
	}
}
