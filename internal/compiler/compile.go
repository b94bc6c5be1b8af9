// Package compiler translates a loaded SSA program into gort's program image:
// register bytecode for every function, Go's memory layout for every value,
// type descriptors, itabs and static data laid out in the arena, and the boot
// information (runtime.main, the init task list, main.main).
//
// The compiler never runs program code. A construct it cannot translate yet
// is reported as `gort: unsupported: <what> at file:line`.
package compiler

import (
	"fmt"
	"go/token"
	"go/types"
	"os"
	"sort"
	"strings"

	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/ssa/ssautil"
	"golang.org/x/tools/go/types/typeutil"

	"gort/internal/arena"
	"gort/internal/bytecode"
	"gort/internal/loader"
)

// The static image, from the bottom of the arena up, as gc's linker lays out
// text, rodata, data and bss below the heap; each region starts at its
// offset from the arena's low address:
//
//	TextOff      the text region: one TextEntry per function, its code pointer
//	StaticOff    read-only data: type descriptors, names, GC masks, static
//	             itabs, string constants, the func values of top-level
//	             functions and other constant blocks the compiler makes
//	DataOff      package variables (data and bss: the static-data pass
//	             writes the values of those with constant initialisers and
//	             the objects those point at, init code sets the rest) and
//	             runtime.zerobase
//	HeapOff      the heap
//
// Everything below the data is read-only once the program runs: the image
// records its start as Program.RODataEnd, and the runtime hands it to
// SetReadOnly before the first instruction. The regions have fixed
// bases because code refers to globals by absolute address while the
// read-only data is still growing (descriptors are built as compilation
// reaches them).
const (
	TextOff   = 0x1000
	TextSize  = 64 << 20
	StaticOff = TextOff + TextSize
	DataOff   = 768 << 20
	HeapOff   = 1 << 30
	// TextEntry is the distance between two code pointers.
	TextEntry = 16
)

// Unsupported is a construct the compiler does not translate yet.
type Unsupported struct {
	What string
	Pos  token.Position
}

func (e *Unsupported) Error() string {
	return fmt.Sprintf("gort: unsupported: %s at %s:%d", e.What, e.Pos.Filename, e.Pos.Line)
}

// Compiler holds the state of one compilation.
type Compiler struct {
	lp      *loader.Program
	mem     *arena.Arena // where the image is written
	fset    *token.FileSet
	sizes   types.Sizes
	out     *bytecode.Program
	funcs   map[*ssa.Function]*bytecode.Func
	types   typeutil.Map // types.Type → *bytecode.Type
	rodata  uintptr      // next free read-only address
	data    uintptr      // next free package-variable address
	globals map[*ssa.Global]uintptr
	strs    map[string]uintptr
	// constBoxes holds the read-only copies of boxed constants, by type
	// index and bytes.
	constBoxes map[string]uintptr
	itabs      map[[2]*bytecode.Type]uintptr
	desc       *descBuilder
	ssaOf      map[*bytecode.Func]*ssa.Function
	natives    map[string]*bytecode.Func
	// providers maps a linkname target to the Go function that provides
	// it (pushedFuncs).
	providers map[string]*ssa.Function
	// inlineCosts memoises inlineCost.
	inlineCosts map[*ssa.Function]inlineResult
	// lib is the library a Link compiles main against (link.go).
	lib *library
}

// Compile builds the program image for lp in mem, at mem's low address.
func Compile(lp *loader.Program, mem *arena.Arena) (*bytecode.Program, error) {
	c, err := compile(lp, mem, nil, nil, false)
	if err != nil {
		return nil, err
	}
	return c.out, nil
}

