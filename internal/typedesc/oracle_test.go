package typedesc

import (
	"encoding/binary"
	"encoding/json"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"os/exec"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/ssa"

	"gort/internal/arena"
)

// The descriptor oracle. testdata/corpus is a program whose dump.go prints,
// from a real gc binary, every type descriptor reachable from the corpus
// types; testdata/native.json is its output. This test builds the same
// types from corpus.go with the Builder and reads its descriptors back out
// of the arena, with the same walk and into the same records, and compares.
//
// Fields the test cannot compare as-is, and why:
//
//   - PtrToThis is exact for named types and types whose *T has methods:
//     gc always emits that *T and links it. For other types gc's link is weak: it is
//     set only if *T was in the compilation unit that emitted T (the *int
//     the runtime package emits has none even when **int exists), so the
//     test only requires the two to agree when both are set.
//   - A method's Mtyp is dropped (-1) by gc's linker when the method is
//     unreachable; it is compared where the native binary kept it.
//   - A map's Hasher is gort.typehash bound to the key's descriptor, where
//     gc uses specialised hash functions; the test checks gort's.
//   - Ifn and Tfn are code addresses; the test checks that they are the
//     right ssa functions (testMethodCode) rather than comparing offsets.
//   - Equal is compared by the function called: gc's generated per-type
//     equality ("generated") must be gort.typeequal bound to the type's own
//     descriptor; every other native must be the same runtime function,
//     with the same size for memequal_varlen.

var update = flag.Bool("update", false, "regenerate testdata/native.json with the real toolchain")

const corpusDir = "testdata/corpus"

// testEnv places the types section in a region of the arena and hands out
// fake, distinct code pointers.
type testEnv struct {
	mem        *arena.Arena
	base, next uintptr
	text       uintptr
	funcs      map[*ssa.Function]uintptr
	natives    map[string]uintptr
	byText     map[uintptr]any // *ssa.Function or native name
}

// The test binary's arena, slot 0's, mapped once: every corpus build writes
// into the same region of it.
var (
	testArenaOnce sync.Once
	testMem       *arena.Arena
	testMemErr    error
)

func testArena(t *testing.T) *arena.Arena {
	testArenaOnce.Do(func() { testMem, testMemErr = arena.Map(0) })
	if testMemErr != nil {
		t.Fatal(testMemErr)
	}
	return testMem
}

const (
	testTypesBase = arena.Base + 2<<30
	testTextBase  = arena.Base + 3<<30
)

func newTestEnv(mem *arena.Arena) *testEnv {
	return &testEnv{
		mem:     mem,
		base:    testTypesBase,
		next:    testTypesBase,
		text:    testTextBase + 16,
		funcs:   map[*ssa.Function]uintptr{},
		natives: map[string]uintptr{},
		byText:  map[uintptr]any{},
	}
}

func (e *testEnv) Arena() *arena.Arena { return e.mem }

func (e *testEnv) Alloc(size, align uintptr) uintptr {
	p := (e.next + align - 1) &^ (align - 1)
	e.next = p + size
	return p
}

func (e *testEnv) TypesBase() uintptr { return e.base }
func (e *testEnv) TextBase() uintptr  { return testTextBase }

func (e *testEnv) FuncText(fn *ssa.Function) uintptr {
	if fn == nil {
		panic("FuncText(nil)")
	}
	if pc, ok := e.funcs[fn]; ok {
		return pc
	}
	pc := e.text
	e.text += 16
	e.funcs[fn] = pc
	e.byText[pc] = fn
	return pc
}

func (e *testEnv) Prebuilt(types.Type) uintptr { return 0 }

func (e *testEnv) NativeText(name string) uintptr {
	if pc, ok := e.natives[name]; ok {
		return pc
	}
	pc := e.text
	e.text += 16
	e.natives[name] = pc
	e.byText[pc] = name
	return pc
}

// otherPath is the import path of the corpus's second package.
const otherPath = "gort/internal/typedesc/testdata/corpus/other.v2"

