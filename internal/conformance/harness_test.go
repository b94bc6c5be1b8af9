package conformance

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Tests of the harness itself: it must survive a gort that hangs, floods its
// output or crashes, and its normalisation must remove only what it documents.

func TestRunCommandKillsProcessGroupOnTimeout(t *testing.T) {
	start := time.Now()
	// The background sleep holds the output pipe; killing only the shell
	// would leave Wait waiting for it.
	r := runCommand(t.TempDir(), nil, 500*time.Millisecond, "/bin/sh", "-c", "echo started; sleep 30 & sleep 30")
	if elapsed := time.Since(start); elapsed > 5*time.Second {
		t.Fatalf("runCommand took %v after a 500ms timeout", elapsed)
	}
	if !r.timedOut || string(r.out) != "started\n" {
		t.Fatalf("got timedOut=%v out=%q, want a timeout after %q", r.timedOut, r.out, "started\n")
	}
	if got := verdict(r, nil, 0); got != "timeout" {
		t.Errorf("verdict = %q, want timeout", got)
	}
}

func TestRunCommandCapsOutput(t *testing.T) {
	r := runCommand(t.TempDir(), nil, 10*time.Second, "/bin/sh", "-c", "head -c 3000000 /dev/zero; echo done >&2")
	if !r.truncated || len(r.out) != outputCap || r.exit != 0 {
		t.Fatalf("got truncated=%v len=%d exit=%d, want truncated output of %d bytes, exit 0", r.truncated, len(r.out), r.exit, outputCap)
	}
}

func TestRunCommandCrash(t *testing.T) {
	r := runCommand(t.TempDir(), nil, 10*time.Second, "/bin/sh", "-c", "echo ok; echo boom >&2; kill -SEGV $$")
	if got, want := verdict(r, []byte("ok\n"), 0), "killed by segmentation fault: boom"; got != want {
		t.Errorf("verdict = %q, want %q", got, want)
	}
	r = runCommand(t.TempDir(), nil, 10*time.Second, "/nonexistent/gort")
	if got := verdict(r, nil, 0); !strings.HasPrefix(got, "cannot run gort: ") {
		t.Errorf("verdict = %q, want cannot run gort", got)
	}
}

func TestRunCommandKeepsWriteOrder(t *testing.T) {
	r := runCommand(t.TempDir(), nil, 10*time.Second, "/bin/sh", "-c", "echo 1; echo 2 >&2; echo 3; echo 4 >&2")
	if got, want := string(r.out), "1\n2\n3\n4\n"; got != want {
		t.Errorf("out = %q, want %q", got, want)
	}
}

