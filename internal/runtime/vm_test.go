package runtime_test

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
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
	"classSize":       "the size-class table",
	"classPages":      "the size-class table",
	"sizeToClass8":    "the size-class lookup table, built by init from classSize",
	"sizeToClass128":  "the size-class lookup table, built by init from classSize",
	"nativeTable":     "natives by qualified name, filled by init functions",
	"unlockedNatives": "the natives called without the runtime lock, filled by init functions",
	"trampolines":     "reflect's stub natives by qualified name, filled by init (reflectcall.go)",
	"wordPtr":         "the host type of a pointer word, for runtime types",
	"hchanType":       "the type of a channel's hchan",
	"sudogType":       "the type of a sudog",
	"strIterType":     "the type of a string range iterator",
	"linknameFrames":  "the runtime functions tracebacks show above a native's caller (traceback.go)",
}

// runtimeSources parses the non-test Go files of internal/runtime and its
// map package, by file name.
func runtimeSources(t *testing.T, fset *token.FileSet) map[string]*ast.File {
	var names []string
	for _, pattern := range []string{"*.go", "maps/*.go"} {
		m, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, m...)
	}
	files := map[string]*ast.File{}
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		files[filepath.ToSlash(name)] = f
	}
	return files
}

// TestNoMutablePackageState lists the package-level variables of
// internal/runtime and its map package against immutablePackageVars, so
// that no runtime state is shared by the VMs of a process (DESIGN.md §5).
func TestNoMutablePackageState(t *testing.T) {
	fset := token.NewFileSet()
	var found []string
	for _, f := range runtimeSources(t, fset) {
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
	mem, err := runtime.ArenaAt(0)
	if err != nil {
		t.Skip(err) // the host heap took the arena's range
	}
	for _, name := range []string{"print_ints", "recover_nested", "float_branches", "print_ints"} {
		if err := mem.Reset(); err != nil {
			t.Fatal(err)
		}
		if out, want := runGolden(mem, name); out != want {
			t.Errorf("%s: output\n%s\nwant\n%s", name, out, want)
		}
	}
}

// TestVMsAtOnce runs two programs at the same time in this one process, each
// VM over its own arena, several times each, and compares both outputs with
// the ones the real toolchain recorded. A VM that reached the other's memory
// or state would corrupt one of them.
func TestVMsAtOnce(t *testing.T) {
	progs := []struct {
		slot int
		name string
	}{{1, "print_ints"}, {2, "recover_nested"}}
	const runs = 4
	errs := make(chan error, len(progs)*runs)
	var wg sync.WaitGroup
	for _, pr := range progs {
		mem, err := runtime.ArenaAt(pr.slot)
		if err != nil {
			t.Skip(err) // the host heap took the arena's range
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range runs {
				if err := mem.Reset(); err != nil {
					errs <- err
					return
				}
				if out, want := runGolden(mem, pr.name); out != want {
					errs <- fmt.Errorf("%s (slot %d, run %d): output\n%s\nwant\n%s", pr.name, pr.slot, i, out, want)
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// runGolden compiles testdata/golden/name.go into mem, runs it with its own
// output buffer and returns what it printed and what gc printed. The
// program must exit with status 0.
func runGolden(mem *arena.Arena, name string) (out, want string) {
	src := filepath.Join("..", "..", "testdata", "golden", name+".go")
	w, err := os.ReadFile(filepath.Join("..", "..", "testdata", "golden", name+".out"))
	if err != nil {
		return err.Error(), ""
	}
	lp, err := loader.Load([]string{src})
	if err != nil {
		return err.Error(), string(w)
	}
	p, err := compiler.Compile(lp, mem)
	if err != nil {
		return err.Error(), string(w)
	}
	var b bytes.Buffer
	if code := runtime.Run(p, runtime.Options{Arena: mem, Args: []string{src}, Seed: 1, Stderr: &b}); code != 0 {
		fmt.Fprintf(&b, "[exit status %d]", code)
	}
	return b.String(), string(w)
}