// loadCorpus type-checks corpus.go and the package it imports from source,
// builds their SSA with generics instantiated, and returns the program and
// the types the corpus registers with of[T]().
func loadCorpus(t *testing.T) (*ssa.Program, []types.Type) {
	t.Helper()
	fset := token.NewFileSet()
	prog := ssa.NewProgram(fset, ssa.InstantiateGenerics|ssa.BuildSerially)
	prog.CreatePackage(types.Unsafe, nil, nil, true)
	imp := &corpusImporter{t: t, fset: fset, prog: prog}
	main, info, files := imp.check("main", corpusDir+"/corpus.go")
	prog.CreatePackage(main, files, info, false)
	prog.Build()

	var roots []types.Type
	ast.Inspect(files[0], func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && id.Name == "of" {
			if inst, ok := info.Instances[id]; ok {
				roots = append(roots, inst.TypeArgs.At(0))
			}
		}
		return true
	})
	return prog, roots
}

// corpusImporter imports unsafe and the corpus's second package, which it
// type-checks from source and adds to the SSA program.
type corpusImporter struct {
	t     *testing.T
	fset  *token.FileSet
	prog  *ssa.Program
	other *types.Package
}

func (imp *corpusImporter) Import(path string) (*types.Package, error) {
	switch path {
	case "unsafe":
		return types.Unsafe, nil
	case otherPath:
		if imp.other == nil {
			pkg, info, files := imp.check(path, corpusDir+"/other.v2/other.go")
			imp.prog.CreatePackage(pkg, files, info, true)
			imp.other = pkg
		}
		return imp.other, nil
	}
	return nil, fmt.Errorf("the corpus may not import %q", path)
}

func (imp *corpusImporter) check(path, file string) (*types.Package, *types.Info, []*ast.File) {
	f, err := parser.ParseFile(imp.fset, file, nil, parser.ParseComments)
	if err != nil {
		imp.t.Fatal(err)
	}
	info := &types.Info{
		Types:      map[ast.Expr]types.TypeAndValue{},
		Defs:       map[*ast.Ident]types.Object{},
		Uses:       map[*ast.Ident]types.Object{},
		Implicits:  map[ast.Node]types.Object{},
		Instances:  map[*ast.Ident]types.Instance{},
		Scopes:     map[ast.Node]*types.Scope{},
		Selections: map[*ast.SelectorExpr]*types.Selection{},
	}
	conf := types.Config{Sizes: types.SizesFor("gc", "amd64"), Importer: imp}
	pkg, err := conf.Check(path, imp.fset, []*ast.File{f}, info)
	if err != nil {
		imp.t.Fatal(err)
	}
	return pkg, info, []*ast.File{f}
}

// The records, as dump.go writes them.

type dump struct {
	GoVersion string    `json:"goVersion"`
	Types     []*record `json:"types"`
}

type nameRec struct {
	Flags   uint8  `json:"flags"`
	Name    string `json:"name"`
	Tag     string `json:"tag,omitempty"`
	PkgPath string `json:"pkgPath,omitempty"`
}

type fieldRec struct {
	Name   nameRec `json:"name"`
	Typ    string  `json:"typ"`
	Offset uint64  `json:"offset"`
}

type imethodRec struct {
	Name nameRec `json:"name"`
	Typ  string  `json:"typ"`
}

type methodRec struct {
	Name nameRec `json:"name"`
	Mtyp string  `json:"mtyp"`
}

type uncommonRec struct {
	PkgPath string      `json:"pkgPath"`
	Mcount  uint16      `json:"mcount"`
	Xcount  uint16      `json:"xcount"`
	Moff    uint32      `json:"moff"`
	Methods []methodRec `json:"methods"`
}

type mapRec struct {
	Group     string `json:"group"`
	GroupSize uint64 `json:"groupSize"`
	SlotSize  uint64 `json:"slotSize"`
	ElemOff   uint64 `json:"elemOff"`
	Flags     uint32 `json:"flags"`
	Hasher    string `json:"hasher"`
}

type record struct {
	Str        string  `json:"str"`
	StrName    nameRec `json:"strName"`
	Kind       string  `json:"kind"`
	Size       uint64  `json:"size"`
	PtrBytes   uint64  `json:"ptrBytes"`
	Hash       uint32  `json:"hash"`
	TFlag      uint8   `json:"tflag"`
	Align      uint8   `json:"align"`
	FieldAlign uint8   `json:"fieldAlign"`
	Equal      string  `json:"equal"`
	GCMask     string  `json:"gcmask"`
	PtrToThis  string  `json:"ptrToThis"`
	Typelink   bool    `json:"typelink"`
	Root       bool    `json:"root,omitempty"`

	Uncommon *uncommonRec `json:"uncommon,omitempty"`

	Elem     string       `json:"elem,omitempty"`
	Key      string       `json:"key,omitempty"`
	Slice    string       `json:"slice,omitempty"`
	Len      uint64       `json:"len,omitempty"`
	Dir      uint64       `json:"dir,omitempty"`
	InCount  uint16       `json:"inCount,omitempty"`
	OutCount uint16       `json:"outCount,omitempty"`
	Params   []string     `json:"params,omitempty"`
	PkgPath  *nameRec     `json:"pkgPath,omitempty"`
	Fields   []fieldRec   `json:"fields,omitempty"`
	Imethods []imethodRec `json:"imethods,omitempty"`
	Map      *mapRec      `json:"map,omitempty"`
}

