package runtime

import "gort/internal/bytecode"

// Types of the runtime's own heap objects. Every object mallocgc allocates
// has a type, so that the collector knows which of its words are pointers:
// program values have the compiler's types, closures a struct type the
// compiler makes for their captured values, and the runtime's own objects
// (channels, sudogs, itabs, defer records, iterators, map internals) the
// types below, which name the pointer words of each layout. Objects
// without pointers (string and rune bytes) are allocated with no type,
// that is noscan, as mallocgc's callers in the real runtime do.
//
// Two layouts are not known word by word here and are described
// conservatively, every word a possible pointer: a defer record's argument
// block (its callee's parameter types are the compiler's) and the internals
// of package maps, whose Env reports only whether an allocation holds
// pointers. A conservative word keeps what it seems to point at alive; the
// collector never moves objects, so that is safe, only imprecise.

// wordPtr is the field type of a pointer word.
var wordPtr = &bytecode.Type{Index: -1, String: "unsafe.Pointer", Kind: bytecode.UnsafePointer,
	Size: 8, Align: 8, HasPtrs: true, Class: bytecode.ClassPtr}

// runtimeType describes a runtime object of size bytes whose pointers are
// the words at ptrs.
func runtimeType(name string, size uintptr, ptrs ...uintptr) *bytecode.Type {
	t := &bytecode.Type{Index: -1, String: name, Kind: bytecode.Struct, Size: size, Align: 8, HasPtrs: len(ptrs) > 0}
	for _, off := range ptrs {
		t.Fields = append(t.Fields, bytecode.Field{Name: "p", Type: wordPtr, Offset: off})
	}
	return t
}

// sizedTypeCache holds the runtime types made per size, so that
// allocating makes no host allocation after the first object of a size.
type sizedTypeCache struct {
	lock  mutex
	types map[sizedKey]*bytecode.Type
}

type sizedKey struct {
	name string
	size uintptr
}

// get returns the cached type name of size bytes, made by mk.
func (c *sizedTypeCache) get(mp *m, name string, size uintptr, mk func() *bytecode.Type) *bytecode.Type {
	lock(mp, &c.lock)
	defer unlock(mp, &c.lock)
	k := sizedKey{name, size}
	t := c.types[k]
	if t == nil {
		t = mk()
		c.types[k] = t
	}
	return t
}

// conservativeType describes an object of size bytes every word of which
// may be a pointer.
func conservativeType(mp *m, name string, size uintptr) *bytecode.Type {
	return mp.vm.sizedTypes.get(mp, name, size, func() *bytecode.Type {
		ptrs := make([]uintptr, size/8)
		for i := range ptrs {
			ptrs[i] = uintptr(8 * i)
		}
		return runtimeType(name, size, ptrs...)
	})
}

var (
	hchanType = runtimeType("runtime.hchan", hchanSize,
		hcBuf, hcElemtype, hcRecvq, hcRecvq+8, hcSendq, hcSendq+8)
	sudogType = runtimeType("runtime.sudog", sudogSize,
		sgNext, sgPrev, sgElem, sgC, sgWaitlink)
	strIterType = runtimeType("runtime.stringIter", 24, 0)
)

// itabType describes an itab with n method slots: the interface and the
// concrete type are pointers; the method slots hold code addresses.
func itabType(mp *m, n int) *bytecode.Type {
	size := uintptr(24 + 8*max(n, 1))
	return mp.vm.sizedTypes.get(mp, "runtime.itab", size, func() *bytecode.Type { return runtimeType("runtime.itab", size, 0, 8) })
}

// deferType describes a defer record with an argument block of size bytes:
// the link to the next record and the closure context are pointers.
func deferType(mp *m, size uintptr) *bytecode.Type {
	return mp.vm.sizedTypes.get(mp, "runtime._defer", size, func() *bytecode.Type {
		ptrs := []uintptr{0, 32}
		for off := uintptr(deferHeader); off+8 <= deferHeader+size; off += 8 {
			ptrs = append(ptrs, off)
		}
		return runtimeType("runtime._defer", deferHeader+size, ptrs...)
	})
}
