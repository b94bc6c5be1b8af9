package runtime

import (
	"encoding/binary"
	"math/bits"

	"gort/internal/arena"
	"gort/internal/bytecode"
)

// Type descriptors as the runtime reads them: the runtime's only type
// currency (DESIGN.md §3). A type is named by the address of its abi.Type,
// whether the compiler laid it out in the image or reflect made it at run
// time (PointerTo, SliceOf, MapOf, ArrayOf, ChanOf, FuncOf, StructOf write
// new descriptors into the heap), and host code learns what it needs from
// the descriptor's own bytes.
//
// Those bytes are arena memory, so untrusted: a program with unsafe can
// forge a descriptor or hand any address to a hook that takes a type. So
// a typeView is read once per address, every word of it validated (where
// the descriptor lies, its kind and size, every count, name, offset and
// pointer it holds), and cached: later reads use the validated snapshot,
// whatever the program writes over the bytes afterwards. A word that fails
// faults, as gc faults on a bad descriptor, never panics the host.
//
// typeAt turns an address into the *bytecode.Type the runtime's slow paths
// take: the compiler's own for a descriptor it laid out, else one derived
// from views (madeType). Deriving follows every Elem, Key and field type
// with a work list, never by recursion, so a cycle of descriptors (legal
// through pointers, as in type P *P) or a long forged chain cannot exhaust
// the host stack; what must be acyclic (a struct or array holding itself
// inline) is checked, with a bound on nesting, because the runtime's
// equality, hashing and pointer walks recurse through exactly that.
//
// The caches belong to the VM, like its map types: today one M runs a VM.
// No descriptor is ever freed (reflect keeps the types it makes for good,
// in caches that are GC roots), so an address never names two types.

// typeCache is a VM's memory of descriptors.
type typeCache struct {
	views map[uintptr]*typeView
	made  map[uintptr]*bytecode.Type // types derived from views (madeType)
	// reflectOffs are the offsets reflect.addReflectOff hands out for the
	// names, types and code pointers of types made at run time: negative
	// ids, as the real runtime's, which resolveOff and the views map back.
	// For the collector to come, every value here is a root.
	reflectOffs struct {
		m    map[int32]uintptr
		minv map[uintptr]int32
		next int32
	}
	// typelinks is the arena array of the image's typelinks offsets, made
	// on first use (reflect.typelinks).
	typelinks uintptr
}

func (c *typeCache) init() {
	c.views = map[uintptr]*typeView{}
	c.made = map[uintptr]*bytecode.Type{}
	c.reflectOffs.m = map[int32]uintptr{}
	c.reflectOffs.minv = map[uintptr]int32{}
	c.reflectOffs.next = -1
}

// Bounds on what a descriptor may hold. Go programs stay far below them;
// they keep a forged count from sizing a host allocation.
const (
	maxTypeItems  = 1 << 16 // struct fields, interface methods
	maxNameLen    = 1 << 24 // bytes of one abi.Name's text or tag
	maxMadeTypes  = 1 << 16 // descriptors one madeType may derive
	maxInlineNest = 1000    // struct and array nesting of a made type
	maxReflectOff = 1 << 22 // ids reflect.addReflectOff may hand out
)

