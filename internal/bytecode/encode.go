package bytecode

import (
	"fmt"
	"go/token"
	"reflect"
	"slices"

	"gort/internal/wire"
)

// The program image as bytes, for the build cache: the Program (functions,
// host type views, boot information, the file set's line tables) and the
// static region of the arena it was compiled into. Nothing in it is a host
// pointer; types refer to each other and functions by index, so decoding
// rebuilds the same graph.
//
// The bytes are internal/wire's. The format has no version of its own:
// the cache keys an image by the gort binary that wrote it.

// Segment is a run of the arena's static region: Bytes belong at Addr.
type Segment struct {
	Addr  uintptr
	Bytes []byte
}

// Segments returns the static image of prog: the text region, the
// read-only data and the package variables. read returns the arena's bytes
// in [lo, hi).
func (prog *Program) Segments(read func(lo, hi uintptr) []byte) []Segment {
	text := prog.TextBase + uintptr(len(prog.Funcs))*textEntry
	return []Segment{
		{prog.TextBase, read(prog.TextBase, text)},
		{prog.TypesBase, read(prog.TypesBase, prog.StaticEnd)},
		{prog.RODataEnd, read(prog.RODataEnd, prog.DataEnd)},
	}
}

// textEntry is the distance between two code pointers (compiler.TextEntry).
const textEntry = 16

// Encode returns prog and its static image as bytes.
func (prog *Program) Encode(segs []Segment) []byte {
	e := &encoder{types: map[*Type]int{}}
	e.collect(prog)
	e.fileSet(prog.Fset)
	e.Uint(uint64(len(segs)))
	for _, s := range segs {
		e.Uint(uint64(s.Addr))
		e.Bytes(s.Bytes)
	}
	for _, a := range []uintptr{prog.TextBase, prog.TypesBase, prog.RODataEnd, prog.HeapStart, prog.StaticEnd, prog.DataEnd, prog.ZeroBase} {
		e.Uint(uint64(a))
	}
	e.Uint(uint64(len(e.list)))
	for _, t := range e.list {
		e.typ(t)
	}
	e.Uint(uint64(len(prog.Types)))
	for _, t := range prog.Types {
		e.ref(t)
	}
	descs := make([]uintptr, 0, len(prog.TypeByDesc))
	for d := range prog.TypeByDesc {
		descs = append(descs, d)
	}
	slices.Sort(descs)
	e.Uint(uint64(len(descs)))
	for _, d := range descs {
		e.Uint(uint64(d))
		e.ref(prog.TypeByDesc[d])
	}
	e.Uint(uint64(len(prog.Funcs)))
	for _, f := range prog.Funcs {
		e.fn(f)
	}
	e.Uint(uint64(len(prog.Itabs)))
	for _, it := range prog.Itabs {
		e.Uint(uint64(it.Addr))
		e.ref(it.Iface)
		e.ref(it.Type)
	}
	e.Uint(uint64(len(prog.Typelinks)))
	for _, a := range prog.Typelinks {
		e.Uint(uint64(a))
	}
	e.Int(int64(prog.RuntimeMain))
	e.int32s(prog.InitFuncs)
	e.Int(int64(prog.MainMain))
	e.Int(int64(prog.FatalPanic))
	e.Uint(uint64(len(prog.FuncVal)))
	for i := range prog.Funcs { // in a stable order
		if a, ok := prog.FuncVal[int32(i)]; ok {
			e.Int(int64(i))
			e.Uint(uint64(a))
		}
	}
	et := &prog.ErrTypes
	for _, t := range []*Type{et.BoundsError, et.ErrorString, et.PlainError, et.ErrorAddressString, et.TypeAssertionError, et.PanicNilError, et.UnhashableTypeError, et.Error} {
		e.ref(t)
	}
	e.Uint(uint64(len(prog.LineNames)))
	for _, l := range prog.LineNames {
		e.Int(int64(l.Pos))
		e.String(l.Joined)
		e.String(l.Name)
	}
	e.Uint(uint64(len(prog.DataMask)))
	for _, w := range prog.DataMask {
		e.Uint(w)
	}
	return e.Buf
}

