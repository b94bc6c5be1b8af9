package bytecode

import (
	"errors"
	"fmt"
	"go/token"
	"reflect"
	"slices"
)

// The program image as bytes, for the build cache: the Program (functions,
// host type views, boot information, the file set's line tables) and the
// static region of the arena it was compiled into. Nothing in it is a host
// pointer; types refer to each other and functions by index, so decoding
// rebuilds the same graph.
//
// The format is a sequence of unsigned and zig-zag varints, strings and
// byte blocks as a length and the bytes. It has no version of its own: the
// cache keys an image by the gort binary that wrote it.

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
	e.uint(uint64(len(segs)))
	for _, s := range segs {
		e.uint(uint64(s.Addr))
		e.bytes(s.Bytes)
	}
	for _, a := range []uintptr{prog.TextBase, prog.TypesBase, prog.RODataEnd, prog.HeapStart, prog.StaticEnd, prog.DataEnd, prog.ZeroBase} {
		e.uint(uint64(a))
	}
	e.uint(uint64(len(e.list)))
	for _, t := range e.list {
		e.typ(t)
	}
	e.uint(uint64(len(prog.Types)))
	for _, t := range prog.Types {
		e.ref(t)
	}
	descs := make([]uintptr, 0, len(prog.TypeByDesc))
	for d := range prog.TypeByDesc {
		descs = append(descs, d)
	}
	slices.Sort(descs)
	e.uint(uint64(len(descs)))
	for _, d := range descs {
		e.uint(uint64(d))
		e.ref(prog.TypeByDesc[d])
	}
	e.uint(uint64(len(prog.Funcs)))
	for _, f := range prog.Funcs {
		e.fn(f)
	}
	e.uint(uint64(len(prog.Itabs)))
	for _, it := range prog.Itabs {
		e.uint(uint64(it.Addr))
		e.ref(it.Iface)
		e.ref(it.Type)
	}
	e.uint(uint64(len(prog.Typelinks)))
	for _, a := range prog.Typelinks {
		e.uint(uint64(a))
	}
	e.int(int64(prog.RuntimeMain))
	e.int32s(prog.InitFuncs)
	e.int(int64(prog.MainMain))
	e.int(int64(prog.FatalPanic))
	e.uint(uint64(len(prog.FuncVal)))
	for i := range prog.Funcs { // in a stable order
		if a, ok := prog.FuncVal[int32(i)]; ok {
			e.int(int64(i))
			e.uint(uint64(a))
		}
	}
	et := &prog.ErrTypes
	for _, t := range []*Type{et.BoundsError, et.ErrorString, et.PlainError, et.ErrorAddressString, et.TypeAssertionError, et.PanicNilError, et.UnhashableTypeError, et.Error} {
		e.ref(t)
	}
	e.uint(uint64(len(prog.LineNames)))
	for _, l := range prog.LineNames {
		e.int(int64(l.Pos))
		e.str(l.Joined)
		e.str(l.Name)
	}
	return e.buf
}

type encoder struct {
	buf   []byte
	types map[*Type]int // a type's position in list
	list  []*Type
}

func (e *encoder) uint(v uint64) {
	for v >= 0x80 {
		e.buf = append(e.buf, byte(v)|0x80)
		v >>= 7
	}
	e.buf = append(e.buf, byte(v))
}

func (e *encoder) int(v int64) { e.uint(uint64(v<<1) ^ uint64(v>>63)) }

func (e *encoder) bool(b bool) {
	if b {
		e.uint(1)
	} else {
		e.uint(0)
	}
}

func (e *encoder) str(s string) {
	e.uint(uint64(len(s)))
	e.buf = append(e.buf, s...)
}

func (e *encoder) bytes(b []byte) {
	e.uint(uint64(len(b)))
	e.buf = append(e.buf, b...)
}

func (e *encoder) int32s(v []int32) {
	e.uint(uint64(len(v)))
	for _, x := range v {
		e.int(int64(x))
	}
}

