package compiler

// Static data is data (DESIGN §2). go/ssa turns every package-level
// composite literal into init code: `var T = &RangeTable{R16: []Range16{...}}`
// becomes an allocation, a store per field of every element and a copy of
// each element through a temporary. gc's staticinit lays such a variable out
// as data in the image instead, and so does this pass.
//
// The pass reads a package's init function (BareInits: the variable
// initialisers in go/types' InitOrder, then the calls of the init
// functions) as a sequence of units: the instructions of a block up to and
// including each store into a package variable, plus the block's tail. A
// unit is static when the pass can run every one of its instructions here,
// at compile time: allocations, field and constant-index addresses, loads
// and stores through them, slicing a fresh array, conversions that keep the
// bits, []byte of a constant and interface boxing. A static unit is run: the
// fresh objects the variable reaches are laid out in the data region (as
// gc's staticinit names statictmp symbols: writable data, since a program
// may write through a slice or pointer it reaches), the variable's bytes
// are written into its place in the image, and the unit's instructions are
// removed from init. Every other unit stays code, in order.
//
// Why running a unit early is not observable:
//   - A static unit has no side effect but the store into its variable,
//     cannot panic (indices are checked here, nil is never dereferenced),
//     and no value it computes is used outside it.
//   - Its variable is written before any init code runs instead of at its
//     turn. Only code that reads the variable before its initialiser ran
//     could tell, and InitOrder runs every initialiser a variable's
//     initialiser refers to (through functions too) first; what is left
//     (a method reached through an interface) sees the data, as under gc.
//   - A static unit reads a package variable only when that variable was
//     laid out by this pass and no call has run yet in the code left in
//     init (gc's seenMutation rule: a call may have changed it), and it never
//     reads memory through a pointer it loaded: the bytes of anything it
//     reads are the ones in the image.
//   - A variable that code left in init stores into (an initialiser
//     built in place, one part of it not static) takes no later static
//     stores, so stores into one variable keep their order.
//
// A static unit's instructions are deleted from the SSA, with the
// referrer lists of their operands; the compiler then compiles what is
// left, and a package whose init work was all static has no init task, as
// under gc's linker.

import (
	"encoding/binary"
	"go/constant"
	"go/token"
	"go/types"
	"sort"

	"golang.org/x/tools/go/ssa"
)

// maxStaticObject bounds the objects the pass builds on the host and lays
// out in the data region; a larger one is allocated by init code, on the
// heap.
const maxStaticObject = 1 << 24

// staticInit is the pass over one package's init function.
type staticInit struct {
	c   *Compiler
	pkg *ssa.Package
	// known holds the variables a static unit stored into: their bytes in
	// the image are their value, until code left in init stores into them.
	known map[*ssa.Global]bool
	// dirty holds the variables that code left in init stores into.
	dirty map[*ssa.Global]bool
	// mutated is set once code left in init may have written memory that
	// it did not allocate itself (it made a call).
	mutated bool
	// vals are the values of the unit being run.
	vals map[ssa.Value]sval
}

// sval is a value computed at compile time: its bytes in Go's layout, and
// the pointer words among them that point into objects of the unit being
// run, whose addresses are known only once they are laid out. Such a word
// holds the offset into its object. Every other pointer word is an
// absolute address (a variable, read-only data, data laid out earlier).
type sval struct {
	b    []byte
	refs map[int64]*sobj // by offset in b
	// g is the variable a pointer value points into, when it was computed
	// from that variable's address: loads and stores go through it only
	// then.
	g *ssa.Global
}

// sobj is an object allocated by the unit being run.
type sobj struct {
	t    types.Type
	v    sval
	addr uintptr // once laid out
}

// staticData runs the pass over the init function of every package.
func (c *Compiler) staticData() {
	for _, p := range c.lp.Packages {
		if c.lib != nil && p != c.lp.Main {
			continue // the library's data is laid out already
		}
		init := p.Func("init")
		if init == nil {
			continue
		}
		s := &staticInit{c: c, pkg: p, known: map[*ssa.Global]bool{}, dirty: map[*ssa.Global]bool{}}
		for _, b := range init.Blocks {
			s.block(b)
		}
	}
}

