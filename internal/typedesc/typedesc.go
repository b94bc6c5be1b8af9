// Package typedesc builds the runtime type descriptors of a program image:
// the abi.Type records (with their kind-specific parts, uncommon types and
// method tables), the names they point at, GC pointer masks, equality
// funcvals, itabs and the typelinks table, laid out in arena memory exactly
// as gc and its linker lay them out for Go 1.26 on linux/amd64. That is
// what lets reflect, internal/reflectlite and fmt run from their real
// source, and what the runtime's itabs, type switches, maps and GC read.
//
// The builder works from go/types types. It keeps one descriptor per type
// up to types.Identical, builds whatever a descriptor refers to (element,
// field, parameter and method types, map groups, the slice type of an
// array, *T for a defined T) when it is first asked for, and writes every
// byte through package arena into memory the Env gives it.
//
// Two spellings of a type matter (see typestring.go): the descriptor's
// string, which reflect shows, and gc's link string, whose hash is the
// descriptor's Hash, so a type hash here is the one gc computes.
//
// A builder never frees what it writes, never stores a host pointer in the
// arena, and is not safe for concurrent use.
//
// The descriptor oracle (oracle_test.go) holds all of this to a real gc
// binary's descriptors for a corpus of types, which testdata/corpus dumps
// and testdata/native.json records; go generate re-records it with the
// real toolchain.
package typedesc

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"go/types"
	"sort"
	"strings"

	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/types/typeutil"

	"gort/internal/arena"
)

//go:generate sh -c "go run ./testdata/corpus > testdata/native.json"

// Env is what the builder needs from the program image being built.
type Env interface {
	// Arena is the arena the image is written into.
	Arena() *arena.Arena
	// Alloc returns zeroed arena memory in the image's types section,
	// never freed.
	Alloc(size, align uintptr) uintptr
	// TypesBase is the start of the types section: NameOff and TypeOff
	// are relative to it.
	TypesBase() uintptr
	// TextBase is what TextOff is relative to.
	TextBase() uintptr
	// FuncText is the code pointer of a compiled function (method
	// implementations and wrappers).
	FuncText(fn *ssa.Function) uintptr
	// NativeText is the code pointer of a runtime native, named as in
	// EqualNatives.
	NativeText(name string) uintptr
	// Prebuilt is the address of t's descriptor in an image this one
	// links against, or 0.
	Prebuilt(t types.Type) uintptr
}

// Builder builds and remembers the descriptors of one program image.
type Builder struct {
	env   Env
	mem   *arena.Arena // env.Arena()
	prog  *ssa.Program
	sizes types.Sizes

	descs  typeutil.Map // types.Type -> uintptr
	byAddr map[uintptr]*typeInfo
	groups typeutil.Map // map type -> *mapGroup

	groupMap     map[*types.Struct]*types.Map // synthesised group -> its map
	noalg        map[types.Type]bool          // synthesised types with no equality
	fieldOffsets map[*types.Struct][]int64
	localGens    map[*types.Package]map[*types.TypeName]int
	instLocals   map[*types.TypeName]instLocal // found when first needed (instlocal.go)

	names    map[string]uintptr // abi.Name encoding -> address
	masks    map[string]uintptr // GC mask bytes -> address
	closures map[closureKey]uintptr
	itabs    map[[2]uintptr]uintptr
}

// typeInfo is what the builder remembers about a descriptor it wrote.
type typeInfo struct {
	t    types.Type
	str  string // the descriptor's string
	link bool   // whether it belongs in typelinks
}

// NewBuilder returns a builder writing through env, taking method
// implementations from prog.
func NewBuilder(env Env, prog *ssa.Program) *Builder {
	return &Builder{
		env:          env,
		mem:          env.Arena(),
		prog:         prog,
		sizes:        types.SizesFor("gc", "amd64"),
		byAddr:       map[uintptr]*typeInfo{},
		groupMap:     map[*types.Struct]*types.Map{},
		noalg:        map[types.Type]bool{},
		fieldOffsets: map[*types.Struct][]int64{},
		localGens:    map[*types.Package]map[*types.TypeName]int{},
		names:        map[string]uintptr{},
		masks:        map[string]uintptr{},
		closures:     map[closureKey]uintptr{},
		itabs:        map[[2]uintptr]uintptr{},
	}
}

// String returns t spelled as gc spells its descriptor's string, which is
// what reflect's Type.String returns.
func (b *Builder) String(t types.Type) string {
	return b.spell(t, nameForm)
}