var kindNames = []string{"invalid", "bool", "int", "int8", "int16", "int32", "int64",
	"uint", "uint8", "uint16", "uint32", "uint64", "uintptr", "float32", "float64",
	"complex64", "complex128", "array", "chan", "func", "interface", "map", "ptr",
	"slice", "string", "struct", "unsafe.Pointer"}

// reader reads descriptors back out of the arena, knowing nothing of the
// builder but the Env it wrote through.
type reader struct {
	t     *testing.T
	env   *testEnv
	links map[uintptr]bool
	seen  map[uintptr]bool
	queue []uintptr
	// mtyps holds the method types not yet walked. They are walked
	// after everything else, because gc's linker drops the types of
	// unreachable methods: a type reached only through them may be
	// missing from the native binary.
	mtyps []uintptr
}

func (r *reader) w64(p uintptr) uint64 {
	v, ok := r.env.mem.Load64(p)
	if !ok {
		r.t.Fatalf("descriptor word at %#x outside the arena", p)
	}
	return v
}

func (r *reader) w32(p uintptr) uint32 {
	v, ok := r.env.mem.Load32(p)
	if !ok {
		r.t.Fatalf("descriptor word at %#x outside the arena", p)
	}
	return v
}

func (r *reader) w16(p uintptr) uint16 {
	v, ok := r.env.mem.Load16(p)
	if !ok {
		r.t.Fatalf("descriptor word at %#x outside the arena", p)
	}
	return v
}

func (r *reader) w8(p uintptr) uint8 {
	v, ok := r.env.mem.Load8(p)
	if !ok {
		r.t.Fatalf("descriptor byte at %#x outside the arena", p)
	}
	return v
}

func (r *reader) bytes(p, n uintptr) []byte {
	b, ok := r.env.mem.Bytes(p, n)
	if !ok {
		r.t.Fatalf("bytes [%#x, +%d) outside the arena", p, n)
	}
	return append([]byte(nil), b...)
}

func (r *reader) varint(p uintptr) (int, uintptr) {
	v, n := binary.Uvarint(r.bytes(p, 10))
	if n <= 0 {
		r.t.Fatalf("bad varint at %#x", p)
	}
	return int(v), uintptr(n)
}

func (r *reader) off(o int32) uintptr { return r.env.base + uintptr(o) }

func (r *reader) name(p uintptr) nameRec {
	n := nameRec{Flags: r.w8(p)}
	l, k := r.varint(p + 1)
	q := p + 1 + k
	n.Name = string(r.bytes(q, uintptr(l)))
	q += uintptr(l)
	if n.Flags&nameHasTag != 0 {
		tl, tk := r.varint(q)
		n.Tag = string(r.bytes(q+tk, uintptr(tl)))
		q += tk + uintptr(tl)
	}
	if n.Flags&nameHasPkg != 0 {
		n.PkgPath = r.name(r.off(int32(r.w32(q)))).Name
	}
	return n
}

func (r *reader) str(t uintptr) string {
	s := r.name(r.off(int32(r.w32(t + offStr)))).Name
	if r.w8(t+offTFlag)&tflagExtraStar != 0 {
		s = s[1:]
	}
	return s
}

func (r *reader) kind(t uintptr) string { return kindNames[r.w8(t+offKind)] }

func (r *reader) ref(t uintptr) string {
	if t == 0 {
		return ""
	}
	if !r.seen[t] {
		r.seen[t] = true
		r.queue = append(r.queue, t)
	}
	return r.str(t)
}

func (r *reader) methodType(t uintptr) string {
	if !r.seen[t] {
		r.mtyps = append(r.mtyps, t)
	}
	return r.str(t)
}