// block cuts b into units and keeps the code of the units that are not
// static.
func (s *staticInit) block(b *ssa.BasicBlock) {
	var kept []ssa.Instruction
	start := 0
	for i, in := range b.Instrs {
		if st, ok := in.(*ssa.Store); (!ok || rootGlobal(st.Addr) == nil) && i < len(b.Instrs)-1 {
			continue
		}
		unit := b.Instrs[start : i+1]
		start = i + 1
		if s.static(unit) {
			removeInstrs(unit)
			continue
		}
		s.keep(unit)
		kept = append(kept, unit...)
	}
	b.Instrs = kept
}

// keep notes what a unit left as code may write.
func (s *staticInit) keep(unit []ssa.Instruction) {
	for _, in := range unit {
		switch in := in.(type) {
		case ssa.CallInstruction:
			s.mutated = true
		case *ssa.Store:
			if g := rootGlobal(in.Addr); g != nil {
				s.dirty[g] = true
			} else if _, fresh := rootOf(in.Addr).(*ssa.Alloc); !fresh {
				s.mutated = true
			}
		}
	}
}

// static runs unit if it is static, and reports whether it was.
func (s *staticInit) static(unit []ssa.Instruction) bool {
	in := map[ssa.Instruction]bool{}
	for _, x := range unit {
		in[x] = true
	}
	for _, x := range unit {
		if v, ok := x.(ssa.Value); ok {
			for _, r := range *v.Referrers() {
				if !in[r] {
					return false
				}
			}
		}
	}
	st, ok := unit[len(unit)-1].(*ssa.Store)
	if !ok {
		return false
	}
	s.vals = map[ssa.Value]sval{}
	for _, x := range unit[:len(unit)-1] {
		if !s.step(x) {
			return false
		}
	}
	g := rootGlobal(st.Addr)
	p, okp := s.value(st.Addr)
	v, okv := s.value(st.Val)
	if g == nil || !okp || !okv || g.Pkg != s.pkg || s.dirty[g] || !s.inGlobal(p, g, int64(len(v.b))) {
		return false
	}
	s.layout(v)
	s.write(s.word(p), v)
	s.known[g] = true
	return true
}

// step runs one instruction of a unit; it reports false for an
// instruction that must run as code.
func (s *staticInit) step(x ssa.Instruction) bool {
	c := s.c
	switch x := x.(type) {
	case *ssa.DebugRef:
		return true
	case *ssa.Alloc:
		t := deref(x.Type())
		if c.sizes.Sizeof(t) > maxStaticObject {
			return false
		}
		o := &sobj{t: t, v: sval{b: make([]byte, c.sizes.Sizeof(t))}}
		s.vals[x] = s.pointerTo(o, 0)
		return true
	case *ssa.FieldAddr:
		p, ok := s.value(x.X)
		if !ok || s.isNil(p) {
			return false
		}
		st := deref(x.X.Type()).Underlying().(*types.Struct)
		s.vals[x] = s.offset(p, c.sizes.Offsetsof(fieldsOf(st))[x.Field])
		return true
	case *ssa.IndexAddr:
		return s.indexAddr(x)
	case *ssa.Slice:
		return s.slice(x)
	case *ssa.UnOp:
		if x.Op != token.MUL {
			return false
		}
		p, ok := s.value(x.X)
		if !ok {
			return false
		}
		v, ok := s.load(p, c.sizes.Sizeof(x.Type()))
		if ok {
			s.vals[x] = v
		}
		return ok
	case *ssa.Store:
		if isBlankField(x.Addr) {
			return true // a blank field stays zero
		}
		p, okp := s.value(x.Addr)
		v, okv := s.value(x.Val)
		if !okp || !okv {
			return false
		}
		o, off, ok := s.target(p, int64(len(v.b)))
		if !ok {
			return false
		}
		store(&o.v, off, v)
		return true
	case *ssa.ChangeType:
		v, ok := s.value(x.X)
		if ok {
			s.vals[x] = v
		}
		return ok
	case *ssa.Convert:
		return s.convert(x)
	case *ssa.MakeInterface:
		return s.makeInterface(x)
	}
	return false
}