// compile builds the image of lp: the whole program, or with libProg, only
// its main package, linked against that library image (link.go). A
// library compiles every method of its packages' named types too (wide),
// for the programs that link against it to call.
func compile(lp *loader.Program, mem *arena.Arena, libProg *bytecode.Program, syms *Symbols, wide bool) (c *Compiler, err error) {
	lo := mem.Lo()
	c = &Compiler{
		lp:         lp,
		mem:        mem,
		fset:       lp.Fset,
		sizes:      gcSizes{types.SizesFor("gc", "amd64")},
		funcs:      map[*ssa.Function]*bytecode.Func{},
		rodata:     lo + StaticOff + 8, // offset 0 of the types section is no name or type, as in gc
		data:       lo + DataOff,
		globals:    map[*ssa.Global]uintptr{},
		strs:       map[string]uintptr{},
		constBoxes: map[string]uintptr{},
		itabs:      map[[2]*bytecode.Type]uintptr{},
		ssaOf:      map[*bytecode.Func]*ssa.Function{},
		natives:    map[string]*bytecode.Func{},
		out: &bytecode.Program{
			Fset:       lp.Fset,
			LineNames:  lineNames(lp.LineNames),
			TypeByDesc: map[uintptr]*bytecode.Type{},
			TextBase:   lo + TextOff,
			TypesBase:  lo + StaticOff,
			RODataEnd:  lo + DataOff,
			HeapStart:  lo + HeapOff,
			FuncVal:    map[int32]uintptr{},
		},
	}
	if libProg != nil {
		c.lib = newLibrary(libProg, syms)
		c.out = libProg
		c.out.Fset = lp.Fset
		c.out.LineNames = append(c.out.LineNames, lineNames(lp.LineNames)...)
		c.rodata, c.data = libProg.StaticEnd, libProg.DataEnd
		for _, it := range libProg.Itabs {
			c.itabs[[2]*bytecode.Type{it.Iface, it.Type}] = it.Addr
		}
		for _, f := range syms.Funcs {
			if name, ok := strings.CutPrefix(f.Name, "native:"); ok && f.Index >= 0 && int(f.Index) < len(libProg.Funcs) {
				c.natives[name] = libProg.Funcs[f.Index]
			}
		}
	}
	c.desc = newDescBuilder(c)
	defer func() {
		if r := recover(); r != nil {
			if ns, ok := r.(*needsSource); ok {
				c, err = nil, lacking(ns.what)
				return
			}
			if u, ok := r.(*Unsupported); ok {
				c, err = nil, u
				return
			}
			// A bug in gort, reported as gc reports its own; the Go
			// stack that found it is there for GODEBUG=gortpanic=1.
			if strings.Contains(os.Getenv("GODEBUG")+os.Getenv("GORT_PROGRAM_GODEBUG"), "gortpanic=1") {
				panic(r)
			}
			c, err = nil, fmt.Errorf("gort: internal compiler error: %v\n\nPlease file a bug report; GODEBUG=gortpanic=1 shows where gort failed.", r)
		}
	}()

	// Every function the program may run, in a stable order. Linked, the
	// library's functions are its image's: only those with a body here
	// (main's, and wrappers and instances go/ssa made for it) are new.
	all := ssautil.AllFunctions(lp.SSA)
	var fns []*ssa.Function
	for fn := range all {
		if isGenericBody(fn) || c.lib != nil && fn.Blocks == nil && fn.Pkg != lp.Main {
			continue // generic bodies run only through their instantiations
		}
		fns = append(fns, fn)
	}
	if wide {
		fns = append(fns, allMethods(lp.SSA, all)...)
	}
	sort.Slice(fns, func(i, j int) bool { return funcLess(fns[i], fns[j]) })
	c.providers = pushedFuncs(lp, fns)
	for _, fn := range fns {
		c.declare(fn)
	}
	for _, p := range lp.Packages {
		for _, m := range p.Members {
			if g, ok := m.(*ssa.Global); ok {
				c.global(g)
			}
		}
	}
	c.zerobase()
	c.embedData()
	c.staticData()
	c.boot()
	// Compiling may discover more functions (wrappers reached only through
	// method values), so iterate until none is left.
	first := 0
	if c.lib != nil {
		first = c.lib.nfuncs
	}
	for i := first; i < len(c.out.Funcs); i++ {
		f := c.out.Funcs[i]
		if f.Native != "" {
			continue
		}
		c.compileFunc(c.ssaOf[f], f)
	}
	if c.lib != nil {
		c.out.Typelinks = c.mergeTypelinks(c.desc.b.Typelinks())
	} else {
		c.out.Typelinks = c.desc.b.Typelinks()
	}
	c.growDataMask()
	c.out.StaticEnd, c.out.DataEnd = c.rodata, c.data
	return c, nil
}

