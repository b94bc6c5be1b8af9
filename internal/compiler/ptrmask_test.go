package compiler

import (
	"bytes"
	"path/filepath"
	"slices"
	"testing"

	"gort/internal/arena"
	"gort/internal/bytecode"
	"gort/internal/loader"
)

// ptrmaskProg is the program the pointer-mask tests compile.
var ptrmaskProg = filepath.Join("testdata", "ptrmask", "prog.go")

// dataWords lists the package variables of testdata/ptrmask/prog.go with
// their size in words and the words that may hold pointers, as gc's GC
// masks mark them: a string's and a slice's first word, an interface's
// second.
var dataWords = []struct {
	name string
	size int
	ptrs []int
}{
	{"gPtr", 1, []int{0}},
	{"gStr", 2, []int{0}},
	{"gSlice", 3, []int{0}},
	{"gMap", 1, []int{0}},
	{"gChan", 1, []int{0}},
	{"gFunc", 1, []int{0}},
	{"gIface", 2, []int{1}},
	{"gErr", 2, []int{1}},
	{"gUnsafe", 1, []int{0}},
	{"gInt", 1, nil},
	{"gFloats", 4, nil},
	// mixed: a, p, s (2), n (int32, padded), e (2), f (padded), q (3).
	{"gMixed", 11, []int{1, 2, 6, 8}},
	{"gArr", 3, []int{0, 1, 2}},
	{"gBigArr", 3000, allWords(3000)},
	{"gPairs", 6, []int{2, 5}},
	{"gScalars", 2, nil},
	{"x", 1, nil},
	{"sNode", 1, []int{0}},
	{"sPtrs", 3, []int{0}},
}

func allWords(n int) []int {
	w := make([]int, n)
	for i := range w {
		w[i] = i
	}
	return w
}

// maskBit reports whether prog's data mask marks the word at a.
func maskBit(prog *bytecode.Program, a uintptr) bool {
	i := (a - prog.RODataEnd) / 8
	return prog.DataMask[i/64]>>(i%64)&1 != 0
}

// checkWords checks the mask bits of the size words at a against ptrs.
func checkWords(t *testing.T, prog *bytecode.Program, what string, a uintptr, size int, ptrs []int) {
	t.Helper()
	if a < prog.RODataEnd || a+uintptr(8*size) > prog.DataEnd {
		t.Errorf("%s at %#x is outside the data [%#x, %#x)", what, a, prog.RODataEnd, prog.DataEnd)
		return
	}
	var got []int
	for w := range size {
		if maskBit(prog, a+uintptr(8*w)) {
			got = append(got, w)
		}
	}
	if !slices.Equal(got, ptrs) {
		t.Errorf("%s: pointer words %v, want %v", what, got, ptrs)
	}
}

// checkProgMask checks the mask bits of main's variables of
// testdata/ptrmask/prog.go, compiled by c, and of the static objects two
// of them point at.
func checkProgMask(t *testing.T, c *Compiler, lp *loader.Program, mem *arena.Arena) {
	t.Helper()
	prog := c.out
	if len(prog.DataMask) != bytecode.DataMaskWords(prog) {
		t.Fatalf("DataMask has %d words, want %d", len(prog.DataMask), bytecode.DataMaskWords(prog))
	}
	for _, v := range dataWords {
		g := lp.Main.Var(v.name)
		if g == nil {
			t.Fatalf("no variable %s", v.name)
		}
		checkWords(t, prog, v.name, c.globals[g], v.size, v.ptrs)
	}
	load := func(a uintptr) uintptr {
		w, ok := mem.Load64(a)
		if !ok {
			t.Fatalf("cannot read %#x", a)
		}
		return uintptr(w)
	}
	// The objects the static-data pass made for sNode (two nodes: n,
	// next, name) and sPtrs (its backing array).
	first := load(c.globals[lp.Main.Var("sNode")])
	checkWords(t, prog, "*sNode", first, 4, []int{1, 2})
	checkWords(t, prog, "*sNode.next", load(first+8), 4, []int{1, 2})
	checkWords(t, prog, "sPtrs' array", load(c.globals[lp.Main.Var("sPtrs")]), 3, []int{0, 1, 2})
	checkWords(t, prog, "runtime.zerobase", prog.ZeroBase, 1, nil)
}

