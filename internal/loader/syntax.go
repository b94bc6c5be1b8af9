package loader

import (
	"context"
	"errors"
	"fmt"
	"go/scanner"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"
)

// Syntax errors, reported as go build reports them. The go command finds
// them in two places:
//
//   - Before it compiles anything, it reads each file's package clause and
//     imports with go/build, which parses them with go/parser. An error
//     there is reported alone, the first one only, in go/parser's words,
//     with no "# package" header ("empty.go:1:1: expected 'package', found
//     'EOF'").
//   - Every other syntax error is the compiler's: cmd/compile parses all
//     the package's files with its own parser, whose words are not
//     go/parser's (gc: "syntax error: unexpected newline in argument list;
//     possibly missing comma or )", go/parser: "missing ',' before newline
//     in argument list"), and stops after parsing when there are any.
//
// gort parses with go/parser, so for the second kind it asks the compiler
// of the installed toolchain (the $GOROOT that CheckGOROOT matched with
// gort's own version) to parse the files. That is one process, only once
// go/parser has failed, so a program that parses never pays for it; a
// failing `gort run` takes 10.5 ms instead of 8.6. Translating go/parser's
// words instead would cover a few common messages and drift with every
// release. The compiler would go on to type-check (and then need the
// imports' export data, which gort does not have) when no error it reports
// is worded "syntax error", as when a string or rune literal is the only
// thing wrong: an extra empty file, whose missing package clause is such
// an error, makes it stop after parsing in every case (compilerErrors says
// what happens next). Where the compiler's answer is not to be had (no
// toolchain, a timeout, output that is not a list of errors in the files)
// gort prints go/parser's errors instead, at the same positions.

// compilerTimeout bounds the compiler's run; it parses in milliseconds.
const compilerTimeout = 10 * time.Second

// syntaxErrors reports err, go/parser's failure on one of the main
// package's files, as go build reports that package's syntax errors.
func syntaxErrors(filenames []string, err error) error {
	files := make([]string, len(filenames))
	for i, name := range filenames {
		abs, aerr := filepath.Abs(name)
		if aerr != nil {
			files = nil
			break
		}
		files[i] = abs
	}
	if files != nil {
		dir := filepath.Dir(files[0])
		if e := headerError(dir, files); e != nil {
			return e
		}
		if msg, ok := compilerErrors(dir, files); ok {
			return &Error{Msg: "# command-line-arguments\n" + msg, Code: 1}
		}
	}
	return &Error{Msg: "# command-line-arguments\n" + parserErrors(err), Code: 1}
}

// headerError is the error go/build finds in the package clauses and
// imports of files (absolute names, all in dir), as the go command reports
// it, or nil. Like the go command for files named on its command line, it
// reads exactly those files, whatever their build constraints.
func headerError(dir string, files []string) error {
	infos := make([]fs.FileInfo, len(files))
	for i, f := range files {
		fi, err := os.Stat(f)
		if err != nil {
			return nil
		}
		infos[i] = fi
	}
	ctxt := BuildContext()
	ctxt.UseAllFiles = true
	ctxt.ReadDir = func(string) ([]fs.FileInfo, error) { return infos, nil }
	_, err := ctxt.ImportDir(dir, 0)
	var list scanner.ErrorList
	if !errors.As(err, &list) || len(list) == 0 {
		return nil
	}
	pos := list[0].Pos
	pos.Filename = shortPath(pos.Filename)
	return &Error{Msg: pos.String() + ": " + list[0].Msg, Code: 1}
}