// funcval names what an Equal funcval calls, in dump.go's terms.
func (r *reader) equal(t, fv uintptr) string {
	if fv == 0 {
		return ""
	}
	name, ok := r.env.byText[uintptr(r.w64(fv))].(string)
	if !ok {
		r.t.Errorf("%s: Equal does not call a native", r.str(t))
		return "?"
	}
	switch name {
	case "runtime.memequal_varlen":
		return fmt.Sprintf("%s/%d", name, r.w64(fv+8))
	case "gort.typeequal":
		if got := uintptr(r.w64(fv + 8)); got != t {
			r.t.Errorf("%s: gort.typeequal bound to %#x, not to the type itself", r.str(t), got)
		}
		return "generated"
	}
	return name
}

// structuralMask derives a GC mask from the descriptors' structure, for
// types whose mask the runtime builds on demand.
func (r *reader) structuralMask(t uintptr, off uint64, bits []byte) {
	if r.w64(t+offPtrBytes) == 0 {
		return
	}
	set := func(w uint64) { bits[w/8] |= 1 << (w % 8) }
	switch r.kind(t) {
	case "ptr", "unsafe.Pointer", "func", "chan", "map", "string", "slice":
		set(off / 8)
	case "interface":
		set(off/8 + 1)
	case "array":
		e := uintptr(r.w64(t + offElem))
		es := r.w64(e + offSize)
		for i := uint64(0); i < r.w64(t+offArrayLen); i++ {
			r.structuralMask(e, off+i*es, bits)
		}
	case "struct":
		fp, n := uintptr(r.w64(t+offListData)), int(r.w64(t+offListLen))
		for i := range n {
			f := fp + uintptr(i)*structFieldSize
			r.structuralMask(uintptr(r.w64(f+8)), off+r.w64(f+16), bits)
		}
	}
}

func (r *reader) gcMask(t uintptr) string {
	ptrBytes := r.w64(t + offPtrBytes)
	n := (ptrBytes/8 + 7) / 8
	n = (n + 7) &^ 7
	gcdata := uintptr(r.w64(t + offGCData))
	if gcdata == 0 {
		r.t.Errorf("%s: GCData is nil", r.str(t))
		return ""
	}
	if r.w8(t+offTFlag)&tflagGCMaskOnDemand != 0 {
		if w := r.w64(gcdata); w != 0 {
			r.t.Errorf("%s: on-demand GCData word is %#x, not zero", r.str(t), w)
		}
		bits := make([]byte, n)
		r.structuralMask(t, 0, bits)
		return fmt.Sprintf("%x", bits)
	}
	return fmt.Sprintf("%x", r.bytes(gcdata, uintptr(n)))
}

