package compiler

import (
	"errors"
	"fmt"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"

	"gort/internal/arena"
	"gort/internal/bytecode"
	"gort/internal/loader"
	"gort/internal/wire"
)

// Linking a program against a library image (DESIGN.md §2, in its first
// form: two units). The library is every package a main package imports,
// with their dependencies, compiled once with a main that does nothing
// (CompileLibrary); its image and Symbols go to the build cache. A
// program whose main imports exactly those packages is then compiled
// alone (Link): its package is type-checked against the library's export
// data, and its code, types, itabs and data are placed after the
// library's in the same arena, referring to the library's functions,
// variables and descriptors by name. The library's init tasks run first,
// then main's, as the linker orders them.
//
// What a program needs of the library that the library did not compile
// (an instantiation of one of its generic functions or types with main's
// type arguments, whose body export data does not carry) makes Link fail
// with ErrNeedsSource, and the program is compiled whole from source.

// Symbols name what a library image holds.
type Symbols struct {
	// Types holds, for each of the image's host types (Program.Types),
	// its typeKey ("" for none).
	Types []string
	// Funcs names the image's functions: each go/ssa function by its
	// funcKey (several may name one function: a bodyless declaration
	// its linkname binds to another), and each native the compiler
	// declared for a descriptor as "native:" and its name.
	Funcs     []FuncSym
	Globals   map[string]uintptr
	Typelinks []string // the string of each of Program.Typelinks
	// Descs holds the address of every descriptor the image has, by
	// typeKey: also those of types no code names (method signatures),
	// which itabs compare.
	Descs map[string]uintptr
}

// FuncSym is one name of a library function: its index in the image and
// its inline cost estimate (inlineCost; -1 for never inlined).
type FuncSym struct {
	Name          string
	Index, Inline int32
}

// ErrNeedsSource is Link's error for a program the library cannot serve.
var ErrNeedsSource = errors.New("compiler: the program needs library code the library image does not hold")

// lacking is the error Link returns: ErrNeedsSource, naming what.
func lacking(what string) error { return fmt.Errorf("%w: %s", ErrNeedsSource, what) }

// library is the state of a Link: the library's symbols, indexed.
type library struct {
	syms    *Symbols
	nfuncs  int // functions in the library image
	types   map[string]*bytecode.Type
	funcs   map[string]*bytecode.Func
	inline  map[string]inlineResult
	globals map[string]uintptr
}

func newLibrary(prog *bytecode.Program, syms *Symbols) *library {
	lib := &library{syms: syms, nfuncs: len(prog.Funcs), types: map[string]*bytecode.Type{}, funcs: map[string]*bytecode.Func{}, inline: map[string]inlineResult{}, globals: syms.Globals}
	for i, k := range syms.Types {
		if k != "" && i < len(prog.Types) {
			lib.types[k] = prog.Types[i]
		}
	}
	for _, f := range syms.Funcs {
		if f.Index >= 0 && int(f.Index) < len(prog.Funcs) {
			lib.funcs[f.Name] = prog.Funcs[f.Index]
			lib.inline[f.Name] = inlineResult{int(f.Inline), f.Inline >= 0}
		}
	}
	return lib
}

// CompileLibrary compiles lp, whose main package does nothing but import
// the library's packages, and returns its image with the symbols a later
// Link needs.
func CompileLibrary(lp *loader.Program, mem *arena.Arena) (*bytecode.Program, *Symbols, error) {
	c, err := compile(lp, mem, nil, nil, true)
	if err != nil {
		return nil, nil, err
	}
	syms := &Symbols{Globals: map[string]uintptr{}, Types: make([]string, len(c.out.Types))}
	c.types.Iterate(func(t types.Type, v any) {
		bt := v.(*bytecode.Type)
		if k := typeKey(t); k != "" && syms.Types[bt.Index] == "" {
			syms.Types[bt.Index] = k
		}
	})
	// A key two types share (never for identical ones) names neither.
	seen := map[string]int{}
	for i, k := range syms.Types {
		if k == "" {
			continue
		}
		if j, ok := seen[k]; ok {
			syms.Types[i], syms.Types[j] = "", ""
			continue
		}
		seen[k] = i
	}
	for fn, f := range c.funcs {
		cost, ok := c.inlineCost(fn)
		if !ok {
			cost = -1
		}
		syms.Funcs = append(syms.Funcs, FuncSym{funcKey(fn), f.Index, int32(cost)})
	}
	for name, f := range c.natives {
		syms.Funcs = append(syms.Funcs, FuncSym{"native:" + name, f.Index, -1})
	}
	slices.SortFunc(syms.Funcs, func(a, b FuncSym) int { return strings.Compare(a.Name, b.Name) })
	for g, a := range c.globals {
		syms.Globals[g.String()] = a
	}
	for _, d := range c.out.Typelinks {
		syms.Typelinks = append(syms.Typelinks, c.desc.b.DescString(d))
	}
	syms.Descs = map[string]uintptr{}
	shared := map[string]bool{}
	c.desc.b.Descs(func(t types.Type, p uintptr) {
		k := typeKey(t)
		if k == "" || shared[k] {
			return
		}
		if q, ok := syms.Descs[k]; ok && q != p {
			delete(syms.Descs, k) // two descriptors: name neither
			shared[k] = true
			return
		}
		syms.Descs[k] = p
	})
	return c.out, syms, nil
}

// Link compiles lp's main package against a library image: libProg
// (decoded, its static image already in mem) and its symbols. lp must be
// loaded against the library's export data (loader.LoadLinked).
func Link(lp *loader.Program, mem *arena.Arena, libProg *bytecode.Program, syms *Symbols) (*bytecode.Program, error) {
	c, err := compile(lp, mem, libProg, syms, false)
	if err != nil {
		return nil, err
	}
	return c.out, nil
}