// compilerErrors returns the compiler's errors in files (absolute names,
// all in dir) as go build prints them, less the header; ok is false when
// the compiler did not answer with a list of errors in those files.
//
// The first run, with the stop file, has the parser's errors. Only when
// none of them is worded "syntax error" would go build's compiler have
// gone on to type-check; a second run without the stop file does that,
// and is believed unless the program imports a package, whose export data
// the compiler was not given ("could not import fmt"): then the parser's
// errors are printed alone.
func compilerErrors(dir string, files []string) (msg string, ok bool) {
	tmp, err := os.MkdirTemp("", "gort-syntax-")
	if err != nil {
		return "", false
	}
	defer os.RemoveAll(tmp)
	stop := filepath.Join(tmp, "stop.go")
	if err := os.WriteFile(stop, nil, 0o644); err != nil {
		return "", false
	}
	lines, ok := runCompiler(tmp, files, stop)
	if !ok {
		return "", false
	}
	if !slices.ContainsFunc(lines, func(l string) bool { return strings.Contains(l, ": syntax error") }) {
		if all, ok := runCompiler(tmp, files, ""); ok && !slices.ContainsFunc(all, func(l string) bool { return strings.Contains(l, ": could not import ") }) {
			lines = all
		}
	}
	var b strings.Builder
	for _, line := range lines {
		for _, f := range files {
			if strings.HasPrefix(line, f+":") {
				b.WriteString(buildPath(dir, f) + line[len(f):] + "\n")
				break
			}
		}
	}
	return strings.TrimSuffix(b.String(), "\n"), true
}

// runCompiler runs the toolchain's compiler, in tmp, on files and then
// stop (unless it is ""), and returns the lines of its output about files:
// those about stop (its error, or "too many errors" at it) are dropped,
// and ok is false unless the compiler failed and every other line begins
// with the name of one of files.
func runCompiler(tmp string, files []string, stop string) (lines []string, ok bool) {
	tool := filepath.Join(goroot(), "pkg", "tool", runtime.GOOS+"_"+runtime.GOARCH, "compile")
	// The object file is named, and in tmp, because the compiler removes
	// it when it fails: its default is FILE.o in the current directory,
	// and the user's file of that name would be removed too.
	args := append([]string{"-o", filepath.Join(tmp, "_pkg_.a"), "-p", "main", "-complete"}, files...)
	if stop != "" {
		args = append(args, stop)
	}
	ctx, cancel := context.WithTimeout(context.Background(), compilerTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, tool, args...)
	cmd.Dir = tmp
	cmd.Env = append(os.Environ(), "GOOS=linux", "GOARCH=amd64")
	cmd.WaitDelay = time.Second
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || ctx.Err() != nil {
		return nil, false
	}
	for _, line := range strings.Split(strings.TrimSuffix(string(out), "\n"), "\n") {
		if stop != "" && strings.HasPrefix(line, stop+":") {
			continue
		}
		if !slices.ContainsFunc(files, func(f string) bool { return strings.HasPrefix(line, f+":") }) {
			return nil, false
		}
		lines = append(lines, line)
	}
	return lines, len(lines) > 0
}

// parserErrors formats go/parser's errors as the compiler's are printed,
// at most ten and then "too many errors".
func parserErrors(err error) string {
	var list scanner.ErrorList
	if !errors.As(err, &list) {
		return err.Error()
	}
	var b strings.Builder
	for i, e := range list {
		name := e.Pos.Filename
		if abs, err := filepath.Abs(name); err == nil {
			name = buildPath(filepath.Dir(abs), abs)
		}
		if i == 10 {
			fmt.Fprintf(&b, "%s:%d:%d: too many errors\n", name, list[9].Pos.Line, list[9].Pos.Column)
			break
		}
		fmt.Fprintf(&b, "%s:%d:%d: %s\n", name, e.Pos.Line, e.Pos.Column, e.Msg)
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// buildPath spells the file name (absolute, in dir) as go build spells it
// in the compiler's output: the go command replaces the package directory,
// or the nearest of its parents that has one, with a path relative to the
// current directory where that is shorter ("./x.go", "sub/x.go",
// "../x.go").
func buildPath(dir, name string) string {
	for d := dir; ; d = filepath.Dir(d) {
		if r := shortPath(d); r != d && strings.HasPrefix(name, d) {
			return r + name[len(d):]
		}
		if filepath.Dir(d) == d {
			return name
		}
	}
}

// shortPath is path relative to the current directory where that is
// shorter, as the go command shortens paths in its messages.
func shortPath(path string) string {
	wd, err := os.Getwd()
	if err != nil {
		return path
	}
	if rel, err := filepath.Rel(wd, path); err == nil && len(rel) < len(path) {
		return rel
	}
	return path
}

// goroot is the Go root whose toolchain gort defers to, as CheckGOROOT
// finds it.
func goroot() string {
	if env := os.Getenv("GOROOT"); env != "" {
		return env
	}
	return runtime.GOROOT()
}