// ref writes a type as its position in the type list plus one, 0 for nil.
func (e *encoder) ref(t *Type) {
	if t == nil {
		e.uint(0)
		return
	}
	e.uint(uint64(e.types[t] + 1))
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
	e.int(int64(t.Index))
	e.uint(uint64(t.Desc))
	e.str(t.String)
	e.uint(uint64(t.Kind))
	e.uint(uint64(t.Size))
	e.uint(uint64(t.Align))
	e.bool(t.HasPtrs)
	e.bool(t.Comparable)
	e.bool(t.RegularMemory)
	e.ref(t.Elem)
	e.ref(t.Key)
	e.int(t.Len)
	e.uint(uint64(len(t.Fields)))
	for _, f := range t.Fields {
		e.str(f.Name)
		e.ref(f.Type)
		e.uint(uint64(f.Offset))
	}
	e.int(int64(t.ChanDir))
	e.uint(uint64(len(t.IMethods)))
	for _, m := range t.IMethods {
		e.str(m)
	}
	e.uint(uint64(t.Class))
	e.bool(t.DirectIface)
	e.uint(uint64(len(t.Methods)))
	for _, m := range t.Methods {
		e.str(m.Name)
		e.int(int64(m.Func))
	}
	e.str(t.PkgPath)
}

