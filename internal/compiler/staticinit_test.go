package compiler

import (
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/ssa"

	"gort/internal/arena"
	"gort/internal/bytecode"
	"gort/internal/loader"
)

// staticArena is the arena of slot 1, mapped once for the tests here.
var staticArena = sync.OnceValues(func() (*arena.Arena, error) { return arena.Map(1) })

// compileStatic compiles a program of testdata/static into staticArena.
func compileStatic(t *testing.T, name string) (*loader.Program, *bytecode.Program) {
	t.Helper()
	mem, err := staticArena()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := mem.Reset(); err != nil {
			t.Fatal(err)
		}
	})
	lp, err := loader.Load([]string{filepath.Join("testdata", "static", name)})
	if err != nil {
		t.Fatal(err)
	}
	p, err := Compile(lp, mem)
	if err != nil {
		t.Fatal(err)
	}
	return lp, p
}

// TestStaticData checks which variables of testdata/static/prog.go the
// static-data pass lays out as data: exactly those whose names start
// with s; the others keep a store in main.init.
func TestStaticData(t *testing.T) {
	lp, _ := compileStatic(t, "prog.go")
	stored := map[string]bool{}
	for _, b := range lp.Main.Func("init").Blocks {
		for _, in := range b.Instrs {
			if st, ok := in.(*ssa.Store); ok {
				if g := rootGlobal(st.Addr); g != nil {
					stored[g.Name()] = true
				}
			}
		}
	}
	var wrong []string
	for name, m := range lp.Main.Members {
		if _, ok := m.(*ssa.Global); !ok || !strings.HasPrefix(name, "s") && !strings.HasPrefix(name, "d") {
			continue
		}
		if stored[name] != strings.HasPrefix(name, "d") {
			wrong = append(wrong, name)
		}
	}
	sort.Strings(wrong)
	if len(wrong) > 0 {
		t.Errorf("classified wrongly (s: static data, d: init code): %v", wrong)
	}
}

// TestStaticDataNoInitTask checks that a package whose variables are all
// static data has no init work left, so no init task.
func TestStaticDataNoInitTask(t *testing.T) {
	_, p := compileStatic(t, "allstatic.go")
	for _, i := range p.InitFuncs {
		if p.Funcs[i].Name == "main.init" {
			t.Errorf("main.init is still an init task")
		}
	}
}