// TypeOf returns the type whose descriptor is at desc, or nil.
func (b *Builder) TypeOf(desc uintptr) types.Type {
	if info, ok := b.byAddr[desc]; ok {
		return info.t
	}
	return nil
}

// Typelinks returns the descriptors that belong in the typelinks table,
// sorted by type string as reflect's binary search expects. As in gc,
// those are the unnamed pointer, array, chan, func, map, slice and struct
// types, the ones reflect may need to find instead of creating them
// (PointerTo, SliceOf, MapOf, FuncOf...), less compiler-internal types
// with no equality.
func (b *Builder) Typelinks() []uintptr {
	var links []uintptr
	for p, info := range b.byAddr {
		if info.link {
			links = append(links, p)
		}
	}
	sort.Slice(links, func(i, j int) bool {
		si, sj := b.byAddr[links[i]].str, b.byAddr[links[j]].str
		if si != sj {
			return si < sj
		}
		return links[i] < links[j]
	})
	return links
}

// Descs calls f with each type the builder has a descriptor for (map
// groups aside) and its address.
func (b *Builder) Descs(f func(t types.Type, p uintptr)) {
	b.descs.Iterate(func(t types.Type, v any) { f(t, v.(uintptr)) })
}

// DescString is the string of a descriptor the builder wrote.
func (b *Builder) DescString(p uintptr) string {
	if info := b.byAddr[p]; info != nil {
		return info.str
	}
	return ""
}

// Type returns the address of t's descriptor, building it and everything it
// refers to on first use.
func (b *Builder) Type(t types.Type) uintptr {
	t = types.Unalias(t)
	if p, ok := b.descs.At(t).(uintptr); ok {
		return p
	}
	if p := b.env.Prebuilt(t); p != 0 {
		b.descs.Set(t, p)
		return p
	}
	if s, ok := t.(*types.Struct); ok {
		if m, ok := b.groupMap[s]; ok { // a group, from TypeOf
			return b.groups.At(m).(*mapGroup).desc
		}
	}
	return b.build(t, nil)
}

// build writes the descriptor of t. For a map group, t is the synthesised
// group struct and group its map: groups are kept apart from other types,
// because the group of map[K]V with K bigger than 128 bytes is identical
// to that of map[*K]V, but spelled differently.
//
// The descriptor is allocated and recorded before any type it refers to is
// built, so recursive types find it; its layout is gc's:
//
//	abi.Type and the kind's fixed part
//	abi.UncommonType, for a named type or one with methods
//	the kind's trailing data (func parameters, interface methods, struct fields)
//	the method table, sorted by name
func (b *Builder) build(t types.Type, group *types.Map) uintptr {
	kind := kindOf(t)
	named := isNamed(t)
	methods := b.methodsOf(t)
	fixed := fixedSize(kind)

	var dataSize uintptr
	switch u := t.Underlying().(type) {
	case *types.Signature:
		dataSize = uintptr(u.Params().Len()+u.Results().Len()) * ptrSize
	case *types.Interface:
		dataSize = uintptr(u.NumMethods()) * imethodSize
	case *types.Struct:
		dataSize = uintptr(u.NumFields()) * structFieldSize
	}
	uncommon := named || len(methods) > 0
	data := fixed
	if uncommon {
		data += uncommonSize
	}
	total := data + dataSize + uintptr(len(methods))*methodSize

	p := b.env.Alloc(total, ptrSize)
	if !b.mem.Valid(p, total) {
		panic(fmt.Sprintf("typedesc: Env.Alloc returned %#x, outside the arena", p))
	}
	str := b.spell(t, nameForm)
	link := b.spell(t, linkForm)
	a := b.alg(t)
	info := &typeInfo{t: t, str: str}
	if group == nil {
		b.descs.Set(t, p)
		info.link = !named && a != algNoAlg && typelinkKind(kind)
	}
	b.byAddr[p] = info

	size := b.sizes.Sizeof(t)
	ptrBytes := b.ptrBytes(t)
	var tflag uint8
	if uncommon {
		tflag |= tflagUncommon
	}
	if named {
		tflag |= tflagNamed
	}
	if a == algMem {
		tflag |= tflagRegularMemory
	}
	gcdata, onDemand := b.gcData(t, ptrBytes)
	if onDemand {
		tflag |= tflagGCMaskOnDemand
	}
	if size == ptrSize && ptrBytes == ptrSize {
		tflag |= tflagDirectIface
	}
	// The string is stored with a leading '*' where it has none, so
	// that T and *T can share one name; TFlagExtraStar says to skip it.
	strName := str
	if !strings.HasPrefix(str, "*") {
		strName = "*" + str
		tflag |= tflagExtraStar
	}

	b.store64(p+offSize, uint64(size))
	b.store64(p+offPtrBytes, uint64(ptrBytes))
	b.store32(p+offHash, typeHash(link))
	b.store8(p+offTFlag, tflag)
	align := uint8(b.sizes.Alignof(t))
	b.store8(p+offAlign, align)
	b.store8(p+offFieldAlign, align)
	b.store8(p+offKind, kind)
	b.store64(p+offEqual, uint64(b.equalFunc(t, p)))
	b.store64(p+offGCData, uint64(gcdata))
	b.store32(p+offStr, uint32(b.nameOff(b.name(strName, "", nil, strExported(t), false))))

	b.fillKind(p, t, data)
	if uncommon {
		b.fillUncommon(p+fixed, t, methods, data+dataSize-fixed)
	}

	// PtrToThis: gc links T to *T strongly when T is named or *T has
	// methods, and always builds that *T; otherwise it links weakly,
	// only if *T is in the program anyway. Here, *T is linked to T
	// whenever both exist, whichever was built first.
	ptr := types.NewPointer(t)
	if group == nil && (named || len(b.methodsOf(ptr)) > 0) {
		b.Type(ptr)
	}
	if q, ok := b.descs.At(ptr).(uintptr); ok && group == nil {
		b.store32(p+offPtrToThis, uint32(b.nameOff(q)))
	}
	if pt, ok := t.(*types.Pointer); ok {
		if e, ok := b.descs.At(types.Unalias(pt.Elem())).(uintptr); ok {
			b.store32(e+offPtrToThis, uint32(b.nameOff(p)))
		}
	}
	return p
}

