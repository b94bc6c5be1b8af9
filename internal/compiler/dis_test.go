package compiler

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gort/internal/arena"
	"gort/internal/bytecode"
	"gort/internal/loader"
)

var update = flag.Bool("update", false, "rewrite testdata/dis/*.golden from the current compiler")

// disFuncs are the functions of testdata/dis/prog.go whose disassembly is
// kept: a handful only (a recursion, a loop, a closure, a method, a defer, a frame-local
// array),
// so that a change of instruction selection rewrites a few files, not a
// suite. Each golden file is what `gort dis testdata/dis/prog.go NAME`
// prints. After an intended change of the compiler's output, regenerate
// them and review the diff:
//
//	go test ./internal/compiler -run Dis -update
var disFuncs = []string{
	"main.fib",
	"main.sum",
	"main.counter",
	"main.counter.func1",
	"main.(*T).Swap",
	"main.withDefer",
	"main.localArray",
}

func TestDisassembly(t *testing.T) {
	mem, err := arena.Map(0)
	if err != nil {
		t.Fatal(err)
	}
	lp, err := loader.Load([]string{filepath.Join("testdata", "dis", "prog.go")})
	if err != nil {
		t.Fatal(err)
	}
	p, err := Compile(lp, mem)
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]*bytecode.Func{}
	for _, f := range p.Funcs {
		byName[f.Name] = f
	}
	for _, name := range disFuncs {
		t.Run(name, func(t *testing.T) {
			f := byName[name]
			if f == nil {
				t.Fatalf("no function %s in the compiled program", name)
			}
			var b bytes.Buffer
			bytecode.Disassemble(&b, p.Fset, f)
			file := filepath.Join("testdata", "dis", goldenName(name))
			if *update {
				if err := os.WriteFile(file, b.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(file)
			if err != nil {
				t.Fatalf("%v (run go test ./internal/compiler -run Dis -update)", err)
			}
			if !bytes.Equal(b.Bytes(), want) {
				t.Errorf("disassembly of %s differs from %s; if the change is intended, run\n\tgo test ./internal/compiler -run Dis -update\ngot:\n%s\nwant:\n%s", name, file, b.Bytes(), want)
			}
		})
	}
}

// goldenName turns a function name into a file name: main.(*T).Swap is
// main.T.Swap.golden.
func goldenName(fn string) string {
	return strings.NewReplacer("(*", "", "(", "", ")", "").Replace(fn) + ".golden"
}