func (r *reader) record(t uintptr) *record {
	rec := &record{
		Str:        r.str(t),
		StrName:    r.name(r.off(int32(r.w32(t + offStr)))),
		Kind:       r.kind(t),
		Size:       r.w64(t + offSize),
		PtrBytes:   r.w64(t + offPtrBytes),
		Hash:       r.w32(t + offHash),
		TFlag:      r.w8(t + offTFlag),
		Align:      r.w8(t + offAlign),
		FieldAlign: r.w8(t + offFieldAlign),
		Equal:      r.equal(t, uintptr(r.w64(t+offEqual))),
		GCMask:     r.gcMask(t),
		Typelink:   r.links[t],
	}
	if p := int32(r.w32(t + offPtrToThis)); p != 0 {
		rec.PtrToThis = r.str(r.off(p))
	}
	fixed := fixedSize(r.w8(t + offKind))
	dataEnd := t + fixed
	if rec.TFlag&tflagUncommon != 0 {
		u := t + fixed
		un := &uncommonRec{
			Mcount: r.w16(u + offUncommonMcount),
			Xcount: r.w16(u + offUncommonXcount),
			Moff:   r.w32(u + offUncommonMoff),
		}
		if o := int32(r.w32(u + offUncommonPkgPath)); o != 0 {
			un.PkgPath = r.name(r.off(o)).Name
		}
		for i := range int(un.Mcount) {
			m := u + uintptr(un.Moff) + uintptr(i)*methodSize
			un.Methods = append(un.Methods, methodRec{
				Name: r.name(r.off(int32(r.w32(m)))),
				Mtyp: r.methodType(r.off(int32(r.w32(m + 4)))),
			})
		}
		rec.Uncommon = un
		dataEnd = u + uncommonSize
	}
	switch rec.Kind {
	case "ptr", "slice":
		rec.Elem = r.ref(uintptr(r.w64(t + offElem)))
	case "array":
		rec.Elem = r.ref(uintptr(r.w64(t + offElem)))
		rec.Slice = r.ref(uintptr(r.w64(t + offArraySlice)))
		rec.Len = r.w64(t + offArrayLen)
	case "chan":
		rec.Elem = r.ref(uintptr(r.w64(t + offElem)))
		rec.Dir = r.w64(t + offChanDir)
	case "func":
		rec.InCount = r.w16(t + offInCount)
		rec.OutCount = r.w16(t + offOutCount)
		n := int(rec.InCount) + int(rec.OutCount&(1<<15-1))
		for i := range n {
			rec.Params = append(rec.Params, r.ref(uintptr(r.w64(dataEnd+uintptr(i)*8))))
		}
	case "interface":
		if p := uintptr(r.w64(t + offPkgPath)); p != 0 {
			n := r.name(p)
			rec.PkgPath = &n
		}
		mp, n := uintptr(r.w64(t+offListData)), int(r.w64(t+offListLen))
		if n > 0 && mp != dataEnd {
			r.t.Errorf("%s: imethods at %#x, not after the uncommon type (%#x)", rec.Str, mp, dataEnd)
		}
		for i := range n {
			m := mp + uintptr(i)*imethodSize
			rec.Imethods = append(rec.Imethods, imethodRec{
				Name: r.name(r.off(int32(r.w32(m)))),
				Typ:  r.ref(r.off(int32(r.w32(m + 4)))),
			})
		}
	case "map":
		rec.Key = r.ref(uintptr(r.w64(t + offMapKey)))
		rec.Elem = r.ref(uintptr(r.w64(t + offMapElem)))
		rec.Map = &mapRec{
			Group:     r.ref(uintptr(r.w64(t + offMapGroup))),
			GroupSize: r.w64(t + offMapGroupSize),
			SlotSize:  r.w64(t + offMapSlotSize),
			ElemOff:   r.w64(t + offMapElemOff),
			Flags:     r.w32(t + offMapFlags),
		}
		fv := uintptr(r.w64(t + offMapHasher))
		if name, _ := r.env.byText[uintptr(r.w64(fv))].(string); name != "gort.typehash" || r.w64(fv+8) != r.w64(t+offMapKey) {
			r.t.Errorf("%s: Hasher is %q bound to %#x, want gort.typehash bound to the key", rec.Str, name, r.w64(fv+8))
		}
		rec.Map.Hasher = "gort.typehash"
	case "struct":
		if p := uintptr(r.w64(t + offPkgPath)); p != 0 {
			n := r.name(p)
			rec.PkgPath = &n
		}
		fp, n := uintptr(r.w64(t+offListData)), int(r.w64(t+offListLen))
		if n > 0 && fp != dataEnd {
			r.t.Errorf("%s: fields at %#x, not after the uncommon type (%#x)", rec.Str, fp, dataEnd)
		}
		for i := range n {
			f := fp + uintptr(i)*structFieldSize
			rec.Fields = append(rec.Fields, fieldRec{
				Name:   r.name(uintptr(r.w64(f))),
				Typ:    r.ref(uintptr(r.w64(f + 8))),
				Offset: r.w64(f + 16),
			})
		}
	}
	return rec
}

// buildCorpus builds every corpus type, and *T for each as the corpus
// does, and reads back the records of everything reachable from them.
func buildCorpus(t *testing.T) *corpus {
	prog, roots := loadCorpus(t)
	env := newTestEnv(testArena(t))
	b := NewBuilder(env, prog)
	rootDescs := map[uintptr]bool{}
	for _, root := range roots {
		rootDescs[b.Type(root)] = true
		b.Type(types.NewPointer(root))
	}
	r := &reader{t: t, env: env, links: map[uintptr]bool{}, seen: map[uintptr]bool{}}
	for _, p := range b.Typelinks() {
		r.links[p] = true
	}
	for p := range rootDescs {
		r.ref(p)
	}
	ours := map[string]*record{}
	methodOnly := map[string]bool{}
	byStr := map[string]uintptr{}
	for phase := 0; phase < 2; phase++ {
		for len(r.queue) > 0 {
			p := r.queue[0]
			r.queue = r.queue[1:]
			rec := r.record(p)
			rec.Root = rootDescs[p]
			if q, ok := byStr[rec.Str]; ok && q != p {
				t.Errorf("two descriptors spell %s", rec.Str)
			}
			byStr[rec.Str] = p
			ours[rec.Str] = rec
			methodOnly[rec.Str] = phase == 1
			if phase == 1 {
				for _, m := range r.mtyps {
					r.ref(m)
				}
				r.mtyps = nil
			}
		}
		for _, m := range r.mtyps {
			r.ref(m)
		}
		r.mtyps = nil
	}
	return &corpus{b, env, roots, ours, methodOnly, byStr}
}