// allMethods returns the methods of every package-level named type (and
// its pointer) that are not in have: ssautil.AllFunctions leaves out those
// of unexported types no code converts to an interface, which a program
// may still call through an exported variable (binary.BigEndian).
func allMethods(prog *ssa.Program, have map[*ssa.Function]bool) []*ssa.Function {
	var out []*ssa.Function
	seen := map[*ssa.Function]bool{}
	for _, p := range prog.AllPackages() {
		for _, m := range p.Members {
			t, ok := m.(*ssa.Type)
			if !ok {
				continue
			}
			n, ok := t.Type().(*types.Named)
			if !ok || n.TypeParams() != nil || types.IsInterface(n) {
				continue
			}
			for _, T := range []types.Type{n, types.NewPointer(n)} {
				mset := prog.MethodSets.MethodSet(T)
				for i := 0; i < mset.Len(); i++ {
					fn := prog.MethodValue(mset.At(i))
					if fn != nil && !have[fn] && !seen[fn] && !isGenericBody(fn) {
						seen[fn] = true
						out = append(out, fn)
					}
				}
			}
		}
	}
	return out
}

func funcLess(a, b *ssa.Function) bool {
	if a.Pos() != b.Pos() {
		return a.Pos() < b.Pos()
	}
	return a.String() < b.String()
}

// isGenericBody reports whether fn is a generic function, an instance made
// inside another generic body whose type arguments are still type
// parameters, or a function go/ssa made for a generic body (a closure, a
// method-expression thunk, a bound-method wrapper) whose types still
// mention type parameters: none of them ever runs, and their layouts are
// unknowable.
func isGenericBody(fn *ssa.Function) bool {
	if fn.TypeParams().Len() > 0 && len(fn.TypeArgs()) == 0 {
		return true
	}
	seen := map[types.Type]bool{}
	for _, t := range fn.TypeArgs() {
		if mentionsTypeParam(t, seen) {
			return true
		}
	}
	if mentionsTypeParam(fn.Signature, seen) {
		return true
	}
	for _, v := range fn.FreeVars {
		if mentionsTypeParam(v.Type(), seen) {
			return true
		}
	}
	return fn.Parent() != nil && isGenericBody(fn.Parent())
}

func mentionsTypeParam(t types.Type, seen map[types.Type]bool) bool {
	if seen[t] {
		return false
	}
	seen[t] = true
	switch t := t.(type) {
	case *types.TypeParam:
		return true
	case *types.Pointer:
		return mentionsTypeParam(t.Elem(), seen)
	case *types.Slice:
		return mentionsTypeParam(t.Elem(), seen)
	case *types.Array:
		return mentionsTypeParam(t.Elem(), seen)
	case *types.Chan:
		return mentionsTypeParam(t.Elem(), seen)
	case *types.Map:
		return mentionsTypeParam(t.Key(), seen) || mentionsTypeParam(t.Elem(), seen)
	case *types.Named:
		for i := 0; i < t.TypeArgs().Len(); i++ {
			if mentionsTypeParam(t.TypeArgs().At(i), seen) {
				return true
			}
		}
	case *types.Alias:
		return mentionsTypeParam(types.Unalias(t), seen)
	case *types.Signature:
		return mentionsTypeParam(t.Params(), seen) || mentionsTypeParam(t.Results(), seen)
	case *types.Tuple:
		for i := 0; i < t.Len(); i++ {
			if mentionsTypeParam(t.At(i).Type(), seen) {
				return true
			}
		}
	case *types.Struct:
		for i := 0; i < t.NumFields(); i++ {
			if mentionsTypeParam(t.Field(i).Type(), seen) {
				return true
			}
		}
	case *types.Interface:
		for i := 0; i < t.NumMethods(); i++ {
			if mentionsTypeParam(t.Method(i).Type(), seen) {
				return true
			}
		}
	}
	return false
}