// The parts of the internal/abi layout that mfinal.go does not name already.
const (
	abiOffSize      = 0
	abiOffPtrBytes  = 8
	abiOffHash      = 16
	abiOffAlign     = 21
	abiOffEqual     = 24
	abiOffGCData    = 32
	abiOffStr       = 40
	abiOffPtrToThis = 44

	abiOffArrayLen   = abiTypeSize + 16 // ArrayType.Len (after Elem, Slice)
	abiOffChanDir    = abiTypeSize + 8  // ChanType.Dir
	abiOffPkgPath    = abiTypeSize      // StructType, InterfaceType: PkgPath Name
	abiOffList       = abiTypeSize + 8  // their Fields or Methods slice
	abiOffMapKey     = abiTypeSize
	abiOffMapElem    = abiTypeSize + 8
	abiOffMapGroup   = abiTypeSize + 16
	abiOffMapHasher  = abiTypeSize + 24
	abiOffGroupSize  = abiTypeSize + 32
	abiOffSlotSize   = abiTypeSize + 40
	abiOffElemOff    = abiTypeSize + 48
	abiOffMapFlags   = abiTypeSize + 56
	abiStructField   = 24 // Name, Typ *Type, Offset uintptr
	abiOffUncPkgPath = 0  // UncommonType.PkgPath NameOff

	abiTFlagExtraStar      = 1 << 1
	abiTFlagNamed          = 1 << 2
	abiTFlagDirectIface    = 1 << 5
	abiTFlagGCMaskOnDemand = 1 << 4

	abiNameExported = 1 << 0
	abiNameHasTag   = 1 << 1
	abiNameHasPkg   = 1 << 2
	abiNameEmbedded = 1 << 3
)

// abiFixedSize is the size of a kind's descriptor before its UncommonType:
// abi.Type and the kind's own part.
func abiFixedSize(k bytecode.Kind) uintptr {
	switch k {
	case bytecode.Pointer, bytecode.Slice, bytecode.FuncKind:
		return abiTypeSize + 8
	case bytecode.Array:
		return abiTypeSize + 24
	case bytecode.Chan:
		return abiTypeSize + 16
	case bytecode.Interface, bytecode.Struct:
		return abiTypeSize + 32
	case bytecode.Map:
		return abiTypeSize + 64
	}
	return abiTypeSize
}

// abiKindSize is the size every value of a kind has, 0 for the aggregates.
func abiKindSize(k bytecode.Kind) uintptr {
	switch k {
	case bytecode.Bool, bytecode.Int8, bytecode.Uint8:
		return 1
	case bytecode.Int16, bytecode.Uint16:
		return 2
	case bytecode.Int32, bytecode.Uint32, bytecode.Float32:
		return 4
	case bytecode.Complex128, bytecode.String, bytecode.Interface:
		return 16
	case bytecode.Slice:
		return 24
	case bytecode.Array, bytecode.Struct:
		return 0
	}
	return 8
}

// typeView is the validated content of one descriptor. Addresses of other
// descriptors (elem, key, field and method types) are validated only as
// words here; each is read as a view of its own when it is used.
type typeView struct {
	desc      uintptr
	size      uintptr
	ptrBytes  uintptr
	hash      uint32
	tflag     uint8
	align     uint8
	kind      bytecode.Kind
	equal     uintptr // funcval, 0 for an incomparable type
	gcdata    uintptr
	str       string
	ptrToThis uintptr // 0 if none is recorded

	elem uintptr       // pointer, slice, array, chan, map
	len  uintptr       // array
	dir  int           // chan: 1 recv, 2 send, 3 both
	mapT mapTypeFields // map

	pkgPath  string // struct and interface descriptors' PkgPath
	fields   []fieldView
	imethods []imethodView
	in, out  []uintptr // func parameter and result types
	variadic bool

	uncommon bool
	methods  []methodView // the UncommonType's method table
}

type mapTypeFields struct {
	key, group, hasher           uintptr
	groupSize, slotSize, elemOff uintptr
	flags                        uint32
}

type fieldView struct {
	name, tag          string
	exported, embedded bool
	typ, offset        uintptr
}

type imethodView struct {
	name, pkgPath string // pkgPath only for an unexported name
	typ           uintptr
}

type methodView struct {
	name, pkgPath string  // pkgPath only for an unexported name
	mtyp          uintptr // the method's func type without receiver; 0 if absent
	ifn, tfn      uintptr // code pointers; 0 if absent
}

// typeView returns the validated view of the descriptor at desc, reading
// it on first use.
func (vm *vm) typeView(desc uintptr) *typeView {
	if v := vm.types.views[desc]; v != nil {
		return v
	}
	v := readTypeView(vm, desc)
	vm.types.views[desc] = v
	return v
}

