package loader

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"testing"
)

// TestBuildPath: the compiler's file names come out as go build spells
// them, relative to the current directory where that is shorter, with
// "./" for the directory itself (the spellings of go build's output for
// the same layout).
func TestBuildPath(t *testing.T) {
	root := t.TempDir()
	pkg := filepath.Join(root, "a", "pkg")
	below := filepath.Join(pkg, "sub")
	if err := os.MkdirAll(below, 0o755); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(pkg, "x.go")
	tests := []struct {
		name, cwd, want, wantShort string
	}{
		{"package directory", pkg, "./x.go", "x.go"},
		{"parent", filepath.Join(root, "a"), "pkg/x.go", "pkg/x.go"},
		{"subdirectory", below, "../x.go", "../x.go"},
		{"root", "/", file[1:], file[1:]},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Chdir(tt.cwd)
			if got := buildPath(pkg, file); got != tt.want {
				t.Errorf("buildPath = %q, want %q", got, tt.want)
			}
			if got := shortPath(file); got != tt.wantShort {
				t.Errorf("shortPath = %q, want %q", got, tt.wantShort)
			}
		})
	}
}

// TestSyntaxErrorsWithoutToolchain: with no compiler to ask, the report
// is go/parser's errors in go build's layout, and nothing hangs or fails.
func TestSyntaxErrorsWithoutToolchain(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	t.Setenv("GOROOT", t.TempDir())
	src := "package main\n\nfunc main() {\n\tprintln(1\n}\n"
	if err := os.WriteFile("x.go", []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	_, perr := parser.ParseFile(token.NewFileSet(), "x.go", nil, 0)
	if perr == nil {
		t.Fatal("x.go parses")
	}
	err := syntaxErrors([]string{"x.go"}, perr)
	want := "# command-line-arguments\n" +
		"./x.go:4:11: missing ',' before newline in argument list\n" +
		"./x.go:5:1: expected operand, found '}'"
	if e, ok := err.(*Error); !ok || e.Msg != want || e.Code != 1 {
		t.Errorf("got %#v, want Error{%q, 1}", err, want)
	}
}