// pushedFuncs finds the functions with a body that a //go:linkname
// directive pushes to another name (`//go:linkname sync_runtime_Semacquire
// sync.runtime_Semacquire` in the runtime's Go source): the bodyless
// declaration of that name is the same function.
//
// A bodyless declaration whose target is a function with a body in the
// program under its own name (a pull of a loaded package's function, or
// reflect's badlinkname aliases of its methods) is that function too.
func pushedFuncs(lp *loader.Program, fns []*ssa.Function) map[string]*ssa.Function {
	providers := map[string]*ssa.Function{}
	for _, fn := range fns {
		if fn.Blocks == nil || fn.Pkg == nil || fn.Parent() != nil || fn.Synthetic != "" {
			continue
		}
		if name := linkName(fn); name != "" {
			if _, ok := providers[name]; !ok {
				providers[name] = fn
			}
		}
	}
	// An assembly function whose Go version the package also has, under
	// another name, is that version (DESIGN §7).
	for decl, twin := range genericTwins {
		if p, ok := providers[twin]; ok {
			if _, taken := providers[decl]; !taken {
				providers[decl] = p
			}
		}
	}
	// A push names the provider outright, over any function of that name.
	for _, fn := range fns {
		if fn.Blocks == nil || fn.Pkg == nil || fn.Signature.Recv() != nil || fn.Parent() != nil {
			continue
		}
		if target, ok := lp.Linknames[fn.Pkg.Pkg.Path()+"."+fn.Name()]; ok {
			providers[target] = fn
		}
	}
	return providers
}

// genericTwins names, for an assembly function that no build tag gort
// loads with leaves without a body, the package's portable Go function of
// the same signature (gc's own build uses it on other architectures).
var genericTwins = map[string]string{
	"internal/chacha8rand.block": "internal/chacha8rand.block_generic",
}

// linkName is fn's symbol name as //go:linkname spells it: pkg.F,
// pkg.T.M, or pkg.(*T).M; "" for a method of a generic type.
func linkName(fn *ssa.Function) string {
	pkg := fn.Pkg.Pkg.Path()
	recv := fn.Signature.Recv()
	if recv == nil {
		return pkg + "." + fn.Name()
	}
	t := recv.Type()
	ptr := false
	if p, ok := t.(*types.Pointer); ok {
		t, ptr = p.Elem(), true
	}
	n, ok := t.(*types.Named)
	if !ok || n.TypeArgs().Len() > 0 {
		return ""
	}
	if ptr {
		return pkg + ".(*" + n.Obj().Name() + ")." + fn.Name()
	}
	return pkg + "." + n.Obj().Name() + "." + fn.Name()
}

// declare gives fn its index and code pointer. A bodyless function that a
// Go function's //go:linkname provides is that function.
func (c *Compiler) declare(fn *ssa.Function) *bytecode.Func {
	if f, ok := c.funcs[fn]; ok {
		return f
	}
	if f := c.linked(fn); f != nil {
		c.funcs[fn] = f
		return f
	}
	if fn.Blocks == nil {
		if p, ok := c.providers[c.nativeName(fn)]; ok {
			f := c.declare(p)
			c.funcs[fn] = f
			return f
		}
	}
	idx := int32(len(c.out.Funcs))
	f := &bytecode.Func{
		Name:      gcName(fn),
		Index:     idx,
		Text:      c.out.TextBase + uintptr(idx)*TextEntry,
		Wrapper:   isWrapper(fn),
		RecoverPC: -1,

		HasParams:      hasArgInfo(fn) && (fn.Signature.Params().Len() > 0 || fn.Signature.Recv() != nil),
		CapturesAsArgs: calledWhereWritten(fn),
	}
	if fn.Blocks == nil {
		f.Native = c.nativeName(fn)
	} else if name := nativeName(fn); intrinsics[name] {
		f.Native = name
	}
	if fn.Pos().IsValid() {
		p := c.fset.Position(fn.Pos())
		f.File, f.Line = p.Filename, p.Line
	}
	if uintptr(idx+1)*TextEntry > TextSize {
		panic(&Unsupported{What: "more functions than the text region holds", Pos: c.fset.Position(fn.Pos())})
	}
	c.mem.Store32(f.Text, uint32(idx))
	c.funcs[fn] = f
	c.ssaOf[f] = fn
	c.out.Funcs = append(c.out.Funcs, f)
	return f
}