// descPlaced reports whether n bytes at desc can hold a descriptor: in the
// image's types section, or inside one heap object (reflect allocates the
// descriptors it makes). A type word pointing anywhere else (a stack, a
// package variable, the middle of two objects) names no type.
func (vm *vm) descPlaced(desc, n uintptr) bool {
	if desc%8 != 0 || desc < arena.NilGuard {
		return false
	}
	prog := vm.prog
	if desc >= prog.TypesBase && desc < prog.RODataEnd {
		return n <= prog.RODataEnd-desc
	}
	base, s := vm.mheap.findObject(desc)
	return base != 0 && n <= base+s.elemsize-desc
}

func readTypeView(vm *vm, desc uintptr) *typeView {
	bad := func() { panic(arena.Fault{Addr: desc}) }
	if !vm.descPlaced(desc, abiTypeSize) {
		bad()
	}
	b := vm.bytesAt(desc, abiTypeSize)
	le := binary.LittleEndian
	v := &typeView{
		desc:     desc,
		size:     uintptr(le.Uint64(b[abiOffSize:])),
		ptrBytes: uintptr(le.Uint64(b[abiOffPtrBytes:])),
		hash:     le.Uint32(b[abiOffHash:]),
		tflag:    b[abiOffTFlag],
		align:    b[abiOffAlign],
		kind:     bytecode.Kind(b[abiOffKind]),
		equal:    uintptr(le.Uint64(b[abiOffEqual:])),
		gcdata:   uintptr(le.Uint64(b[abiOffGCData:])),
	}
	str, ptrToThis := int32(le.Uint32(b[abiOffStr:])), int32(le.Uint32(b[abiOffPtrToThis:]))
	v.uncommon = v.tflag&abiTFlagUncommon != 0

	// The common words: a kind abi knows, a size the arena could hold,
	// an alignment of 1 to 8 bytes that divides it, a pointer prefix of
	// whole words within it, a pointer-shaped direct-interface type.
	if v.kind == bytecode.Invalid || v.kind > bytecode.UnsafePointer {
		bad()
	}
	if v.size > arena.Size || v.ptrBytes > v.size || v.ptrBytes%8 != 0 {
		bad()
	}
	if v.align == 0 || v.align > 8 || v.align&(v.align-1) != 0 || v.size%uintptr(v.align) != 0 {
		bad()
	}
	if ks := abiKindSize(v.kind); ks != 0 && v.size != ks {
		bad()
	}
	if v.tflag&abiTFlagDirectIface != 0 && (v.size != 8 || v.ptrBytes != 8) {
		bad()
	}
	fixed := abiFixedSize(v.kind)
	whole := fixed
	if v.uncommon {
		whole += abiUncommonSize
	}
	if !vm.descPlaced(desc, whole) {
		bad()
	}

	v.str = readName(vm, resolveOff(vm, str)).text
	if v.tflag&abiTFlagExtraStar != 0 {
		if v.str == "" || v.str[0] != '*' {
			bad()
		}
		v.str = v.str[1:]
	}
	if ptrToThis != 0 {
		v.ptrToThis = resolveOff(vm, ptrToThis)
	}

	typeWord := func(off uintptr) uintptr {
		p := uintptr(vm.ld(desc + off))
		if p == 0 {
			bad()
		}
		return p
	}
	switch v.kind {
	case bytecode.Pointer, bytecode.Slice:
		v.elem = typeWord(abiOffElem)
	case bytecode.Array:
		v.elem = typeWord(abiOffElem)
		v.len = uintptr(vm.ld(desc + abiOffArrayLen))
	case bytecode.Chan:
		v.elem = typeWord(abiOffElem)
		v.dir = int(vm.ld(desc + abiOffChanDir))
		if v.dir < 1 || v.dir > 3 {
			bad()
		}
	case bytecode.Map:
		v.mapT = mapTypeFields{
			key:       typeWord(abiOffMapKey),
			group:     typeWord(abiOffMapGroup),
			hasher:    uintptr(vm.ld(desc + abiOffMapHasher)),
			groupSize: uintptr(vm.ld(desc + abiOffGroupSize)),
			slotSize:  uintptr(vm.ld(desc + abiOffSlotSize)),
			elemOff:   uintptr(vm.ld(desc + abiOffElemOff)),
			flags:     vm.ld32(desc + abiOffMapFlags),
		}
		v.elem = typeWord(abiOffMapElem)
		if v.mapT.slotSize > v.mapT.groupSize || v.mapT.elemOff > v.mapT.slotSize || v.mapT.groupSize > arena.Size {
			bad()
		}
	case bytecode.FuncKind:
		in := uintptr(vm.mem.MustLoad16(desc + abiOffInCount))
		out := uintptr(vm.mem.MustLoad16(desc + abiOffOutCount))
		v.variadic = out&abiVariadicFlag != 0
		out &^= abiVariadicFlag
		params := desc + whole
		words := vm.mem.MustBytes(params, 8*(in+out))
		all := make([]uintptr, in+out)
		for i := range all {
			if all[i] = uintptr(le.Uint64(words[8*i:])); all[i] == 0 {
				bad()
			}
		}
		v.in, v.out = all[:in:in], all[in:]
	case bytecode.Struct:
		v.pkgPath = readName(vm, uintptr(vm.ld(desc+abiOffPkgPath))).text
		list, n := readList(vm, desc, abiStructField)
		v.fields = make([]fieldView, n)
		for i := range v.fields {
			q := list + uintptr(i)*abiStructField
			nm := readName(vm, uintptr(vm.ld(q)))
			f := fieldView{name: nm.text, tag: nm.tag, exported: nm.flags&abiNameExported != 0,
				embedded: nm.flags&abiNameEmbedded != 0, typ: uintptr(vm.ld(q + 8)), offset: uintptr(vm.ld(q + 16))}
			if f.typ == 0 || f.offset > v.size {
				bad()
			}
			v.fields[i] = f
		}
	case bytecode.Interface:
		v.pkgPath = readName(vm, uintptr(vm.ld(desc+abiOffPkgPath))).text
		list, n := readList(vm, desc, abiIMethodSize)
		v.imethods = make([]imethodView, n)
		for i := range v.imethods {
			q := list + uintptr(i)*abiIMethodSize
			nm := readName(vm, resolveOff(vm, int32(vm.ld32(q))))
			m := imethodView{name: nm.text, pkgPath: nm.pkgPath(vm, v.pkgPath)}
			if m.typ = resolveOff(vm, int32(vm.ld32(q+4))); m.typ == 0 {
				bad()
			}
			v.imethods[i] = m
		}
	}
	if v.uncommon {
		readMethods(vm, v, desc+fixed)
	}
	return v
}