// fillKind writes the kind-specific part of the descriptor at p. data is
// the offset of the kind's trailing data.
func (b *Builder) fillKind(p uintptr, t types.Type, data uintptr) {
	switch u := t.Underlying().(type) {
	case *types.Pointer:
		b.store64(p+offElem, uint64(b.Type(u.Elem())))
	case *types.Slice:
		b.store64(p+offElem, uint64(b.Type(u.Elem())))
	case *types.Array:
		b.store64(p+offElem, uint64(b.Type(u.Elem())))
		b.store64(p+offArraySlice, uint64(b.Type(types.NewSlice(u.Elem()))))
		b.store64(p+offArrayLen, uint64(u.Len()))
	case *types.Chan:
		dir := chanBothDir
		switch u.Dir() {
		case types.SendOnly:
			dir = chanSendDir
		case types.RecvOnly:
			dir = chanRecvDir
		}
		b.store64(p+offElem, uint64(b.Type(u.Elem())))
		b.store64(p+offChanDir, uint64(dir))
	case *types.Signature:
		in, out := u.Params().Len(), u.Results().Len()
		outCount := uint16(out)
		if u.Variadic() {
			outCount |= 1 << 15
		}
		b.store16(p+offInCount, uint16(in))
		b.store16(p+offOutCount, outCount)
		for i := range in {
			b.store64(p+data+uintptr(i)*ptrSize, uint64(b.Type(u.Params().At(i).Type())))
		}
		for i := range out {
			b.store64(p+data+uintptr(in+i)*ptrSize, uint64(b.Type(u.Results().At(i).Type())))
		}
	case *types.Interface:
		b.fillInterface(p, t, u, data)
	case *types.Map:
		b.fillMap(p, u)
	case *types.Struct:
		b.fillStruct(p, u, data)
	}
}

func (b *Builder) fillInterface(p uintptr, t types.Type, u *types.Interface, data uintptr) {
	// A named interface records its package; error, in the universe,
	// does not.
	var tpkg *types.Package
	if n, ok := t.(*types.Named); ok {
		tpkg = n.Obj().Pkg()
	}
	if tpkg != nil {
		b.store64(p+offPkgPath, uint64(b.importPath(tpkg)))
	}
	ms := sortedInterfaceMethods(u)
	if len(ms) > 0 {
		b.store64(p+offListData, uint64(p+data))
	}
	b.store64(p+offListLen, uint64(len(ms)))
	b.store64(p+offListCap, uint64(len(ms)))
	for i, m := range ms {
		var mpkg *types.Package
		if !m.Exported() && m.Pkg() != tpkg {
			mpkg = m.Pkg()
		}
		q := p + data + uintptr(i)*imethodSize
		b.store32(q, uint32(b.nameOff(b.name(m.Name(), "", mpkg, m.Exported(), false))))
		sig := m.Type().(*types.Signature)
		b.store32(q+4, uint32(b.nameOff(b.Type(withoutRecv(sig)))))
	}
}