// nativeFunc declares a native that no Go declaration names (the
// equality and hash functions type descriptors point at).
func (c *Compiler) nativeFunc(name string) *bytecode.Func {
	if f, ok := c.natives[name]; ok {
		return f
	}
	idx := int32(len(c.out.Funcs))
	f := &bytecode.Func{Name: name, Index: idx, Text: c.out.TextBase + uintptr(idx)*TextEntry, Native: name, RecoverPC: -1}
	c.mem.Store32(f.Text, uint32(idx))
	c.out.Funcs = append(c.out.Funcs, f)
	c.natives[name] = f
	return f
}

// intrinsics are functions with a Go body that run as natives instead:
// reflect's map iteration runs the real Swiss-table code on the map's
// memory, and gort's maps are its own (internal/runtime/maps); and gc's
// intrinsics whose body only panics.
var intrinsics = map[string]bool{
	"reflect.mapIterStart": true,
	"reflect.mapIterNext":  true,
	// gc's intrinsic, whose Go body panics.
	"crypto/internal/constanttime.boolToUint8": true,
	// A VM cannot fork: the native starts the child on the host
	// (internal/runtime/exec_linux.go).
	"syscall.forkAndExecInChild": true,
}

// nativeName is the qualified name a bodyless function is bound by: the
// target of its //go:linkname directive if it has one, else its own.
func (c *Compiler) nativeName(fn *ssa.Function) string {
	if fn.Pkg != nil {
		if target, ok := c.lp.Linknames[fn.Pkg.Pkg.Path()+"."+fn.Name()]; ok && fn.Signature.Recv() == nil {
			return target
		}
	}
	return nativeName(fn)
}

// nativeName is fn's qualified name.
func nativeName(fn *ssa.Function) string {
	if fn.Pkg != nil {
		if recv := fn.Signature.Recv(); recv != nil {
			return fn.Pkg.Pkg.Path() + "." + types.TypeString(recv.Type(), func(*types.Package) string { return "" }) + "." + fn.Name()
		}
		return fn.Pkg.Pkg.Path() + "." + fn.Name()
	}
	return fn.String()
}

// isWrapper reports whether fn is a synthetic wrapper or thunk, which recover
// and tracebacks look through.
func isWrapper(fn *ssa.Function) bool {
	if fn.Synthetic == "" && fn.Parent() == nil && reflectWrappers[nativeName(fn)] {
		return true
	}
	switch fn.Synthetic {
	case "", "range-over-func yield", "package initializer":
		// A range-over-func loop body and a package's variable
		// initialisers are the user's code: gc shows their frames
		// (main.f-range1, main.init) in tracebacks.
		return false
	}
	if fn.Object() != nil && fn.Synthetic == "" {
		return false
	}
	// Synthetic functions made for generic instantiation are real code.
	if len(fn.TypeArgs()) > 0 && fn.Origin() != nil {
		return false
	}
	return true
}

// reflectWrappers are the functions gc marks WRAPPER by name
// (cmd/compile/internal/ir/abi.go): they stand between a call made through
// reflect and the function it runs, so that a function made by MakeFunc or
// a method value from reflect, called as a deferred call, can recover.
var reflectWrappers = map[string]bool{
	"runtime.reflectcall": true,
	"reflect.callReflect": true,
	"reflect.callMethod":  true,
}

// allocRO returns zeroed memory in the read-only data, which the program
// can read but never write.
func (c *Compiler) allocRO(size, align uintptr) uintptr {
	return bump(&c.rodata, c.out.RODataEnd, size, align, "read-only data")
}