// readList reads the slice header of a struct's fields or an interface's
// methods, each elem bytes, checking that the whole array is arena memory.
func readList(vm *vm, desc, elem uintptr) (uintptr, int) {
	p, n := uintptr(vm.ld(desc+abiOffList)), uintptr(vm.ld(desc+abiOffList+8))
	if n > maxTypeItems {
		panic(arena.Fault{Addr: desc + abiOffList + 8})
	}
	if n > 0 && !vm.mem.Valid(p, n*elem) {
		panic(arena.Fault{Addr: p})
	}
	return p, int(n)
}

// readMethods reads the UncommonType at u and its method table.
func readMethods(vm *vm, v *typeView, u uintptr) {
	pkgPath := ""
	if off := int32(vm.ld32(u + abiOffUncPkgPath)); off != 0 {
		pkgPath = readName(vm, resolveOff(vm, off)).text
	}
	mcount := uintptr(vm.mem.MustLoad16(u + abiOffMcount))
	table := u + uintptr(vm.ld32(u+abiOffMoff))
	if mcount == 0 {
		return
	}
	b := vm.bytesAt(table, mcount*abiMethodSize)
	le := binary.LittleEndian
	v.methods = make([]methodView, mcount)
	for i := range v.methods {
		e := b[i*abiMethodSize:]
		nm := readName(vm, resolveOff(vm, int32(le.Uint32(e))))
		m := methodView{name: nm.text, pkgPath: nm.pkgPath(vm, pkgPath)}
		// gc writes -1 for the parts of a method the linker found
		// unreachable; such a method satisfies no interface.
		if off := int32(le.Uint32(e[4:])); off != -1 && off != 0 {
			m.mtyp = resolveOff(vm, off)
		}
		m.ifn = resolveTextOff(vm, int32(le.Uint32(e[8:])))
		m.tfn = resolveTextOff(vm, int32(le.Uint32(e[12:])))
		v.methods[i] = m
	}
}

