package runtime_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"gort/internal/arena"
	"gort/internal/compiler"
	"gort/internal/loader"
	"gort/internal/runtime"
)

// A test that runs a program does it in a subprocess, as the real runtime's
// crash tests do: the arena and the runtime's globals belong to the whole
// process. The subprocess is this test binary with helperEnv naming the
// program; TestMain then loads, compiles and runs it as `gort run` does,
// and writes the runtime's own counts as one last stderr line, which
// runProg takes off the program's output.

const (
	helperEnv   = "GORT_RUNTIME_TEST_PROG"
	statsPrefix = "gort-runtime-test:"
	exitArena   = 97 // the host heap took the arena's range: try again
	bufferedEnv = "GORT_RUNTIME_TEST_BUFFERED"
)

func TestMain(m *testing.M) {
	if file := os.Getenv(helperEnv); file != "" {
		os.Exit(runHelper(file))
	}
	os.Exit(m.Run())
}

func runHelper(file string) int {
	mem, err := arena.Map(0)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		if errors.Is(err, arena.ErrTaken) {
			return exitArena
		}
		return 3
	}
	lp, err := loader.Load([]string{file})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 3
	}
	p, err := compiler.Compile(lp, mem)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 3
	}
	opts := runtime.Options{Arena: mem, Args: []string{file}, Env: os.Environ(), Seed: 1}
	// With bufferedEnv set, the program's standard streams are one
	// buffer, not host files, as an embedder's may be.
	var buf bytes.Buffer
	if os.Getenv(bufferedEnv) == "1" {
		opts.Stdout, opts.Stderr = &buf, &buf
	}
	code, triggers, cycles := runtime.RunStats(p, opts)
	os.Stdout.Write(buf.Bytes())
	fmt.Fprintf(os.Stderr, "%s triggers=%d cycles=%d\n", statsPrefix, triggers, cycles)
	return code
}

type progResult struct {
	out              string // stdout and stderr, the stats line taken off
	exit             int
	triggers, cycles uint64
}

var statsLine = regexp.MustCompile(`(?m)^` + statsPrefix + ` triggers=(\d+) cycles=(\d+)\n\z`)

// runProg runs the program file (run from its directory) in a helper
// subprocess, with env added to the environment.
func runProg(t *testing.T, file string, env ...string) progResult {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	for try := 0; ; try++ {
		cmd := exec.Command(exe, "-test.run=^$")
		cmd.Dir = filepath.Dir(file)
		cmd.Env = append(os.Environ(), append(env, helperEnv+"="+filepath.Base(file))...)
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		err := cmd.Run()
		var r progResult
		var ee *exec.ExitError
		switch {
		case err == nil:
		case errors.As(err, &ee) && ee.Exited():
			r.exit = ee.ExitCode()
		default:
			t.Fatalf("running %s: %v", file, err)
		}
		if r.exit == exitArena && try < 5 {
			continue
		}
		m := statsLine.FindStringSubmatchIndex(out.String())
		if m == nil {
			t.Fatalf("%s: no stats line; exit %d, output:\n%s", file, r.exit, out.String())
		}
		s := out.String()
		r.out = s[:m[0]]
		r.triggers, _ = strconv.ParseUint(s[m[2]:m[3]], 10, 64)
		r.cycles, _ = strconv.ParseUint(s[m[4]:m[5]], 10, 64)
		return r
	}
}