// allocData returns zeroed memory for package variables: an object of type
// t, whose pointer words it marks in the data mask, or with t nil bytes
// that never hold a pointer.
func (c *Compiler) allocData(size, align uintptr, t types.Type) uintptr {
	a := bump(&c.data, c.out.HeapStart, size, align, "package variables")
	c.growDataMask()
	if t != nil {
		mask := c.out.DataMask
		c.eachPtrWord(int64(a-c.out.RODataEnd), t, func(off int64) {
			mask[off/8/64] |= 1 << (off / 8 % 64)
		})
	}
	return a
}

// growDataMask extends Program.DataMask, the pointer mask of the package
// variables (bytecode.DataMaskWords), to cover the data laid out so far;
// linked, the library's mask comes first, its variables being below the
// program's.
func (c *Compiler) growDataMask() {
	words := (c.data - c.out.RODataEnd + 7) / 8
	if n := int((words + 63) / 64); n > len(c.out.DataMask) {
		c.out.DataMask = append(c.out.DataMask, make([]uint64, n-len(c.out.DataMask))...)
	}
}

func bump(next *uintptr, limit, size, align uintptr, what string) uintptr {
	if align < 1 {
		align = 1
	}
	p := (*next + align - 1) &^ (align - 1)
	if p > limit || size > limit-p {
		panic(&Unsupported{What: what + " larger than its region"})
	}
	*next = p + size
	return p
}

// global lays out a package-level variable.
func (c *Compiler) global(g *ssa.Global) uintptr {
	if a, ok := c.globals[g]; ok {
		return a
	}
	if c.lib != nil && g.Pkg != c.lp.Main {
		a, ok := c.lib.globals[g.String()]
		if !ok {
			panic(&needsSource{g.String()})
		}
		c.globals[g] = a
		return a
	}
	t := g.Type().(*types.Pointer).Elem()
	if tg := c.linkedGlobal(g); tg != nil {
		// `//go:linkname local pkg.name` on a variable makes both
		// names one variable, as the linker does.
		a := c.global(tg)
		c.globals[g] = a
		return a
	}
	size := uintptr(c.sizes.Sizeof(t))
	if size == 0 {
		// Zero-sized variables share runtime.zerobase, as the linker
		// lays them out.
		c.globals[g] = c.zerobase()
		return c.globals[g]
	}
	a := c.allocData(size, uintptr(c.sizes.Alignof(t)), t)
	c.globals[g] = a
	return a
}

// linkedGlobal returns the variable that g's //go:linkname directive
// names, when that is another variable of the program of the same type
// that names no variable itself.
func (c *Compiler) linkedGlobal(g *ssa.Global) *ssa.Global {
	if g.Pkg == nil {
		return nil
	}
	target, ok := c.lp.Linknames[g.Pkg.Pkg.Path()+"."+g.Name()]
	if !ok {
		return nil
	}
	dot := strings.LastIndexByte(target, '.')
	if dot < 0 {
		return nil
	}
	p := c.lp.SSA.ImportedPackage(target[:dot])
	if p == nil {
		return nil
	}
	tg := p.Var(target[dot+1:])
	if tg == nil || tg == g || !types.Identical(tg.Type(), g.Type()) {
		return nil
	}
	if _, ok := c.lp.Linknames[tg.Pkg.Pkg.Path()+"."+tg.Name()]; ok {
		return nil
	}
	return tg
}

// zerobase is the address every zero-sized object has.
func (c *Compiler) zerobase() uintptr {
	if c.out.ZeroBase == 0 {
		c.out.ZeroBase = c.allocData(8, 8, nil)
	}
	return c.out.ZeroBase
}

// stringData returns the address of static bytes holding s.
func (c *Compiler) stringData(s string) uintptr {
	if s == "" {
		return 0
	}
	if a, ok := c.strs[s]; ok {
		return a
	}
	a := c.allocRO(uintptr(len(s)), 1)
	c.mem.WriteString(a, s)
	c.strs[s] = a
	return a
}