func (b *Builder) fillStruct(p uintptr, u *types.Struct, data uintptr) {
	// All unexported field names of a struct come from one package,
	// which the descriptor records once.
	n := u.NumFields()
	for i := range n {
		if f := u.Field(i); !f.Exported() {
			b.store64(p+offPkgPath, uint64(b.importPath(f.Pkg())))
			break
		}
	}
	if n > 0 {
		b.store64(p+offListData, uint64(p+data))
	}
	b.store64(p+offListLen, uint64(n))
	b.store64(p+offListCap, uint64(n))
	offsets := b.offsets(u)
	for i := range n {
		f := u.Field(i)
		q := p + data + uintptr(i)*structFieldSize
		b.store64(q, uint64(b.name(f.Name(), u.Tag(i), nil, f.Exported(), f.Embedded())))
		b.store64(q+8, uint64(b.Type(f.Type())))
		b.store64(q+16, uint64(offsets[i]))
	}
}

// fillMap writes a Swiss map descriptor. The group type is what gc makes
// for the map:
//
//	struct {
//		ctrl  uint64
//		slots [8]struct{ key K; elem V }
//	}
//
// where a key or element bigger than 128 bytes is stored indirectly, as a
// pointer.
func (b *Builder) fillMap(p uintptr, m *types.Map) {
	key, elem := m.Key(), m.Elem()
	var flags uint32
	if b.sizes.Sizeof(key) > mapMaxKeyBytes {
		flags |= mapIndirectKey
	}
	if b.sizes.Sizeof(elem) > mapMaxElemBytes {
		flags |= mapIndirectElem
	}
	if needKeyUpdate(key) {
		flags |= mapNeedKeyUpdate
	}
	if hashMightPanic(key) {
		flags |= mapHashMightPanic
	}
	b.store64(p+offMapKey, uint64(b.Type(key)))
	b.store64(p+offMapElem, uint64(b.Type(elem)))
	g := b.group(m, flags)
	slot := g.t.Field(1).Type().(*types.Array).Elem().(*types.Struct)
	b.store64(p+offMapGroup, uint64(g.desc))
	b.store64(p+offMapHasher, uint64(b.closure("gort.typehash", b.Type(key))))
	b.store64(p+offMapGroupSize, uint64(b.sizes.Sizeof(g.t)))
	b.store64(p+offMapSlotSize, uint64(b.sizes.Sizeof(slot)))
	b.store64(p+offMapElemOff, uint64(b.offsets(slot)[1]))
	b.store32(p+offMapFlags, flags)
}

// A mapGroup is the slot group type of a map and its descriptor.
type mapGroup struct {
	t    *types.Struct
	desc uintptr
}

// group returns m's group, building it on first use. Identical maps share
// one, as gc's identical group symbols are merged; a named map type shares
// its underlying type's.
func (b *Builder) group(m *types.Map, flags uint32) *mapGroup {
	if g, ok := b.groups.At(m).(*mapGroup); ok {
		return g
	}
	slotKey, slotElem := m.Key(), m.Elem()
	if flags&mapIndirectKey != 0 {
		slotKey = types.NewPointer(slotKey)
	}
	if flags&mapIndirectElem != 0 {
		slotElem = types.NewPointer(slotElem)
	}
	// The fields have no package, as gc's have none: no Go code can
	// spell these types, and their names are not qualified.
	slot := types.NewStruct([]*types.Var{
		types.NewField(0, nil, "key", slotKey, false),
		types.NewField(0, nil, "elem", slotElem, false),
	}, nil)
	slots := types.NewArray(slot, mapGroupSlots)
	t := types.NewStruct([]*types.Var{
		types.NewField(0, nil, "ctrl", types.Typ[types.Uint64], false),
		types.NewField(0, nil, "slots", slots, false),
	}, nil)
	b.noalg[slot] = true
	b.noalg[slots] = true
	b.noalg[t] = true
	b.groupMap[t] = m
	g := &mapGroup{t: t}
	b.groups.Set(m, g)
	g.desc = b.build(t, m)
	return g
}