// resolveTextOff turns a method's TextOff into a code pointer, checked to
// be a function's entry; -1 (unreachable) is 0.
func resolveTextOff(vm *vm, off int32) uintptr {
	if off == -1 {
		return 0
	}
	pc := vm.prog.TextBase + uintptr(int64(off))
	if off < 0 {
		pc = vm.types.reflectOffs.m[off]
	}
	if _, ok := funcForCode(vm, uint64(pc)); !ok {
		panic(arena.Fault{Addr: pc})
	}
	return pc
}

// abiName is a decoded abi.Name.
type abiName struct {
	text, tag string
	flags     byte
	pkg       int32 // NameOff of the package path, with abiNameHasPkg
}

// pkgPath is the package that qualifies an unexported name: its own, or
// def (the type's) where the name records none. Exported names have none.
func (n abiName) pkgPath(vm *vm, def string) string {
	if n.flags&abiNameExported != 0 {
		return ""
	}
	if n.flags&abiNameHasPkg != 0 {
		return readName(vm, resolveOff(vm, n.pkg)).text
	}
	return def
}

// readName decodes the abi.Name at p (0 is the empty name): a flag byte,
// the varint length and bytes of the text, the tag the same way, and the
// package's NameOff.
func readName(vm *vm, p uintptr) abiName {
	if p == 0 {
		return abiName{}
	}
	n := abiName{flags: vm.ld8(p)}
	q := p + 1
	n.text, q = readNameString(vm, q)
	if n.flags&abiNameHasTag != 0 {
		n.tag, q = readNameString(vm, q)
	}
	if n.flags&abiNameHasPkg != 0 {
		n.pkg = int32(binary.LittleEndian.Uint32(vm.bytesAt(q, 4)))
	}
	return n
}

func readNameString(vm *vm, p uintptr) (string, uintptr) {
	var n uintptr
	for shift := 0; ; shift += 7 {
		c := vm.ld8(p)
		p++
		n |= uintptr(c&0x7f) << shift
		if c < 0x80 {
			break
		}
		if shift >= 28 {
			panic(arena.Fault{Addr: p})
		}
	}
	if n > maxNameLen {
		panic(arena.Fault{Addr: p})
	}
	return string(vm.bytesAt(p, n)), p + n
}

// madeType returns the type of a descriptor the compiler did not lay out,
// derived from views with everything it refers to, and cached.
func (vm *vm) madeType(desc uintptr) *bytecode.Type {
	if t := vm.types.made[desc]; t != nil {
		return t
	}
	fresh := map[uintptr]*bytecode.Type{}
	var order []*bytecode.Type
	ref := func(d uintptr) *bytecode.Type {
		if t := vm.prog.TypeByDesc[d]; t != nil {
			return t
		}
		if t := vm.types.made[d]; t != nil {
			return t
		}
		if t := fresh[d]; t != nil {
			return t
		}
		if len(order) == maxMadeTypes {
			panic(arena.Fault{Addr: d})
		}
		t := &bytecode.Type{Index: -1, Desc: d}
		fresh[d] = t
		order = append(order, t)
		return t
	}
	ref(desc)
	for i := 0; i < len(order); i++ {
		fillMadeType(vm, order[i], ref)
	}
	done := map[*bytecode.Type]bool{}
	var check func(t *bytecode.Type, depth int)
	check = func(t *bytecode.Type, depth int) {
		if fresh[t.Desc] != t || done[t] {
			return
		}
		if depth > maxInlineNest {
			panic(arena.Fault{Addr: t.Desc}) // or a type that holds itself
		}
		switch t.Kind {
		case bytecode.Array:
			check(t.Elem, depth+1)
		case bytecode.Struct:
			for _, f := range t.Fields {
				check(f.Type, depth+1)
			}
		}
		deriveMadeType(vm, t)
		done[t] = true
	}
	for _, t := range order {
		check(t, 0)
	}
	for d, t := range fresh {
		vm.types.made[d] = t
	}
	return fresh[desc]
}