// value returns the compile-time value of an operand.
func (s *staticInit) value(v ssa.Value) (sval, bool) {
	c := s.c
	switch v := v.(type) {
	case *ssa.Const:
		return sval{b: c.constValue(v)[:c.sizes.Sizeof(v.Type())]}, true
	case *ssa.Global:
		return sval{b: word(uint64(c.global(v))), g: v}, true
	case *ssa.Function:
		if v.TypeParams().Len() > 0 && len(v.TypeArgs()) == 0 {
			return sval{}, false
		}
		return sval{b: word(uint64(c.funcValue(v)))}, true
	}
	x, ok := s.vals[v]
	return x, ok
}

func (s *staticInit) pointerTo(o *sobj, off int64) sval {
	return sval{b: word(uint64(off)), refs: map[int64]*sobj{0: o}}
}

// word returns a pointer value's word: an absolute address, or the offset
// into its object.
func (s *staticInit) word(p sval) int64 { return int64(binary.LittleEndian.Uint64(p.b)) }

func (s *staticInit) isNil(p sval) bool { return p.refs[0] == nil && s.word(p) == 0 }

// offset returns p advanced by d bytes, into the same object or variable.
func (s *staticInit) offset(p sval, d int64) sval {
	return sval{b: word(uint64(s.word(p) + d)), refs: p.refs, g: p.g}
}

// target returns the object of the unit that p points into and where, if
// the n bytes there lie inside it.
func (s *staticInit) target(p sval, n int64) (*sobj, int64, bool) {
	o, off := p.refs[0], s.word(p)
	return o, off, o != nil && off >= 0 && off+n <= int64(len(o.v.b))
}

// inGlobal reports whether the n bytes at p lie inside the variable g.
func (s *staticInit) inGlobal(p sval, g *ssa.Global, n int64) bool {
	if p.g != g || p.refs[0] != nil {
		return false
	}
	off := s.word(p) - int64(s.c.global(g))
	return off >= 0 && off+n <= s.c.sizes.Sizeof(deref(g.Type()))
}

// load reads n bytes at p: from an object of the unit, or from a variable
// whose bytes in the image are its value.
func (s *staticInit) load(p sval, n int64) (sval, bool) {
	if o, off, ok := s.target(p, n); ok {
		return extract(o.v, off, n), true
	}
	g := p.g
	if g == nil || g.Pkg != s.pkg || !s.known[g] || s.dirty[g] || s.mutated || !s.inGlobal(p, g, n) {
		return sval{}, false
	}
	b, ok := s.c.mem.Bytes(uintptr(s.word(p)), uintptr(n))
	if !ok {
		return sval{}, false
	}
	return sval{b: append(make([]byte, 0, n), b...)}, true
}

func (s *staticInit) indexAddr(x *ssa.IndexAddr) bool {
	i, ok := constBound(x.Index, -1)
	base, okb := s.value(x.X)
	if !ok || !okb || i < 0 {
		return false
	}
	var elem types.Type
	var n int64
	switch u := x.X.Type().Underlying().(type) {
	case *types.Pointer:
		a := u.Elem().Underlying().(*types.Array)
		elem, n = a.Elem(), a.Len()
		if s.isNil(base) {
			return false
		}
	case *types.Slice:
		elem, n = u.Elem(), int64(binary.LittleEndian.Uint64(base.b[8:]))
		base = extract(base, 0, 8)
	default:
		return false
	}
	if i >= n {
		return false
	}
	s.vals[x] = s.offset(base, i*s.c.sizes.Sizeof(elem))
	return true
}