// funcKey names fn across type-checkings, as typeKey names types: an
// instance or a method by its type arguments' or receiver's typeKey
// (go/ssa's names spell types as go/types prints them, which differs
// between source and export data for aliases such as any).
func funcKey(fn *ssa.Function) string {
	pkg := fn.Pkg
	if o := fn.Origin(); pkg == nil && o != nil {
		pkg = o.Pkg // an instance's package is its generic's
	}
	if pkg == nil || fn.Parent() != nil || fn.Synthetic != "" && fn.Origin() == nil {
		return fn.String() // wrappers, closures: a program makes its own
	}
	if recv := fn.Signature.Recv(); recv != nil {
		if k := typeKey(recv.Type()); k != "" {
			return "(" + k + ")." + fn.Name()
		}
		return fn.String()
	}
	base := fn.Name()
	if o := fn.Origin(); o != nil {
		base = o.Name() // without the type arguments go/ssa spells
	}
	name := pkg.Pkg.Path() + "." + base
	if args := fn.TypeArgs(); len(args) > 0 {
		keys := make([]string, len(args))
		for i, a := range args {
			if keys[i] = typeKey(a); keys[i] == "" {
				return fn.String()
			}
		}
		name += "[" + strings.Join(keys, ",") + "]"
	}
	return name
}

// linked returns what the library holds for fn, a function declared
// outside main: nil when fn has a body here (a wrapper go/ssa made for
// this program, compiled with it).
func (c *Compiler) linked(fn *ssa.Function) *bytecode.Func {
	if c.lib == nil || fn.Blocks != nil {
		return nil
	}
	if fn.Pkg == c.lp.Main && fn.Origin() == nil {
		return nil // main's own bodyless function: bound as usual
	}
	if f, ok := c.lib.funcs[funcKey(fn)]; ok {
		return f
	}
	panic(&needsSource{fn.String()})
}

// needsSource unwinds a Link that must give up: what the library lacks.
type needsSource struct{ what string }

// linkedType returns the library's host type for t, or nil.
func (c *Compiler) linkedType(t types.Type) *bytecode.Type {
	if c.lib == nil {
		return nil
	}
	if k := typeKey(t); k != "" {
		return c.lib.types[k]
	}
	return nil
}

// Prebuilt is the typedesc.Env hook: the library's descriptor of t.
func (d *descBuilder) Prebuilt(t types.Type) uintptr {
	if d.c.lib == nil {
		return 0
	}
	if k := typeKey(t); k != "" {
		return d.c.lib.syms.Descs[k]
	}
	return 0
}

// mergeTypelinks adds the library's typelinks to the program's, in the
// order of their strings.
func (c *Compiler) mergeTypelinks(own []uintptr) []uintptr {
	type link struct {
		s string
		p uintptr
	}
	var all []link
	for i, p := range c.out.Typelinks {
		all = append(all, link{c.lib.syms.Typelinks[i], p})
	}
	for _, p := range own {
		all = append(all, link{c.desc.b.DescString(p), p})
	}
	slices.SortStableFunc(all, func(a, b link) int {
		if a.s != b.s {
			return strings.Compare(a.s, b.s)
		}
		return int(a.p) - int(b.p)
	})
	out := make([]uintptr, len(all))
	for i, l := range all {
		out[i] = l.p
	}
	return out
}

// EncodeSymbols returns syms as bytes.
func EncodeSymbols(syms *Symbols) []byte {
	var w wire.Writer
	w.Uint(uint64(len(syms.Types)))
	for _, s := range syms.Types {
		w.String(s)
	}
	w.Uint(uint64(len(syms.Funcs)))
	for _, f := range syms.Funcs {
		w.String(f.Name)
		w.Int(int64(f.Index))
		w.Int(int64(f.Inline))
	}
	for _, m := range []map[string]uintptr{syms.Globals, syms.Descs} {
		names := make([]string, 0, len(m))
		for n := range m {
			names = append(names, n)
		}
		slices.Sort(names)
		w.Uint(uint64(len(names)))
		for _, n := range names {
			w.String(n)
			w.Uint(uint64(m[n]))
		}
	}
	w.Uint(uint64(len(syms.Typelinks)))
	for _, s := range syms.Typelinks {
		w.String(s)
	}
	return w.Buf
}

// DecodeSymbols reads EncodeSymbols's bytes from the front of data and
// returns the rest.
func DecodeSymbols(data []byte) (*Symbols, []byte, error) {
	r := wire.NewReader(data)
	syms := &Symbols{Globals: map[string]uintptr{}, Descs: map[string]uintptr{}}
	syms.Types = make([]string, r.Count())
	for i := range syms.Types {
		syms.Types[i] = r.String()
	}
	syms.Funcs = make([]FuncSym, r.Count())
	for i := range syms.Funcs {
		syms.Funcs[i] = FuncSym{Name: r.String(), Index: r.Int32(), Inline: r.Int32()}
	}
	for _, m := range []map[string]uintptr{syms.Globals, syms.Descs} {
		for n := r.Count(); n > 0 && r.Err() == nil; n-- {
			name := r.String()
			m[name] = uintptr(r.Uint())
		}
	}
	syms.Typelinks = make([]string, r.Count())
	for i := range syms.Typelinks {
		syms.Typelinks[i] = r.String()
	}
	if r.Err() != nil {
		return nil, nil, r.Err()
	}
	return syms, r.Rest(), nil
}