// TestDataMask compiles a program with package variables of many types
// and checks the data mask's bit for each of their words.
func TestDataMask(t *testing.T) {
	mem, err := staticArena()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { mem.Reset() })
	lp, err := loader.Load([]string{ptrmaskProg})
	if err != nil {
		t.Fatal(err)
	}
	c, err := compile(lp, mem, nil, nil, false)
	if err != nil {
		t.Fatal(err)
	}
	checkProgMask(t, c, lp, mem)
}

// TestDataMaskLinked checks the data mask of the same program linked
// against a library image that went through the image encoding, as the
// build cache serves it: the library's variables keep their bits, and
// main's follow.
func TestDataMaskLinked(t *testing.T) {
	mem, err := staticArena()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { mem.Reset() })
	libLP, err := loader.LoadSource("$GORT/library/main.go", loader.LibrarySource([]string{"fmt", "io", "os"}))
	if err != nil {
		t.Fatal(err)
	}
	built, syms, err := CompileLibrary(libLP, mem)
	if err != nil {
		t.Fatal(err)
	}
	exports, generic, err := loader.ExportData(libLP)
	if err != nil {
		t.Fatal(err)
	}
	data := built.Encode(built.Segments(func(lo, hi uintptr) []byte {
		b, _ := mem.Bytes(lo, hi-lo)
		return bytes.Clone(b)
	}))
	lib, segs, err := bytecode.Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(lib.DataMask, built.DataMask) {
		t.Fatal("the decoded library's data mask differs from the compiled one")
	}
	libMask := slices.Clone(lib.DataMask)
	if err := mem.Reset(); err != nil {
		t.Fatal(err)
	}
	for _, s := range segs {
		mem.WriteBytes(s.Addr, s.Bytes)
	}
	lp, err := loader.LoadLinked([]string{ptrmaskProg}, lib.Fset, exports, generic)
	if err != nil {
		t.Fatal(err)
	}
	c, err := compile(lp, mem, lib, syms, false)
	if err != nil {
		t.Fatal(err)
	}
	checkProgMask(t, c, lp, mem)
	for _, v := range []struct {
		name string
		size int
		ptrs []int
	}{
		{"os.Args", 3, []int{0}},
		{"os.Stdout", 1, []int{0}},
		{"io.EOF", 2, []int{1}},
	} {
		a, ok := syms.Globals[v.name]
		if !ok {
			t.Fatalf("the library has no variable %s", v.name)
		}
		checkWords(t, c.out, v.name, a, v.size, v.ptrs)
	}
	if !slices.Equal(c.out.DataMask[:len(libMask)-1], libMask[:len(libMask)-1]) {
		t.Error("linking changed the library's part of the data mask")
	}
}

// TestFrameArrayPointers checks that a frame-local array of 2000 pointers
// is in its function's pointer slots, and live at every safepoint (a
// frame-local object is live wherever its frame is).
func TestFrameArrayPointers(t *testing.T) {
	mem, err := staticArena()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { mem.Reset() })
	lp, err := loader.Load([]string{ptrmaskProg})
	if err != nil {
		t.Fatal(err)
	}
	p, err := Compile(lp, mem)
	if err != nil {
		t.Fatal(err)
	}
	var f *bytecode.Func
	for _, fn := range p.Funcs {
		if fn.Name == "main.frameArray" {
			f = fn
		}
	}
	if f == nil {
		t.Fatal("no main.frameArray")
	}
	if len(f.Safepoints) == 0 {
		t.Fatal("main.frameArray has no safepoints")
	}
	// The pointer slots live at every safepoint hold the array's 2000
	// consecutive words.
	always := map[int32]bool{}
	for _, s := range f.PtrSlots {
		always[s] = true
	}
	for _, sp := range f.Safepoints {
		live := f.Live(sp.PC)
		for i, s := range f.PtrSlots {
			if !live.Has(i) {
				delete(always, s)
			}
		}
	}
	longest := 0
	for s := range always {
		if always[s-8] {
			continue
		}
		n := 0
		for always[s+8*int32(n)] {
			n++
		}
		longest = max(longest, n)
	}
	if longest < 2000 {
		t.Errorf("the longest run of pointer words live at every safepoint has %d words, want 2000 (%d pointer slots)", longest, len(f.PtrSlots))
	}
}