// slice makes a slice of an array that a pointer points at, with constant
// bounds.
func (s *staticInit) slice(x *ssa.Slice) bool {
	pt, ok := x.X.Type().Underlying().(*types.Pointer)
	if !ok {
		return false
	}
	a := pt.Elem().Underlying().(*types.Array)
	p, ok := s.value(x.X)
	if !ok || s.isNil(p) {
		return false
	}
	lo, ok1 := constBound(x.Low, 0)
	hi, ok2 := constBound(x.High, a.Len())
	max, ok3 := constBound(x.Max, a.Len())
	if !ok1 || !ok2 || !ok3 || lo < 0 || lo > hi || hi > max || max > a.Len() {
		return false
	}
	if max > lo {
		// Like gc, a slice of capacity 0 keeps the array's address: it
		// never points past the end of the object.
		p = s.offset(p, lo*s.c.sizes.Sizeof(a.Elem()))
	}
	v := sval{b: make([]byte, 24)}
	store(&v, 0, p)
	binary.LittleEndian.PutUint64(v.b[8:], uint64(hi-lo))
	binary.LittleEndian.PutUint64(v.b[16:], uint64(max-lo))
	s.vals[x] = v
	return true
}

// constBound returns the value of a constant index or bound, def if there
// is none.
func constBound(v ssa.Value, def int64) (int64, bool) {
	if v == nil {
		return def, true
	}
	k, ok := v.(*ssa.Const)
	if !ok || k.Value == nil || k.Value.Kind() != constant.Int {
		return 0, false
	}
	return constant.Int64Val(k.Value)
}

// convert runs the conversions that keep a value's bits (between pointer
// types and unsafe.Pointer) and []byte of a constant string, whose bytes
// become a fresh array, as gc lays out such a variable.
func (s *staticInit) convert(x *ssa.Convert) bool {
	from, to := x.X.Type().Underlying(), x.Type().Underlying()
	if isPointerWord(from) && isPointerWord(to) {
		v, ok := s.value(x.X)
		if ok {
			s.vals[x] = v
		}
		return ok
	}
	k, ok := x.X.(*ssa.Const)
	sl, isSlice := to.(*types.Slice)
	if !ok || k.Value == nil || !isSlice || !types.Identical(sl.Elem().Underlying(), types.Typ[types.Byte]) {
		return false
	}
	if b, ok := from.(*types.Basic); !ok || b.Info()&types.IsString == 0 {
		return false
	}
	str := constant.StringVal(k.Value)
	arr := &sobj{t: types.NewArray(sl.Elem(), int64(len(str))), v: sval{b: []byte(str)}}
	v := sval{b: make([]byte, 24)}
	store(&v, 0, s.pointerTo(arr, 0))
	binary.LittleEndian.PutUint64(v.b[8:], uint64(len(str)))
	binary.LittleEndian.PutUint64(v.b[16:], uint64(len(str)))
	s.vals[x] = v
	return true
}

func isPointerWord(t types.Type) bool {
	switch u := t.(type) {
	case *types.Pointer:
		return true
	case *types.Basic:
		return u.Kind() == types.UnsafePointer
	}
	return false
}

// makeInterface boxes a value as the interpreter's MakeInterface does: the
// type word, then the value itself if it is pointer-shaped, or else the
// address of a fresh copy.
func (s *staticInit) makeInterface(x *ssa.MakeInterface) bool {
	c := s.c
	v, ok := s.value(x.X)
	if !ok {
		return false
	}
	ct := c.typ(x.X.Type())
	var tw uintptr
	if _, ok := isEface(x.Type()); ok {
		tw = ct.Desc
	} else {
		tw = c.itab(c.typ(x.Type()), ct)
	}
	iv := sval{b: make([]byte, 16)}
	binary.LittleEndian.PutUint64(iv.b, uint64(tw))
	if ct.DirectIface {
		store(&iv, 8, extract(v, 0, 8))
	} else {
		box := &sobj{t: x.X.Type(), v: extract(v, 0, int64(len(v.b)))}
		store(&iv, 8, s.pointerTo(box, 0))
	}
	s.vals[x] = iv
	return true
}