type encoder struct {
	wire.Writer
	types map[*Type]int // a type's position in list
	list  []*Type
}

func (e *encoder) int32s(v []int32) {
	e.Uint(uint64(len(v)))
	for _, x := range v {
		e.Int(int64(x))
	}
}

// ref writes a type as its position in the type list plus one, 0 for nil.
func (e *encoder) ref(t *Type) {
	if t == nil {
		e.Uint(0)
		return
	}
	e.Uint(uint64(e.types[t] + 1))
}

// collect numbers every type the program reaches: prog.Types in order,
// then the rest as the walk finds them.
func (e *encoder) collect(prog *Program) {
	var walk func(t *Type)
	walk = func(t *Type) {
		if t == nil {
			return
		}
		if _, ok := e.types[t]; ok {
			return
		}
		e.types[t] = len(e.list)
		e.list = append(e.list, t)
		walk(t.Elem)
		walk(t.Key)
		for _, f := range t.Fields {
			walk(f.Type)
		}
	}
	for _, t := range prog.Types {
		walk(t)
	}
	for _, t := range prog.TypeByDesc {
		walk(t)
	}
	for _, it := range prog.Itabs {
		walk(it.Iface)
		walk(it.Type)
	}
	et := &prog.ErrTypes
	for _, t := range []*Type{et.BoundsError, et.ErrorString, et.PlainError, et.ErrorAddressString, et.TypeAssertionError, et.PanicNilError, et.UnhashableTypeError, et.Error} {
		walk(t)
	}
}

func (e *encoder) typ(t *Type) {
	e.Int(int64(t.Index))
	e.Uint(uint64(t.Desc))
	e.String(t.String)
	e.Uint(uint64(t.Kind))
	e.Uint(uint64(t.Size))
	e.Uint(uint64(t.Align))
	e.Bool(t.HasPtrs)
	e.Bool(t.Comparable)
	e.Bool(t.RegularMemory)
	e.ref(t.Elem)
	e.ref(t.Key)
	e.Int(t.Len)
	e.Uint(uint64(len(t.Fields)))
	for _, f := range t.Fields {
		e.String(f.Name)
		e.ref(f.Type)
		e.Uint(uint64(f.Offset))
	}
	e.Int(int64(t.ChanDir))
	e.Uint(uint64(len(t.IMethods)))
	for _, m := range t.IMethods {
		e.String(m)
	}
	e.Uint(uint64(t.Class))
	e.Bool(t.DirectIface)
	e.Uint(uint64(len(t.Methods)))
	for _, m := range t.Methods {
		e.String(m.Name)
		e.Int(int64(m.Func))
	}
	e.String(t.PkgPath)
}

func (e *encoder) fn(f *Func) {
	e.String(f.Name)
	e.Int(int64(f.Index))
	e.Uint(uint64(len(f.Code)))
	for _, in := range f.Code {
		e.Uint(uint64(in.Op))
		e.Uint(uint64(in.K))
		e.Int(int64(in.A))
		e.Int(int64(in.B))
		e.Int(int64(in.C))
	}
	// Positions as deltas: neighbours are usually close.
	e.Uint(uint64(len(f.Pos)))
	prev := token.Pos(0)
	for _, p := range f.Pos {
		e.Int(int64(p - prev))
		prev = p
	}
	e.Int(int64(f.ArgSize))
	e.Int(int64(f.FrameSize))
	e.Int(int64(f.ConstOff))
	e.Uint(uint64(len(f.Consts)))
	for _, k := range f.Consts {
		e.Uint(k)
	}
	e.int32s(f.PtrSlots)
	// Safepoints by pc delta (they are in pc order) and map index plus
	// one (0 for AllLive), then the maps' words.
	e.Uint(uint64(len(f.Safepoints)))
	prevPC := int32(0)
	for _, s := range f.Safepoints {
		e.Int(int64(s.PC - prevPC))
		e.Uint(uint64(s.Map + 1))
		e.Uint(uint64(s.After - NoAfter))
		prevPC = s.PC
	}
	e.Uint(uint64(len(f.LiveBits)))
	for _, w := range f.LiveBits {
		e.Uint(w)
	}
	e.int32s(f.Aux)
	flags := 0
	for i, b := range []bool{f.Wrapper, f.HostOnly, f.HasParams, f.Inlinable, f.CapturesAsArgs} {
		if b {
			flags |= 1 << i
		}
	}
	e.Uint(uint64(flags))
	e.Int(int64(f.RecoverPC))
	e.String(f.Native)
	e.Uint(uint64(f.Text))
	e.String(f.File)
	e.Int(int64(f.Line))
}