// kindOf is t's abi.Kind.
func kindOf(t types.Type) uint8 {
	switch u := t.Underlying().(type) {
	case *types.Basic:
		switch u.Kind() {
		case types.Bool:
			return kindBool
		case types.Int:
			return kindInt
		case types.Int8:
			return kindInt8
		case types.Int16:
			return kindInt16
		case types.Int32:
			return kindInt32
		case types.Int64:
			return kindInt64
		case types.Uint:
			return kindUint
		case types.Uint8:
			return kindUint8
		case types.Uint16:
			return kindUint16
		case types.Uint32:
			return kindUint32
		case types.Uint64:
			return kindUint64
		case types.Uintptr:
			return kindUintptr
		case types.Float32:
			return kindFloat32
		case types.Float64:
			return kindFloat64
		case types.Complex64:
			return kindComplex64
		case types.Complex128:
			return kindComplex128
		case types.String:
			return kindString
		case types.UnsafePointer:
			return kindUnsafePointer
		}
	case *types.Array:
		return kindArray
	case *types.Chan:
		return kindChan
	case *types.Signature:
		return kindFunc
	case *types.Interface:
		return kindInterface
	case *types.Map:
		return kindMap
	case *types.Pointer:
		return kindPointer
	case *types.Slice:
		return kindSlice
	case *types.Struct:
		return kindStruct
	}
	panic(fmt.Sprintf("typedesc: %v (%T) is not a runtime type", t, t))
}

func fixedSize(kind uint8) uintptr {
	switch kind {
	case kindPointer:
		return ptrTypeSize
	case kindSlice:
		return sliceTypeSize
	case kindArray:
		return arrayTypeSize
	case kindChan:
		return chanTypeSize
	case kindFunc:
		return funcTypeSize
	case kindInterface:
		return interfaceTypeSize
	case kindMap:
		return mapTypeSize
	case kindStruct:
		return structTypeSize
	}
	return commonSize
}

// typelinkKind reports whether an unnamed type of this kind goes in the
// typelinks table.
func typelinkKind(kind uint8) bool {
	switch kind {
	case kindPointer, kindArray, kindChan, kindFunc, kindMap, kindSlice, kindStruct:
		return true
	}
	return false
}

// isNamed reports whether gc gives t a symbol: defined types, including
// the predeclared ones (int, error, unsafe.Pointer...), but not any.
func isNamed(t types.Type) bool {
	switch t.(type) {
	case *types.Named, *types.Basic:
		return true
	}
	return false
}

// strExported is the exported bit of the descriptor's string: whether the
// type's name, or for an unnamed pointer its element's name, is exported.
func strExported(t types.Type) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	switch t := t.(type) {
	case *types.Named:
		return t.Obj().Exported()
	case *types.Basic:
		return t.Kind() == types.UnsafePointer // its name is Pointer
	}
	return false
}

// typeHash is gc's type hash: the first four bytes, little-endian, of the
// SHA-256 of the link string with the first byte inverted (the toolchain's
// own variant of SHA-256, cmd/internal/hash.Sum32).
func typeHash(link string) uint32 {
	sum := sha256.Sum256([]byte(link))
	sum[0] ^= 0xff
	return binary.LittleEndian.Uint32(sum[:4])
}

// withoutRecv returns a method's signature as a plain function type.
func withoutRecv(sig *types.Signature) *types.Signature {
	return types.NewSignatureType(nil, nil, nil, sig.Params(), sig.Results(), sig.Variadic())
}

// The stores below write descriptor words; a failure is a builder bug
// (Alloc's memory was checked), so it panics.

func (b *Builder) store64(p uintptr, v uint64) {
	if !b.mem.Store64(p, v) {
		panic(fmt.Sprintf("typedesc: store outside the arena at %#x", p))
	}
}

func (b *Builder) store32(p uintptr, v uint32) {
	if !b.mem.Store32(p, v) {
		panic(fmt.Sprintf("typedesc: store outside the arena at %#x", p))
	}
}

func (b *Builder) store16(p uintptr, v uint16) {
	if !b.mem.Store16(p, v) {
		panic(fmt.Sprintf("typedesc: store outside the arena at %#x", p))
	}
}

func (b *Builder) store8(p uintptr, v uint8) {
	if !b.mem.Store8(p, v) {
		panic(fmt.Sprintf("typedesc: store outside the arena at %#x", p))
	}
}

func (b *Builder) load32(p uintptr) uint32 {
	v, ok := b.mem.Load32(p)
	if !ok {
		panic(fmt.Sprintf("typedesc: load outside the arena at %#x", p))
	}
	return v
}