func (e *encoder) fn(f *Func) {
	e.str(f.Name)
	e.int(int64(f.Index))
	e.uint(uint64(len(f.Code)))
	for _, in := range f.Code {
		e.uint(uint64(in.Op))
		e.uint(uint64(in.K))
		e.int(int64(in.A))
		e.int(int64(in.B))
		e.int(int64(in.C))
	}
	// Positions as deltas: neighbours are usually close.
	e.uint(uint64(len(f.Pos)))
	prev := token.Pos(0)
	for _, p := range f.Pos {
		e.int(int64(p - prev))
		prev = p
	}
	e.int(int64(f.ArgSize))
	e.int(int64(f.FrameSize))
	e.int(int64(f.ConstOff))
	e.uint(uint64(len(f.Consts)))
	for _, k := range f.Consts {
		e.uint(k)
	}
	e.int32s(f.PtrSlots)
	e.uint(uint64(len(f.Safepoints)))
	for _, s := range f.Safepoints {
		e.int(int64(s.PC))
		e.int32s(s.Live)
	}
	e.int32s(f.Aux)
	flags := 0
	for i, b := range []bool{f.Wrapper, f.HostOnly, f.HasParams, f.Inlinable, f.CapturesAsArgs} {
		if b {
			flags |= 1 << i
		}
	}
	e.uint(uint64(flags))
	e.int(int64(f.RecoverPC))
	e.str(f.Native)
	e.uint(uint64(f.Text))
	e.str(f.File)
	e.int(int64(f.Line))
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
		e.int(v.Int())
	case reflect.String:
		e.str(v.String())
	case reflect.Slice:
		e.uint(uint64(v.Len()))
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
var ErrCorrupt = errors.New("bytecode: corrupt program image")

// Decode rebuilds a program and its static image from Encode's bytes. It
// never panics: input that is not an image Encode wrote is ErrCorrupt.
func Decode(data []byte) (prog *Program, segs []Segment, err error) {
	d := &decoder{buf: data}
	prog = &Program{Fset: token.NewFileSet(), TypeByDesc: map[uintptr]*Type{}, FuncVal: map[int32]uintptr{}}
	if err := prog.Fset.Read(func(v any) error {
		d.value(reflect.ValueOf(v))
		return d.err
	}); err != nil {
		return nil, nil, ErrCorrupt
	}
	segs = make([]Segment, d.count())
	for i := range segs {
		segs[i].Addr = uintptr(d.uint())
		segs[i].Bytes = d.bytes()
	}
	for _, a := range []*uintptr{&prog.TextBase, &prog.TypesBase, &prog.RODataEnd, &prog.HeapStart, &prog.StaticEnd, &prog.DataEnd, &prog.ZeroBase} {
		*a = uintptr(d.uint())
	}
	d.types = make([]*Type, d.count())
	for i := range d.types {
		d.types[i] = new(Type)
	}
	for _, t := range d.types {
		d.typ(t)
	}
	prog.Types = make([]*Type, d.count())
	for i := range prog.Types {
		prog.Types[i] = d.ref()
	}
	for n := d.count(); n > 0 && d.err == nil; n-- {
		desc := uintptr(d.uint())
		prog.TypeByDesc[desc] = d.ref()
	}
	prog.Funcs = make([]*Func, d.count())
	for i := range prog.Funcs {
		prog.Funcs[i] = d.fn()
		if prog.Funcs[i].Index != int32(i) {
			d.fail()
		}
	}
	prog.Itabs = make([]Itab, d.count())
	for i := range prog.Itabs {
		prog.Itabs[i] = Itab{Addr: uintptr(d.uint()), Iface: d.ref(), Type: d.ref()}
	}
	prog.Typelinks = make([]uintptr, d.count())
	for i := range prog.Typelinks {
		prog.Typelinks[i] = uintptr(d.uint())
	}
	prog.RuntimeMain = d.funcIndex(len(prog.Funcs))
	prog.InitFuncs = d.int32s()
	for _, f := range prog.InitFuncs {
		d.checkFunc(f, len(prog.Funcs))
	}
	prog.MainMain = d.funcIndex(len(prog.Funcs))
	prog.FatalPanic = d.funcIndex(len(prog.Funcs))
	for n := d.count(); n > 0 && d.err == nil; n-- {
		i := d.funcIndex(len(prog.Funcs))
		prog.FuncVal[i] = uintptr(d.uint())
	}
	et := &prog.ErrTypes
	for _, t := range []**Type{&et.BoundsError, &et.ErrorString, &et.PlainError, &et.ErrorAddressString, &et.TypeAssertionError, &et.PanicNilError, &et.UnhashableTypeError, &et.Error} {
		*t = d.ref()
	}
	prog.LineNames = make([]LineName, d.count())
	for i := range prog.LineNames {
		prog.LineNames[i] = LineName{Pos: token.Pos(d.int()), Joined: d.str(), Name: d.str()}
	}
	for _, t := range d.types {
		for _, m := range t.Methods {
			d.checkFunc(m.Func, len(prog.Funcs))
		}
	}
	if d.err == nil && len(d.buf) != 0 {
		d.err = ErrCorrupt
	}
	if d.err != nil {
		return nil, nil, d.err
	}
	return prog, segs, nil
}

// decoder reads Encode's bytes; its first error sticks, and every read
// after it returns zero values.
type decoder struct {
	buf   []byte
	err   error
	types []*Type
}

func (d *decoder) fail() {
	if d.err == nil {
		d.err = ErrCorrupt
	}
	d.buf = nil
}

func (d *decoder) uint() uint64 {
	var v uint64
	for shift := uint(0); shift < 64; shift += 7 {
		if len(d.buf) == 0 {
			d.fail()
			return 0
		}
		b := d.buf[0]
		d.buf = d.buf[1:]
		v |= uint64(b&0x7f) << shift
		if b < 0x80 {
			return v
		}
	}
	d.fail()
	return 0
}

func (d *decoder) int() int64 {
	u := d.uint()
	return int64(u>>1) ^ -int64(u&1)
}

func (d *decoder) int32() int32 {
	v := d.int()
	if int64(int32(v)) != v {
		d.fail()
		return 0
	}
	return int32(v)
}

func (d *decoder) bool() bool { return d.uint() != 0 }

// count reads a length. Every element takes at least a byte, so a count
// larger than what is left is corrupt, which bounds every allocation by
// the input's size.
func (d *decoder) count() int {
	n := d.uint()
	if n > uint64(len(d.buf)) {
		d.fail()
		return 0
	}
	return int(n)
}

func (d *decoder) bytes() []byte {
	n := d.count()
	b := d.buf[:n:n]
	d.buf = d.buf[n:]
	return b
}

func (d *decoder) str() string { return string(d.bytes()) }

func (d *decoder) int32s() []int32 {
	n := d.count()
	if n == 0 {
		return nil
	}
	v := make([]int32, n)
	for i := range v {
		v[i] = d.int32()
	}
	return v
}

func (d *decoder) ref() *Type {
	i := d.uint()
	if i == 0 {
		return nil
	}
	if i > uint64(len(d.types)) {
		d.fail()
		return nil
	}
	return d.types[i-1]
}

func (d *decoder) checkFunc(i int32, n int) {
	if i < 0 || int(i) >= n {
		d.fail()
	}
}

func (d *decoder) funcIndex(n int) int32 {
	i := d.int32()
	d.checkFunc(i, n)
	return i
}

func (d *decoder) typ(t *Type) {
	t.Index = d.int32()
	t.Desc = uintptr(d.uint())
	t.String = d.str()
	t.Kind = Kind(d.uint())
	t.Size = uintptr(d.uint())
	t.Align = uintptr(d.uint())
	t.HasPtrs = d.bool()
	t.Comparable = d.bool()
	t.RegularMemory = d.bool()
	t.Elem = d.ref()
	t.Key = d.ref()
	t.Len = d.int()
	if n := d.count(); n > 0 {
		t.Fields = make([]Field, n)
		for i := range t.Fields {
			t.Fields[i] = Field{Name: d.str(), Type: d.ref(), Offset: uintptr(d.uint())}
		}
	}
	t.ChanDir = int(d.int())
	if n := d.count(); n > 0 {
		t.IMethods = make([]string, n)
		for i := range t.IMethods {
			t.IMethods[i] = d.str()
		}
	}
	t.Class = uint16(d.uint())
	t.DirectIface = d.bool()
	if n := d.count(); n > 0 {
		t.Methods = make([]Method, n)
		for i := range t.Methods {
			t.Methods[i] = Method{Name: d.str(), Func: d.int32()}
		}
	}
	t.PkgPath = d.str()
}

func (d *decoder) fn() *Func {
	f := &Func{Name: d.str(), Index: d.int32()}
	if n := d.count(); n > 0 {
		f.Code = make([]Instr, n)
		for i := range f.Code {
			f.Code[i] = Instr{Op: Op(d.uint()), K: uint16(d.uint()), A: d.int32(), B: d.int32(), C: d.int32()}
		}
	}
	if n := d.count(); n > 0 {
		f.Pos = make([]token.Pos, n)
		prev := token.Pos(0)
		for i := range f.Pos {
			prev += token.Pos(d.int())
			f.Pos[i] = prev
		}
	}
	f.ArgSize = d.int32()
	f.FrameSize = d.int32()
	f.ConstOff = d.int32()
	if n := d.count(); n > 0 {
		f.Consts = make([]uint64, n)
		for i := range f.Consts {
			f.Consts[i] = d.uint()
		}
	}
	f.PtrSlots = d.int32s()
	if n := d.count(); n > 0 {
		f.Safepoints = make([]Safepoint, n)
		for i := range f.Safepoints {
			f.Safepoints[i] = Safepoint{PC: d.int32(), Live: d.int32s()}
		}
	}
	f.Aux = d.int32s()
	flags := d.uint()
	for i, b := range []*bool{&f.Wrapper, &f.HostOnly, &f.HasParams, &f.Inlinable, &f.CapturesAsArgs} {
		*b = flags&(1<<i) != 0
	}
	f.RecoverPC = d.int32()
	f.Native = d.str()
	f.Text = uintptr(d.uint())
	f.File = d.str()
	f.Line = int(d.int())
	return f
}

// value fills v, the shape fileSet wrote.
func (d *decoder) value(v reflect.Value) {
	if d.err != nil {
		return
	}
	switch v.Kind() {
	case reflect.Int:
		v.SetInt(d.int())
	case reflect.String:
		v.SetString(d.str())
	case reflect.Slice:
		n := d.count()
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
		d.fail()
	}
}
