package compiler

import (
	"encoding/binary"
	"errors"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"

	"gort/internal/arena"
	"gort/internal/bytecode"
	"gort/internal/loader"
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
	// Funcs holds, for each function of the image, its go/ssa name, or
	// "native:" and the name of a native the compiler declared for a
	// descriptor; and its inline cost estimate (inlineCost).
	Funcs     []string
	Inline    []int32 // cost, or -1 if never inlined
	Globals   map[string]uintptr
	Typelinks []string // the string of each of Program.Typelinks
	// Descs holds the address of every descriptor the image has, by
	// typeKey: also those of types no code names (method signatures),
	// which itabs compare.
	Descs map[string]uintptr
}

// ErrNeedsSource is Link's error for a program the library cannot serve.
var ErrNeedsSource = errors.New("compiler: the program needs library code the library image does not hold")

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
	for i, k := range syms.Funcs {
		if k != "" && i < len(prog.Funcs) {
			lib.funcs[k] = prog.Funcs[i]
			if i < len(syms.Inline) {
				lib.inline[k] = inlineResult{int(syms.Inline[i]), syms.Inline[i] >= 0}
			}
		}
	}
	return lib
}

// CompileLibrary compiles lp, whose main package does nothing but import
// the library's packages, and returns its image with the symbols a later
// Link needs.
func CompileLibrary(lp *loader.Program, mem *arena.Arena) (*bytecode.Program, *Symbols, error) {
	c, err := compile(lp, mem, nil, nil)
	if err != nil {
		return nil, nil, err
	}
	syms := &Symbols{Globals: map[string]uintptr{}}
	for _, t := range c.out.Types {
		syms.Types = append(syms.Types, "")
		_ = t
	}
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
	syms.Funcs = make([]string, len(c.out.Funcs))
	syms.Inline = make([]int32, len(c.out.Funcs))
	for fn, f := range c.funcs {
		if f.Index >= 0 && c.ssaOf[f] == fn {
			syms.Funcs[f.Index] = fn.String()
			cost, ok := c.inlineCost(fn)
			syms.Inline[f.Index] = int32(cost)
			if !ok {
				syms.Inline[f.Index] = -1
			}
		}
	}
	for name, f := range c.natives {
		syms.Funcs[f.Index] = "native:" + name
	}
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
	c, err := compile(lp, mem, libProg, syms)
	if err != nil {
		return nil, err
	}
	return c.out, nil
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
	if f, ok := c.lib.funcs[fn.String()]; ok {
		return f
	}
	panic(errNeedsSource)
}

// errNeedsSource unwinds a Link that must give up.
var errNeedsSource = &Unsupported{What: "library code the cached library does not hold"}

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
	var b []byte
	str := func(s string) {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	b = binary.AppendUvarint(b, uint64(len(syms.Types)))
	for _, s := range syms.Types {
		str(s)
	}
	b = binary.AppendUvarint(b, uint64(len(syms.Funcs)))
	for i, s := range syms.Funcs {
		str(s)
		b = binary.AppendVarint(b, int64(syms.Inline[i]))
	}
	names := make([]string, 0, len(syms.Globals))
	for n := range syms.Globals {
		names = append(names, n)
	}
	slices.Sort(names)
	b = binary.AppendUvarint(b, uint64(len(names)))
	for _, n := range names {
		str(n)
		b = binary.AppendUvarint(b, uint64(syms.Globals[n]))
	}
	b = binary.AppendUvarint(b, uint64(len(syms.Typelinks)))
	for _, s := range syms.Typelinks {
		str(s)
	}
	keys := make([]string, 0, len(syms.Descs))
	for k := range syms.Descs {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	b = binary.AppendUvarint(b, uint64(len(keys)))
	for _, k := range keys {
		str(k)
		b = binary.AppendUvarint(b, uint64(syms.Descs[k]))
	}
	return b
}

// DecodeSymbols reads EncodeSymbols's bytes from the front of data and
// returns the rest.
func DecodeSymbols(data []byte) (*Symbols, []byte, error) {
	bad := errors.New("compiler: corrupt library symbols")
	var err error
	uv := func() uint64 {
		v, n := binary.Uvarint(data)
		if n <= 0 {
			err, data = bad, nil
			return 0
		}
		data = data[n:]
		return v
	}
	count := func() int {
		n := uv()
		if n > uint64(len(data)) {
			err, data = bad, nil
			return 0
		}
		return int(n)
	}
	str := func() string {
		n := count()
		s := string(data[:n])
		data = data[n:]
		return s
	}
	syms := &Symbols{Globals: map[string]uintptr{}}
	syms.Types = make([]string, count())
	for i := range syms.Types {
		syms.Types[i] = str()
	}
	n := count()
	syms.Funcs, syms.Inline = make([]string, n), make([]int32, n)
	for i := range syms.Funcs {
		syms.Funcs[i] = str()
		v, k := binary.Varint(data)
		if k <= 0 {
			return nil, nil, bad
		}
		data = data[k:]
		syms.Inline[i] = int32(v)
	}
	for n := count(); n > 0 && err == nil; n-- {
		name := str()
		syms.Globals[name] = uintptr(uv())
	}
	syms.Typelinks = make([]string, count())
	for i := range syms.Typelinks {
		syms.Typelinks[i] = str()
	}
	syms.Descs = map[string]uintptr{}
	for n := count(); n > 0 && err == nil; n-- {
		k := str()
		syms.Descs[k] = uintptr(uv())
	}
	if err != nil {
		return nil, nil, err
	}
	return syms, data, nil
}