func TestRunCommandStdin(t *testing.T) {
	dir := t.TempDir()
	r := runCommandInput(dir, nil, 10*time.Second, nil, "/bin/sh", "-c", "wc -c")
	if got := strings.TrimSpace(string(r.out)); got != "0" {
		t.Errorf("without input: out = %q, want 0 bytes read", r.out)
	}
	in := filepath.Join(dir, "prog.in")
	if err := os.WriteFile(in, []byte("one\ntwo\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(in)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r = runCommandInput(dir, nil, 10*time.Second, f, "/bin/sh", "-c", "cat")
	if got, want := string(r.out), "one\ntwo\n"; got != want {
		t.Errorf("with input: out = %q, want %q", got, want)
	}
}

func TestVerdict(t *testing.T) {
	for _, tc := range []struct {
		out      string
		exit     int
		want     string
		wantExit int
		reason   string
	}{
		{"a\nb\n", 0, "a\nb\n", 0, ""},
		{"a\nc\n", 0, "a\nb\n", 0, "output differs at line 2"},
		{"a\n", 0, "a\nb\n", 0, "output differs at line 2"},
		{"a\nb\n", 0, "", 0, "output differs at line 1"},
		{"a\ngort: unsupported op\n", 1, "a\nb\n", 0, "exit status 1: gort: unsupported op"},
		{"", 1, "", 0, "exit status 1"},
		{"panic: x\n", 2, "panic: x\n", 2, ""},
		{"panic: x\n", 0, "panic: x\n", 2, "exit status 0 (want 2)"},
		{"x\tpanic\n", 2, "", 0, "exit status 2: x panic"},
	} {
		got := verdict(result{out: []byte(tc.out), exit: tc.exit}, []byte(tc.want), tc.wantExit)
		if got != tc.reason {
			t.Errorf("verdict(%q, exit %d; want %q, exit %d) = %q, want %q", tc.out, tc.exit, tc.want, tc.wantExit, got, tc.reason)
		}
	}
}

func TestNormalizeTraceback(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{
			"panic: boom\n\ngoroutine 1 [running]:\nmain.main()\n\t/work/x/prog.go:5 +0x3d\n",
			"panic: boom\n\ngoroutine 1 [running]:\nmain.main()\n\tprog.go:5\n",
		},
		{
			"main.(*T).fail(0x411dfd?, 0x955ac360720?)\n\t/a/b.go:20 +0x2c\nmain.(*T).Run.func1(...)\n\t/a/b.go:13\n",
			"main.(*T).fail(...)\n\tb.go:20\nmain.(*T).Run.func1(...)\n\tb.go:13\n",
		},
		{
			"panic({0x4814e0?, 0x497c50?})\n\t/usr/local/go/src/runtime/panic.go:860 +0x13a\n",
			"panic(...)\n\tpanic.go:860\n",
		},
		{
			"main.Box[...].Get(0xe0bc41501e0?)\n\tprog.go:8 +0x25\n",
			"main.Box[...].Get(...)\n\tprog.go:8\n",
		},
		{
			"created by main.main in goroutine 1\n\t/w/prog.go:12 +0x79\n",
			"created by main.main in goroutine 1\n\tprog.go:12\n",
		},
		{
			"[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x47ab96]\n",
			"[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=?]\n",
		},
		{
			"unexpected fault address 0x4974f0\nfatal error: fault\n[signal SIGSEGV: segmentation violation code=0x2 addr=0x4974f0 pc=0x47a7d9]\n",
			"unexpected fault address 0x?\nfatal error: fault\n[signal SIGSEGV: segmentation violation code=0x2 addr=0x? pc=?]\n",
		},
		{
			"runtime.gopark(0x0?)\n\t/r/proc.go:460 +0xce fp=0xc000 sp=0xc001 pc=0x4712ce\n",
			"runtime.gopark(...)\n\tproc.go:460 fp=? sp=? pc=?\n",
		},
		{
			"goroutine 18 [running]:\nmain.f()\n\t/w/prog.go:6 +0x1\ncreated by main.g in goroutine 20\n\t/w/prog.go:12 +0x79\n",
			"goroutine N [running]:\nmain.f()\n\tprog.go:6\ncreated by main.g in goroutine N\n\tprog.go:12\n",
		},
		{
			"goroutine 1 [chan receive]:\ncreated by main.main in goroutine 1\n",
			"goroutine 1 [chan receive]:\ncreated by main.main in goroutine 1\n",
		},
		{"panic: (main.T) 0x497ff8\n", "panic: (main.T) 0x?\n"},
		{
			"goroutine 1 gp=0xfd49d16a1e0 m=0 mp=0x5256a0 [running]:\nmain.main()\n",
			"goroutine 1 [running]:\nmain.main()\n",
		},
		{
			"fatal error: fault\n\ngoroutine 1 [running]:\nmain.main()\n\n" +
				"goroutine 2 gp=0xc1 m=nil [force gc (idle)]:\nruntime.forcegchelper()\ncreated by runtime.init.7 in goroutine 1\n\n" +
				"goroutine 5 [chan receive]:\nmain.f()\ncreated by main.main in goroutine 1\n",
			"fatal error: fault\n\ngoroutine 1 [running]:\nmain.main()\n\n" +
				"goroutine N [chan receive]:\nmain.f()\ncreated by main.main in goroutine 1\n",
		},
		{"\tpanic: (main.T) 0x497ff8 [recovered]\n", "\tpanic: (main.T) 0x? [recovered]\n"},
		// Program output that only looks like a traceback is left alone.
		{"f(1)\nsecond line\n\tpanic: x\n", "f(1)\nsecond line\n\tpanic: x\n"},
		{"./typeerr.go:5:7: undefined: x\n", "./typeerr.go:5:7: undefined: x\n"},
	} {
		if got := string(normalizeTraceback([]byte(tc.in))); got != tc.want {
			t.Errorf("normalizeTraceback(%q)\n got %q\nwant %q", tc.in, got, tc.want)
		}
	}
}