// fileSet writes the file set's files with their line tables and line
// directives. token.FileSet's serialised form is reached through its Write
// method, which hands over a struct of ints, strings, slices and structs;
// the encoder walks it by reflection, and the decoder fills the same shape.
func (e *encoder) fileSet(fset *token.FileSet) {
	err := fset.Write(func(v any) error {
		e.value(reflect.ValueOf(v))
		return nil
	})
	if err != nil {
		panic(err) // encode never fails
	}
}

func (e *encoder) value(v reflect.Value) {
	switch v.Kind() {
	case reflect.Int:
		e.Int(v.Int())
	case reflect.String:
		e.String(v.String())
	case reflect.Slice:
		e.Uint(uint64(v.Len()))
		for i := 0; i < v.Len(); i++ {
			e.value(v.Index(i))
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			e.value(v.Field(i))
		}
	case reflect.Pointer:
		e.value(v.Elem())
	default:
		panic(fmt.Sprintf("bytecode: cannot encode a %s in a file set", v.Type()))
	}
}

// ErrCorrupt is Decode's error for bytes that are not an image.
var ErrCorrupt = wire.ErrCorrupt

// Decode rebuilds a program and its static image from Encode's bytes. It
// never panics: input that is not an image Encode wrote is ErrCorrupt.
func Decode(data []byte) (prog *Program, segs []Segment, err error) {
	d := &decoder{Reader: wire.NewReader(data)}
	prog = &Program{Fset: token.NewFileSet(), TypeByDesc: map[uintptr]*Type{}, FuncVal: map[int32]uintptr{}}
	if err := prog.Fset.Read(func(v any) error {
		d.value(reflect.ValueOf(v))
		return d.Err()
	}); err != nil {
		return nil, nil, ErrCorrupt
	}
	segs = make([]Segment, d.Count())
	for i := range segs {
		segs[i].Addr = uintptr(d.Uint())
		segs[i].Bytes = d.Bytes()
	}
	for _, a := range []*uintptr{&prog.TextBase, &prog.TypesBase, &prog.RODataEnd, &prog.HeapStart, &prog.StaticEnd, &prog.DataEnd, &prog.ZeroBase} {
		*a = uintptr(d.Uint())
	}
	d.types = make([]*Type, d.Count())
	for i := range d.types {
		d.types[i] = new(Type)
	}
	for _, t := range d.types {
		d.typ(t)
	}
	prog.Types = make([]*Type, d.Count())
	for i := range prog.Types {
		prog.Types[i] = d.ref()
	}
	for n := d.Count(); n > 0 && d.Err() == nil; n-- {
		desc := uintptr(d.Uint())
		prog.TypeByDesc[desc] = d.ref()
	}
	prog.Funcs = make([]*Func, d.Count())
	for i := range prog.Funcs {
		prog.Funcs[i] = d.fn()
		if prog.Funcs[i].Index != int32(i) {
			d.Fail()
		}
	}
	prog.Itabs = make([]Itab, d.Count())
	for i := range prog.Itabs {
		prog.Itabs[i] = Itab{Addr: uintptr(d.Uint()), Iface: d.ref(), Type: d.ref()}
	}
	prog.Typelinks = make([]uintptr, d.Count())
	for i := range prog.Typelinks {
		prog.Typelinks[i] = uintptr(d.Uint())
	}
	prog.RuntimeMain = d.funcIndex(len(prog.Funcs))
	prog.InitFuncs = d.int32s()
	for _, f := range prog.InitFuncs {
		d.checkFunc(f, len(prog.Funcs))
	}
	prog.MainMain = d.funcIndex(len(prog.Funcs))
	prog.FatalPanic = d.funcIndex(len(prog.Funcs))
	for n := d.Count(); n > 0 && d.Err() == nil; n-- {
		i := d.funcIndex(len(prog.Funcs))
		prog.FuncVal[i] = uintptr(d.Uint())
	}
	et := &prog.ErrTypes
	for _, t := range []**Type{&et.BoundsError, &et.ErrorString, &et.PlainError, &et.ErrorAddressString, &et.TypeAssertionError, &et.PanicNilError, &et.UnhashableTypeError, &et.Error} {
		*t = d.ref()
	}
	prog.LineNames = make([]LineName, d.Count())
	for i := range prog.LineNames {
		prog.LineNames[i] = LineName{Pos: token.Pos(d.Int()), Joined: d.String(), Name: d.String()}
	}
	if n := d.Count(); n > 0 {
		prog.DataMask = make([]uint64, n)
		for i := range prog.DataMask {
			prog.DataMask[i] = d.Uint()
		}
	}
	if prog.DataEnd < prog.RODataEnd || len(prog.DataMask) != DataMaskWords(prog) {
		d.Fail()
	}
	for _, t := range d.types {
		for _, m := range t.Methods {
			d.checkFunc(m.Func, len(prog.Funcs))
		}
	}
	if len(d.Rest()) != 0 {
		d.Fail()
	}
	if d.Err() != nil {
		return nil, nil, d.Err()
	}
	return prog, segs, nil
}

