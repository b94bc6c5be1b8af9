package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	goruntime "runtime"
	"strconv"
	"strings"
	"testing"
)

// These tests run the gort binary the way a user does and check what the
// user sees: the exit status, and stderr. Expected outputs of programs come
// from the real toolchain: testdata/record.sh wrote testdata/*.out and
// *.exit from `go build` and the built binary; the type-error cases reuse
// the goldens of testdata/golden, which its record.sh wrote the same way.

// gortBin is the gort binary TestMain builds once for every test here.
var gortBin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "gort-cli-test")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	gortBin = filepath.Join(dir, "gort")
	// The tests' builds go to a cache of their own, removed with the
	// binary, never the user's.
	os.Setenv("GORTCACHE", filepath.Join(dir, "cache"))
	build := exec.Command("go", "build", "-o", gortBin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "building gort: %v\n%s", err, out)
		os.RemoveAll(dir)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

type result struct {
	stdout, stderr string
	exit           int
}

// gort runs the gort binary with args in dir.
func gort(t *testing.T, dir string, env []string, args ...string) result {
	t.Helper()
	cmd := exec.Command(gortBin, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	r := result{stdout: stdout.String(), stderr: stderr.String()}
	var ee *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &ee) && ee.Exited():
		r.exit = ee.ExitCode()
	default:
		t.Fatalf("gort %s: %v", strings.Join(args, " "), err)
	}
	return r
}

// hostCrash matches what a Go panic or fatal error inside gort itself would
// print: a goroutine header, a panic line, or a frame in gort's own source.
var hostCrash = regexp.MustCompile(`(?m)^goroutine \d+ \[|^panic: |^fatal error: |gort/internal/|gort/cmd/|\.go:\d+ \+0x`)

func checkNoHostCrash(t *testing.T, r result) {
	t.Helper()
	if m := hostCrash.FindString(r.stdout + r.stderr); m != "" {
		t.Errorf("output shows a crash inside gort (%q):\nstdout:\n%s\nstderr:\n%s", m, r.stdout, r.stderr)
	}
}

func readExpected(t *testing.T, base string) (string, int) {
	t.Helper()
	out, err := os.ReadFile(base + ".out")
	if err != nil {
		t.Fatal(err)
	}
	exitText, err := os.ReadFile(base + ".exit")
	if err != nil {
		t.Fatal(err)
	}
	exit, err := strconv.Atoi(strings.TrimSpace(string(exitText)))
	if err != nil {
		t.Fatal(err)
	}
	return string(out), exit
}

// TestUnsupported: a construct gort does not build yet stops before running
// with exactly `gort: unsupported: <what> at FILE:LINE` on stderr and exit
// status 2, FILE spelled as the go command spells it ("./" + relative path).
func TestUnsupported(t *testing.T) {
	dir := filepath.Join("testdata", "unsupported")
	tests := []struct {
		args []string
		want string
	}{
		// The compiler: `go` of a builtin (valid Go; go build accepts it).
		{[]string{"run", "go_builtin.go"}, `gort: unsupported: go statement calling builtin println at ./go_builtin.go:4`},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			r := gort(t, dir, nil, tt.args...)
			checkNoHostCrash(t, r)
			if r.exit != 2 || r.stdout != "" || r.stderr != tt.want+"\n" {
				t.Errorf("got exit %d, stdout %q, stderr %q\nwant exit 2, stderr %q", r.exit, r.stdout, r.stderr, tt.want+"\n")
			}
		})
	}
}