// fillMadeType fills what t's own view says, naming the types it refers
// to through ref.
func fillMadeType(vm *vm, t *bytecode.Type, ref func(uintptr) *bytecode.Type) {
	v := vm.typeView(t.Desc)
	t.String = v.str
	t.Kind = v.kind
	t.Size = v.size
	t.Align = uintptr(v.align)
	t.Class = kindClass(v.kind)
	t.DirectIface = v.tflag&abiTFlagDirectIface != 0
	if v.tflag&abiTFlagNamed != 0 && v.uncommon {
		t.PkgPath = readName(vm, uncommonPkgPath(vm, v)).text
	}
	switch v.kind {
	case bytecode.Pointer, bytecode.Slice:
		t.Elem = ref(v.elem)
	case bytecode.Array:
		t.Elem = ref(v.elem)
		t.Len = int64(v.len)
		if t.Len < 0 {
			panic(arena.Fault{Addr: t.Desc})
		}
	case bytecode.Chan:
		t.Elem = ref(v.elem)
		t.ChanDir = v.dir
	case bytecode.Map:
		t.Key = ref(v.mapT.key)
		t.Elem = ref(v.elem)
	case bytecode.Struct:
		t.Fields = make([]bytecode.Field, len(v.fields))
		for i, f := range v.fields {
			t.Fields[i] = bytecode.Field{Name: f.name, Type: ref(f.typ), Offset: f.offset}
		}
	case bytecode.Interface:
		t.IMethods = make([]string, len(v.imethods))
		for i, m := range v.imethods {
			t.IMethods[i] = m.name
			if m.pkgPath != "" {
				t.IMethods[i] = m.pkgPath + "." + m.name
			}
		}
	}
}

// uncommonPkgPath is the address of the name an UncommonType records.
func uncommonPkgPath(vm *vm, v *typeView) uintptr {
	off := int32(vm.ld32(v.desc + abiFixedSize(v.kind) + abiOffUncPkgPath))
	if off == 0 {
		return 0
	}
	return resolveOff(vm, off)
}

// deriveMadeType checks t's layout against the types it holds inline,
// which are complete, and derives what the runtime decides from the
// structure rather than from flags a forged descriptor could set apart
// from it: whether it holds pointers (which its pointer prefix must agree
// with), is comparable, and compares as plain memory.
func deriveMadeType(vm *vm, t *bytecode.Type) {
	v := vm.typeView(t.Desc)
	bad := func() { panic(arena.Fault{Addr: t.Desc}) }
	switch t.Kind {
	case bytecode.Float32, bytecode.Float64, bytecode.Complex64, bytecode.Complex128:
		t.Comparable = true
	case bytecode.String, bytecode.Interface:
		t.Comparable, t.HasPtrs = true, true
	case bytecode.Pointer, bytecode.UnsafePointer, bytecode.Chan:
		t.Comparable, t.HasPtrs, t.RegularMemory = true, true, true
	case bytecode.Map, bytecode.FuncKind, bytecode.Slice:
		t.HasPtrs = true
	case bytecode.Array:
		e := t.Elem
		hi, lo := bits.Mul64(uint64(e.Size), uint64(t.Len))
		if hi != 0 || lo != uint64(t.Size) || e.Align > t.Align {
			bad()
		}
		t.Comparable = e.Comparable
		t.HasPtrs = t.Len > 0 && e.HasPtrs
		t.RegularMemory = e.RegularMemory
	case bytecode.Struct:
		t.Comparable, t.RegularMemory = true, true
		var end uintptr
		for _, f := range t.Fields {
			if f.Type.Size > t.Size-f.Offset || f.Type.Align > t.Align {
				bad()
			}
			t.Comparable = t.Comparable && f.Type.Comparable
			t.HasPtrs = t.HasPtrs || f.Type.HasPtrs
			if f.Name == "_" || !f.Type.RegularMemory || f.Offset != end {
				t.RegularMemory = false
			}
			end = f.Offset + f.Type.Size
		}
		if end != t.Size {
			t.RegularMemory = false
		}
	default: // booleans and integers
		t.Comparable, t.RegularMemory = true, true
	}
	if t.HasPtrs != (v.ptrBytes != 0) {
		bad()
	}
	if !t.Comparable {
		t.RegularMemory = false
	} else if t.Size == 0 {
		t.RegularMemory = true // nothing to compare or hash
	}
}