// decoder reads Encode's bytes; its first error sticks, and every read
// after it returns zero values.
type decoder struct {
	*wire.Reader
	types []*Type
}

func (d *decoder) int32s() []int32 {
	n := d.Count()
	if n == 0 {
		return nil
	}
	v := make([]int32, n)
	for i := range v {
		v[i] = d.Int32()
	}
	return v
}

func (d *decoder) ref() *Type {
	i := d.Uint()
	if i == 0 {
		return nil
	}
	if i > uint64(len(d.types)) {
		d.Fail()
		return nil
	}
	return d.types[i-1]
}

// checkMaps fails unless f's pointer maps are as the compiler makes them
// (ptrmap.go): safepoints in pc order naming maps LiveBits holds, and no
// bit set past the pointer slots.
func (d *decoder) checkMaps(f *Func) {
	w := LiveWords(f)
	if w == 0 && len(f.LiveBits) > 0 || w > 0 && len(f.LiveBits)%w != 0 {
		d.Fail()
		return
	}
	if extra := len(f.PtrSlots) % 64; extra != 0 {
		for k := w - 1; k < len(f.LiveBits); k += w {
			if f.LiveBits[k]>>extra != 0 {
				d.Fail()
				return
			}
		}
	}
	maps := 0
	if w > 0 {
		maps = len(f.LiveBits) / w
	}
	for i, s := range f.Safepoints {
		if s.Map < AllLive || int(s.Map) >= maps || i > 0 && s.PC <= f.Safepoints[i-1].PC ||
			s.After < NoAfter || int(s.After) >= maps {
			d.Fail()
			return
		}
	}
}

func (d *decoder) checkFunc(i int32, n int) {
	if i < 0 || int(i) >= n {
		d.Fail()
	}
}

func (d *decoder) funcIndex(n int) int32 {
	i := d.Int32()
	d.checkFunc(i, n)
	return i
}