type corpus struct {
	b     *Builder
	env   *testEnv
	roots []types.Type
	// ours holds the records of every descriptor reachable from the
	// roots, by type string; methodOnly marks those reached only
	// through method types; addr has their addresses.
	ours       map[string]*record
	methodOnly map[string]bool
	addr       map[string]uintptr
}

func loadNative(t *testing.T) *dump {
	data, err := os.ReadFile("testdata/native.json")
	if err != nil {
		t.Fatal(err)
	}
	var d dump
	if err := json.Unmarshal(data, &d); err != nil {
		t.Fatal(err)
	}
	return &d
}

func TestUpdateNative(t *testing.T) {
	if !*update {
		t.Skip("run with -update to regenerate testdata/native.json")
	}
	cmd := exec.Command("go", "run", "./"+corpusDir)
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go run ./%s: %v", corpusDir, err)
	}
	if err := os.WriteFile("testdata/native.json", out, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestOracle(t *testing.T) {
	native := loadNative(t)
	if !strings.HasPrefix(native.GoVersion, "go1.26") {
		t.Fatalf("native.json was recorded by %s; gort builds Go 1.26 descriptors", native.GoVersion)
	}
	c := buildCorpus(t)
	if len(c.roots) < 150 {
		t.Errorf("the corpus registers %d types, want at least 150", len(c.roots))
	}

	var strs []string
	for _, rec := range native.Types {
		strs = append(strs, rec.Str)
	}
	for s := range c.ours {
		strs = append(strs, s)
	}
	sort.Strings(strs)
	strs = slicesCompact(strs)

	compared := 0
	var skipped []string
	for _, s := range strs {
		want, got := find(native.Types, s), c.ours[s]
		switch {
		case want == nil && c.methodOnly[s]:
			skipped = append(skipped, s)
			continue // the native linker dropped the method that needs it
		case want == nil:
			t.Errorf("%s: built by gort, not in the native binary", s)
			continue
		case got == nil:
			t.Errorf("%s: in the native binary, not built by gort", s)
			continue
		}
		normalise(t, want, got, c.b.TypeOf(c.addr[s]))
		if !reflect.DeepEqual(want, got) {
			w, _ := json.Marshal(want)
			g, _ := json.Marshal(got)
			t.Errorf("%s differs:\nnative: %s\ngort:   %s", s, w, g)
		}
		compared++
	}
	t.Logf("%d corpus types, %d descriptors compared", len(c.roots), compared)
	t.Logf("%d types only unreachable methods need, absent from the native binary: %s", len(skipped), strings.Join(skipped, ", "))
}

// normalise applies the exceptions listed at the top of this file.
func normalise(t *testing.T, want, got *record, typ types.Type) {
	strong := want.TFlag&tflagNamed != 0 || types.NewMethodSet(types.NewPointer(typ)).Len() > 0
	if !strong && (want.PtrToThis == "" || got.PtrToThis == "") {
		got.PtrToThis = want.PtrToThis
	}
	if want.Uncommon != nil && got.Uncommon != nil && len(want.Uncommon.Methods) == len(got.Uncommon.Methods) {
		for i, m := range want.Uncommon.Methods {
			if got.Uncommon.Methods[i].Mtyp == "" {
				t.Errorf("%s: method %s has no type", got.Str, m.Name.Name)
			}
			if m.Mtyp == "" {
				got.Uncommon.Methods[i].Mtyp = ""
			}
		}
	}
	if want.Map != nil && got.Map != nil {
		got.Map.Hasher = want.Map.Hasher
	}
}

func find(recs []*record, s string) *record {
	i := sort.Search(len(recs), func(i int) bool { return recs[i].Str >= s })
	if i < len(recs) && recs[i].Str == s {
		return recs[i]
	}
	return nil
}

func slicesCompact(s []string) []string {
	out := s[:0]
	for i, x := range s {
		if i == 0 || x != s[i-1] {
			out = append(out, x)
		}
	}
	return out
}
