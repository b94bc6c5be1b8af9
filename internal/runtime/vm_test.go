package runtime_test

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"gort/internal/arena"
	"gort/internal/compiler"
	"gort/internal/loader"
	"gort/internal/runtime"
)

// immutablePackageVars are the package-level variables internal/runtime
// may have: tables that are built once, before any VM exists, and only read
// after. Everything a VM changes lives in the vm, a P or an M (vm.go). Add
// a name here only with the reason it is never written after init.
var immutablePackageVars = map[string]string{
	"classSize":   "the size-class table",
	"classPages":  "the size-class table",
	"nativeTable": "natives by qualified name, filled by init functions",
	"wordPtr":     "the host type of a pointer word, for runtime types",
	"hchanType":   "the type of a channel's hchan",
	"sudogType":   "the type of a sudog",
	"strIterType": "the type of a string range iterator",
}

// TestNoMutablePackageState lists the package-level variables of
// internal/runtime and its map package against immutablePackageVars, so
// that no runtime state is shared by the VMs of a process (DESIGN.md §5).
func TestNoMutablePackageState(t *testing.T) {
	var files []string
	for _, pattern := range []string{"*.go", "maps/*.go"} {
		m, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	fset := token.NewFileSet()
	var found []string
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, decl := range f.Decls {
			gd, ok := decl.(*ast.GenDecl)
			if !ok || gd.Tok != token.VAR {
				continue
			}
			for _, spec := range gd.Specs {
				for _, id := range spec.(*ast.ValueSpec).Names {
					if id.Name == "_" {
						continue
					}
					found = append(found, id.Name)
					if _, ok := immutablePackageVars[id.Name]; !ok {
						t.Errorf("%s: package-level variable %s: runtime state belongs to a vm, a P or an M", fset.Position(id.Pos()), id.Name)
					}
				}
			}
		}
	}
	for name := range immutablePackageVars {
		if !slices.Contains(found, name) {
			t.Errorf("immutablePackageVars lists %s, which no longer exists", name)
		}
	}
}

// TestVMsOneAfterAnother runs several programs in this one process, one
// VM after another over the same arena, each compared with the output the
// real toolchain recorded for it (testdata/golden). A program run twice
// must print the same both times: nothing of one VM may reach the next.
func TestVMsOneAfterAnother(t *testing.T) {
	if err := arena.Init(); err != nil {
		t.Skip(err) // the host heap took the arena's range
	}
	for _, name := range []string{"print_ints", "recover_nested", "float_branches", "print_ints"} {
		if err := arena.Reset(); err != nil {
			t.Fatal(err)
		}
		src := filepath.Join("..", "..", "testdata", "golden", name+".go")
		want, err := os.ReadFile(filepath.Join("..", "..", "testdata", "golden", name+".out"))
		if err != nil {
			t.Fatal(err)
		}
		lp, err := loader.Load([]string{src})
		if err != nil {
			t.Fatal(err)
		}
		p, err := compiler.Compile(lp)
		if err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		if code := runtime.Run(p, runtime.Options{Args: []string{src}, Seed: 1, Stderr: &out}); code != 0 {
			t.Errorf("%s: exit status %d, want 0", name, code)
		}
		if out.String() != string(want) {
			t.Errorf("%s: output\n%s\nwant\n%s", name, out.String(), want)
		}
	}
}