func (d *decoder) typ(t *Type) {
	t.Index = d.Int32()
	t.Desc = uintptr(d.Uint())
	t.String = d.String()
	t.Kind = Kind(d.Uint())
	t.Size = uintptr(d.Uint())
	t.Align = uintptr(d.Uint())
	t.HasPtrs = d.Bool()
	t.Comparable = d.Bool()
	t.RegularMemory = d.Bool()
	t.Elem = d.ref()
	t.Key = d.ref()
	t.Len = d.Int()
	if n := d.Count(); n > 0 {
		t.Fields = make([]Field, n)
		for i := range t.Fields {
			t.Fields[i] = Field{Name: d.String(), Type: d.ref(), Offset: uintptr(d.Uint())}
		}
	}
	t.ChanDir = int(d.Int())
	if n := d.Count(); n > 0 {
		t.IMethods = make([]string, n)
		for i := range t.IMethods {
			t.IMethods[i] = d.String()
		}
	}
	t.Class = uint16(d.Uint())
	t.DirectIface = d.Bool()
	if n := d.Count(); n > 0 {
		t.Methods = make([]Method, n)
		for i := range t.Methods {
			t.Methods[i] = Method{Name: d.String(), Func: d.Int32()}
		}
	}
	t.PkgPath = d.String()
}

func (d *decoder) fn() *Func {
	f := &Func{Name: d.String(), Index: d.Int32()}
	if n := d.Count(); n > 0 {
		f.Code = make([]Instr, n)
		for i := range f.Code {
			f.Code[i] = Instr{Op: Op(d.Uint()), K: uint16(d.Uint()), A: d.Int32(), B: d.Int32(), C: d.Int32()}
		}
	}
	if n := d.Count(); n > 0 {
		f.Pos = make([]token.Pos, n)
		prev := token.Pos(0)
		for i := range f.Pos {
			prev += token.Pos(d.Int())
			f.Pos[i] = prev
		}
	}
	f.ArgSize = d.Int32()
	f.FrameSize = d.Int32()
	f.ConstOff = d.Int32()
	if n := d.Count(); n > 0 {
		f.Consts = make([]uint64, n)
		for i := range f.Consts {
			f.Consts[i] = d.Uint()
		}
	}
	f.PtrSlots = d.int32s()
	if n := d.Count(); n > 0 {
		f.Safepoints = make([]Safepoint, n)
		pc := int32(0)
		for i := range f.Safepoints {
			pc += d.Int32()
			m, after := d.Uint(), d.Uint()
			if m > 1<<31-1 || after > 1<<31-1 {
				d.Fail()
			}
			f.Safepoints[i] = Safepoint{PC: pc, Map: int32(m) - 1, After: int32(after) + NoAfter}
		}
	}
	if n := d.Count(); n > 0 {
		f.LiveBits = make([]uint64, n)
		for i := range f.LiveBits {
			f.LiveBits[i] = d.Uint()
		}
	}
	d.checkMaps(f)
	f.Aux = d.int32s()
	flags := d.Uint()
	for i, b := range []*bool{&f.Wrapper, &f.HostOnly, &f.HasParams, &f.Inlinable, &f.CapturesAsArgs} {
		*b = flags&(1<<i) != 0
	}
	f.RecoverPC = d.Int32()
	f.Native = d.String()
	f.Text = uintptr(d.Uint())
	f.File = d.String()
	f.Line = int(d.Int())
	return f
}

// value fills v, the shape fileSet wrote.
func (d *decoder) value(v reflect.Value) {
	if d.Err() != nil {
		return
	}
	switch v.Kind() {
	case reflect.Int:
		v.SetInt(d.Int())
	case reflect.String:
		v.SetString(d.String())
	case reflect.Slice:
		n := d.Count()
		v.Set(reflect.MakeSlice(v.Type(), n, n))
		for i := 0; i < n; i++ {
			d.value(v.Index(i))
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			d.value(v.Field(i))
		}
	case reflect.Pointer:
		d.value(v.Elem())
	default:
		d.Fail()
	}
}