// layout gives an address in the data region to every object of the unit
// that v reaches, and writes the objects there.
func (s *staticInit) layout(v sval) {
	for _, off := range refOffsets(v) {
		o := v.refs[off]
		if o.addr != 0 {
			continue
		}
		size := s.c.sizes.Sizeof(o.t)
		if size == 0 {
			o.addr = s.c.zerobase()
			continue
		}
		o.addr = s.c.allocData(uintptr(size), uintptr(s.c.sizes.Alignof(o.t)), o.t)
		s.layout(o.v)
		s.write(int64(o.addr), o.v)
	}
}

// write puts v's bytes at the absolute address a, its pointers into objects
// of the unit resolved.
func (s *staticInit) write(a int64, v sval) {
	b := append([]byte(nil), v.b...)
	for off, o := range v.refs {
		w := binary.LittleEndian.Uint64(b[off:])
		binary.LittleEndian.PutUint64(b[off:], uint64(o.addr)+w)
	}
	if !s.c.mem.WriteBytes(uintptr(a), b) {
		panic("gort: internal error: static data outside the arena")
	}
}

// refOffsets returns the offsets of v's pointers into objects, in order, so
// that objects are laid out in the same order in every compilation.
func refOffsets(v sval) []int64 {
	offs := make([]int64, 0, len(v.refs))
	for off := range v.refs {
		offs = append(offs, off)
	}
	sort.Slice(offs, func(i, j int) bool { return offs[i] < offs[j] })
	return offs
}

// store writes v into dst at off.
func store(dst *sval, off int64, v sval) {
	n := int64(len(v.b))
	copy(dst.b[off:off+n], v.b)
	for o := range dst.refs {
		if o >= off && o < off+n {
			delete(dst.refs, o)
		}
	}
	for o, obj := range v.refs {
		if dst.refs == nil {
			dst.refs = map[int64]*sobj{}
		}
		dst.refs[off+o] = obj
	}
}

// extract returns the n bytes of v at off.
func extract(v sval, off, n int64) sval {
	x := sval{b: append(make([]byte, 0, n), v.b[off:off+n]...)}
	for o, obj := range v.refs {
		if o >= off && o < off+n {
			if x.refs == nil {
				x.refs = map[int64]*sobj{}
			}
			x.refs[o-off] = obj
		}
	}
	return x
}

func word(w uint64) []byte { return binary.LittleEndian.AppendUint64(nil, w) }

func deref(t types.Type) types.Type { return t.Underlying().(*types.Pointer).Elem() }

// rootOf follows an address to the variable or allocation it points into,
// through field addresses and constant or variable indices into arrays.
func rootOf(addr ssa.Value) ssa.Value {
	for {
		switch a := addr.(type) {
		case *ssa.FieldAddr:
			addr = a.X
		case *ssa.IndexAddr:
			if _, ok := a.X.Type().Underlying().(*types.Pointer); !ok {
				return a // an element of a slice
			}
			addr = a.X
		default:
			return addr
		}
	}
}

// rootGlobal returns the package variable that addr points into, or nil.
func rootGlobal(addr ssa.Value) *ssa.Global {
	g, _ := rootOf(addr).(*ssa.Global)
	return g
}

// removeInstrs deletes the instructions of a static unit from the
// referrer lists of their operands; the caller drops them from the block.
func removeInstrs(unit []ssa.Instruction) {
	gone := map[ssa.Instruction]bool{}
	for _, x := range unit {
		gone[x] = true
	}
	var ops []*ssa.Value
	for _, x := range unit {
		for _, op := range x.Operands(ops[:0]) {
			if *op == nil {
				continue
			}
			refs := (*op).Referrers()
			if refs == nil {
				continue
			}
			kept := (*refs)[:0]
			for _, r := range *refs {
				if !gone[r] {
					kept = append(kept, r)
				}
			}
			*refs = kept
		}
	}
}