// TestTypeErrors: a program with type errors prints go build's lines
// ("# command-line-arguments", then ./file:line:col: message) on stderr and
// exits 1, whether run or disassembled. gort prints go build's header and
// "./" prefix too, so the comparison is exact.
func TestTypeErrors(t *testing.T) {
	type tc struct{ dir, base string }
	var tests []tc
	// typeerr_unused imports "strings" and so stops at the unsupported
	// import before type checking; it is in the golden ratchet instead.
	for _, name := range []string{"typeerr_many", "typeerr_method", "typeerr_mismatch", "typeerr_missing_return", "typeerr_undefined"} {
		tests = append(tests, tc{filepath.Join("..", "..", "testdata", "golden"), name})
	}
	for _, tt := range tests {
		want, wantExit := readExpected(t, filepath.Join(tt.dir, tt.base))
		if wantExit != 1 {
			t.Fatalf("%s.exit is %d; go build fails with 1", tt.base, wantExit)
		}
		for _, cmd := range []string{"run", "dis"} {
			t.Run(cmd+" "+tt.base, func(t *testing.T) {
				r := gort(t, tt.dir, nil, cmd, tt.base+".go")
				checkNoHostCrash(t, r)
				if r.exit != 1 || r.stdout != "" || r.stderr != want {
					t.Errorf("got exit %d, stdout %q, stderr:\n%s\nwant exit 1, stderr:\n%s", r.exit, r.stdout, r.stderr, want)
				}
			})
		}
	}
	t.Run("two files", func(t *testing.T) {
		want, _ := readExpected(t, filepath.Join("testdata", "multierr"))
		r := gort(t, filepath.Join("testdata", "multierr"), nil, "run", "a.go", "b.go")
		checkNoHostCrash(t, r)
		if r.exit != 1 || r.stderr != want {
			t.Errorf("got exit %d, stderr:\n%s\nwant exit 1, stderr:\n%s", r.exit, r.stderr, want)
		}
	})
}

// TestBadInput: whatever the command line, gort answers with a message and
// the go command's exit status, never with a crash of its own: 2 for a usage
// error (as `go` with no or an unknown command), 1 for a program that cannot
// be built (as go build and go run).
func TestBadInput(t *testing.T) {
	// The files are written here rather than committed: gofmt -l . would
	// reject the ones that do not parse.
	dir := t.TempDir()
	files := map[string]string{
		"empty.go":    "",
		"syntax.go":   "package main\n\nfunc main() {\n\tx :=\n}\n",
		"notmain.go":  "package notmain\n\nfunc F() {}\n",
		"nomain.go":   "package main\n\nfunc helper() {}\n",
		"excluded.go": "//go:build windows\n\npackage main\n\nfunc main() {}\n",
		"nogo/README": "no Go files here\n",
	}
	for name, text := range files {
		name = filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name string
		args []string
		exit int
		want string // a regexp stderr must match
	}{
		{"no arguments", nil, 2, `^usage: gort run`},
		{"unknown subcommand", []string{"frob"}, 2, `^usage: gort run`},
		{"unknown flag", []string{"run", "-nosuchflag", "x.go"}, 2, `-nosuchflag`},
		{"run without files", []string{"run"}, 1, `no go files listed`},
		{"nonexistent file", []string{"run", "nonexistent.go"}, 1, `nonexistent\.go`},
		{"nonexistent directory", []string{"run", "nonexistent"}, 1, `nonexistent`},
		{"directory without Go files", []string{"run", "nogo"}, 1, `nogo`},
		// An error in the package clause is go/build's, found before the
		// compiler runs: no package header (see also TestSyntaxErrors).
		{"empty file", []string{"run", "empty.go"}, 1, `^empty\.go:1:1: expected 'package', found 'EOF'\n$`},
		{"syntax error", []string{"run", "syntax.go"}, 1, `\A# command-line-arguments\n\./syntax\.go:5:1: syntax error: unexpected }, expected expression\n$`},
		{"package not main", []string{"run", "notmain.go"}, 1, `^package command-line-arguments is not a main package\n$`},
		{"no func main", []string{"run", "nomain.go"}, 1, `function main is undeclared in the main package\n$`},
		{"excluded by build constraint", []string{"run", "excluded.go"}, 1, `build constraints exclude all Go files`},
		{"dis of nonexistent file", []string{"dis", "nonexistent.go"}, 1, `nonexistent\.go`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := gort(t, dir, nil, tt.args...)
			checkNoHostCrash(t, r)
			if r.exit != tt.exit {
				t.Errorf("exit status %d, want %d; stderr:\n%s", r.exit, tt.exit, r.stderr)
			}
			if !regexp.MustCompile(tt.want).MatchString(r.stderr) {
				t.Errorf("stderr does not match %q:\n%s", tt.want, r.stderr)
			}
			if r.stdout != "" {
				t.Errorf("stdout not empty: %q", r.stdout)
			}
		})
	}
}