// kindClass is the load class of a kind's scalar values (0 for aggregates),
// as the compiler assigns it.
func kindClass(k bytecode.Kind) uint16 {
	switch k {
	case bytecode.Bool, bytecode.Uint8:
		return bytecode.ClassU8
	case bytecode.Int8:
		return bytecode.ClassI8
	case bytecode.Int16:
		return bytecode.ClassI16
	case bytecode.Uint16:
		return bytecode.ClassU16
	case bytecode.Int32:
		return bytecode.ClassI32
	case bytecode.Uint32, bytecode.Float32:
		return bytecode.ClassU32
	case bytecode.Int, bytecode.Int64, bytecode.Uint, bytecode.Uint64, bytecode.Uintptr,
		bytecode.Float64, bytecode.Complex64:
		return bytecode.ClassW64
	case bytecode.UnsafePointer, bytecode.Pointer, bytecode.Map, bytecode.Chan, bytecode.FuncKind:
		return bytecode.ClassPtr
	}
	return 0
}

func init() {
	// addReflectOff(ptr unsafe.Pointer) int32: the id by which a type that
	// reflect made refers to its name, a type or a code pointer, where a
	// type in the image has an offset into its module.
	nativeTable["reflect.addReflectOff"] = func(mp *m, gp *g, fp uintptr) int {
		vm := mp.vm
		ptr := uintptr(vm.ld(fp))
		offs := &vm.types.reflectOffs
		id, ok := offs.minv[ptr]
		if !ok {
			if offs.next < -maxReflectOff {
				fatal("runtime: too many types made by reflect")
			}
			id = offs.next
			offs.next--
			offs.m[id] = ptr
			offs.minv[ptr] = id
		}
		vm.mem.MustStore32(fp+8, uint32(id))
		return stContinue
	}
	// typelinks() (sections []unsafe.Pointer, offset [][]int32): the
	// image's one module, and its typelinks as offsets from the types
	// section, sorted by type string.
	nativeTable["reflect.typelinks"] = func(mp *m, gp *g, fp uintptr) int {
		vm := mp.vm
		links := vm.prog.Typelinks
		if vm.types.typelinks == 0 && len(links) > 0 {
			b := make([]byte, 4*len(links))
			for i, p := range links {
				binary.LittleEndian.PutUint32(b[4*i:], uint32(p-vm.prog.TypesBase))
			}
			vm.types.typelinks = mallocgc(mp, uintptr(len(b)), nil)
			if !vm.mem.WriteBytes(vm.types.typelinks, b) {
				throw("typelinks: fresh object not writable")
			}
		}
		sections := mallocgc(mp, 8, conservativeType(mp, "reflect.typelinks", 8))
		vm.st(sections, uint64(vm.prog.TypesBase))
		offset := mallocgc(mp, 24, conservativeType(mp, "reflect.typelinks", 24))
		n := uint64(len(links))
		vm.mem.MustWriteWords(offset, []uint64{uint64(vm.types.typelinks), n, n})
		vm.mem.MustWriteWords(fp, []uint64{uint64(sections), 1, 1, uint64(offset), 1, 1})
		return stContinue
	}
}