// constBox returns the address of a read-only copy of constant k, which
// converting it to an interface points at instead of a fresh copy, as gc
// does: the same constant boxed twice is the same interface value (a
// repanic of an equal constant prints "[recovered, repanicked]").
func (c *Compiler) constBox(k *ssa.Const) uintptr {
	size := uintptr(c.sizeof(k.Type()))
	b := c.constValue(k)[:size]
	key := fmt.Sprint(c.typ(k.Type()).Index) + ":" + string(b)
	if a, ok := c.constBoxes[key]; ok {
		return a
	}
	a := c.allocRO(size, uintptr(c.sizes.Alignof(k.Type())))
	c.mem.WriteBytes(a, b)
	c.constBoxes[key] = a
	return a
}

// funcValue returns the static closure object of a top-level function: one
// word, its code pointer, read-only as gc's funcval symbols are.
func (c *Compiler) funcValue(fn *ssa.Function) uintptr {
	f := c.declare(fn)
	if a, ok := c.out.FuncVal[f.Index]; ok {
		return a
	}
	a := c.allocRO(8, 8)
	c.mem.Store64(a, uint64(f.Text))
	c.out.FuncVal[f.Index] = a
	return a
}

// boot records what the runtime's boot path needs: runtime.main, the init
// task list in the linker's order, main.main and the error types.
func (c *Compiler) boot() {
	if c.lib != nil {
		// runtime.main, fatalpanic, the error types and the library's
		// init tasks are the library's; main's init runs last.
		if init := c.lp.Main.Func("init"); init != nil && hasInitWork(init) {
			f := c.declare(init)
			c.funcValue(init)
			c.out.InitFuncs = append(c.out.InitFuncs, f.Index)
		}
		c.bootMain()
		return
	}
	rt := c.lp.Runtime
	for _, name := range []string{"main", "fatalpanic", "runTimer", "runfinq", "gcBgMarkWorker"} {
		if fn := rt.Func(name); fn != nil {
			c.declare(fn).HostOnly = true
		}
	}
	c.out.RuntimeMain = c.declare(rt.Func("main")).Index
	c.out.FatalPanic = c.declare(rt.Func("fatalpanic")).Index
	for _, p := range c.lp.Packages {
		if init := p.Func("init"); init != nil && hasInitWork(init) {
			f := c.declare(init)
			c.funcValue(init)
			c.out.InitFuncs = append(c.out.InitFuncs, f.Index)
		}
	}
	c.bootMain()
	named := func(name string) *bytecode.Type {
		return c.typ(rt.Pkg.Scope().Lookup(name).Type())
	}
	c.out.ErrTypes = bytecode.ErrTypes{
		BoundsError:         named("boundsError"),
		ErrorString:         named("errorString"),
		PlainError:          named("plainError"),
		ErrorAddressString:  named("errorAddressString"),
		TypeAssertionError:  c.typ(types.NewPointer(rt.Pkg.Scope().Lookup("TypeAssertionError").Type())),
		PanicNilError:       c.typ(types.NewPointer(rt.Pkg.Scope().Lookup("PanicNilError").Type())),
		UnhashableTypeError: named("unhashableTypeError"),
		Error:               named("Error"),
	}
}

// bootMain records main.main.
func (c *Compiler) bootMain() {
	mm := c.lp.Main.Func("main")
	if mm == nil {
		panic(&Unsupported{What: "a main package without func main"})
	}
	c.out.MainMain = c.declare(mm).Index
	c.funcValue(mm)
}

// hasInitWork reports whether a package init function does anything: the
// linker prunes packages with no init work from the task list.
func hasInitWork(init *ssa.Function) bool {
	for _, b := range init.Blocks {
		for _, instr := range b.Instrs {
			switch instr.(type) {
			case *ssa.Return, *ssa.Jump, *ssa.DebugRef:
			default:
				return true
			}
		}
	}
	return false
}

// lineNames converts the loader's table of relative line directives.
func lineNames(ds []loader.LineName) []bytecode.LineName {
	var out []bytecode.LineName
	for _, d := range ds {
		out = append(out, bytecode.LineName{Pos: d.Pos, Joined: d.Joined, Name: d.Name})
	}
	return out
}