// TestExitStatus: `gort run` exits with the program's own status, as the
// built binary does, and hands the arguments after the files to the
// program instead of reading them as files or flags of its own. (The
// programs cannot see their arguments until os is loadable; what is checked
// is that gort does not take them.) Output is compared up to the first
// traceback frame; TestGolden compares whole tracebacks.
func TestExitStatus(t *testing.T) {
	dir := filepath.Join("testdata", "exits")
	tests := []struct {
		base string
		args []string
	}{
		{"ok", nil},
		{"ok", []string{"-x", "arg.go", "--", "last"}},
		{"panics", []string{"arg"}},
		{"deadlock", nil},
	}
	for _, tt := range tests {
		name := strings.Join(append([]string{tt.base}, tt.args...), " ")
		t.Run(name, func(t *testing.T) {
			want, wantExit := readExpected(t, filepath.Join(dir, tt.base))
			want = beforeFrames(want)
			r := gort(t, dir, nil, append([]string{"run", tt.base + ".go"}, tt.args...)...)
			if got := beforeFrames(r.stdout + r.stderr); r.exit != wantExit || got != want {
				t.Errorf("got exit %d, output:\n%s\nwant exit %d, output:\n%s", r.exit, got, wantExit, want)
			}
		})
	}
	t.Run("seed flag", func(t *testing.T) {
		r := gort(t, dir, nil, "run", "-seed", "7", "ok.go", "a", "b")
		if r.exit != 0 || r.stderr != "ok\n" {
			t.Errorf("got exit %d, stderr %q", r.exit, r.stderr)
		}
	})
}

// beforeFrames cuts a program's output at its first traceback frame.
func beforeFrames(out string) string {
	if i := strings.Index(out, "\nmain."); i >= 0 {
		return out[:i+1]
	}
	return out
}

// TestPackageForms: a package directory (with or without a trailing slash,
// relative or absolute) and the list of its files run the same program.
// go/build's file selection applies to the directory: c_windows.go and
// a_test.go, each of which would redeclare a function, are left out.
func TestPackageForms(t *testing.T) {
	want, wantExit := readExpected(t, filepath.Join("testdata", "multi"))
	abs, err := filepath.Abs(filepath.Join("testdata", "multi"))
	if err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"multi"},
		{"multi/"},
		{"./multi"},
		{abs},
		{"multi/a.go", "multi/b.go", "multi/c_linux.go"},
		{"multi/b.go", "multi/c_linux.go", "multi/a.go"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			r := gort(t, "testdata", nil, append([]string{"run"}, args...)...)
			checkNoHostCrash(t, r)
			if r.exit != wantExit || r.stdout+r.stderr != want {
				t.Errorf("got exit %d, output:\n%s\nwant exit %d, output:\n%s", r.exit, r.stdout+r.stderr, wantExit, want)
			}
		})
	}
}

// TestOtherGOROOT: a $GOROOT of another Go version is refused before
// anything is loaded from it, with a message naming both versions.
func TestOtherGOROOT(t *testing.T) {
	goroot := t.TempDir()
	if err := os.WriteFile(filepath.Join(goroot, "VERSION"), []byte("go1.20.1\ntime 2023-02-14T00:00:00Z\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := gort(t, "../../examples", []string{"GOROOT=" + goroot}, "run", "hello.go")
	checkNoHostCrash(t, r)
	want := "gort: GOROOT " + goroot + " is go1.20.1, but gort was built for " + goruntime.Version() + "\n"
	if r.exit != 2 || r.stderr != want || r.stdout != "" {
		t.Errorf("got exit %d, stdout %q, stderr %q; want exit 2 and stderr %q", r.exit, r.stdout, r.stderr, want)
	}
}
