package typedesc

import (
	"go/types"
)

// ptrBytes is the length of the prefix of t that can hold pointers
// (abi.Type.PtrBytes): everything after it is scalar.
func (b *Builder) ptrBytes(t types.Type) int64 {
	switch t := t.Underlying().(type) {
	case *types.Basic:
		switch t.Kind() {
		case types.String, types.UnsafePointer:
			return ptrSize
		}
		return 0
	case *types.Pointer, *types.Chan, *types.Map, *types.Signature, *types.Slice:
		return ptrSize
	case *types.Interface:
		return 2 * ptrSize
	case *types.Array:
		if t.Len() == 0 {
			return 0
		}
		if e := b.ptrBytes(t.Elem()); e > 0 {
			return b.sizes.Sizeof(t.Elem())*(t.Len()-1) + e
		}
		return 0
	case *types.Struct:
		offsets := b.offsets(t)
		for i := t.NumFields() - 1; i >= 0; i-- {
			if e := b.ptrBytes(t.Field(i).Type()); e > 0 {
				return offsets[i] + e
			}
		}
		return 0
	}
	panic("typedesc: no layout for " + t.String())
}

// markPointers sets, in mask, the bit of every word of t (placed at byte
// offset off) that holds a pointer the GC must follow. A string's or
// slice's pointer is its first word; an interface's is its second (the
// first is an itab or type descriptor, never in the heap).
func (b *Builder) markPointers(t types.Type, off int64, mask []byte) {
	if b.ptrBytes(t) == 0 {
		return
	}
	set := func(off int64) { mask[off/ptrSize/8] |= 1 << (off / ptrSize % 8) }
	switch t := t.Underlying().(type) {
	case *types.Basic, *types.Pointer, *types.Chan, *types.Map, *types.Signature, *types.Slice:
		set(off)
	case *types.Interface:
		set(off + ptrSize)
	case *types.Array:
		es := b.sizes.Sizeof(t.Elem())
		for i := range t.Len() {
			b.markPointers(t.Elem(), off+i*es, mask)
		}
	case *types.Struct:
		offsets := b.offsets(t)
		for i := range t.NumFields() {
			b.markPointers(t.Field(i).Type(), off+offsets[i], mask)
		}
	}
}

// gcData returns the GCData word for t and whether the mask is left for
// the runtime to build on demand. A mask is one bit per pointer-sized word
// of the pointer prefix, padded to whole words, and identical masks are
// shared. A type whose mask would exceed abi.MaxPtrmaskBytes gets instead
// a zeroed word that the runtime fills with a pointer to the mask it
// builds when first needed (TFlagGCMaskOnDemand), as gc does.
func (b *Builder) gcData(t types.Type, ptrBytes int64) (uintptr, bool) {
	words := ptrBytes / ptrSize
	if words > maxPtrmaskBytes*8 {
		return b.env.Alloc(ptrSize, ptrSize), true
	}
	n := (words + 7) / 8
	n = (n + ptrSize - 1) &^ (ptrSize - 1)
	mask := make([]byte, n)
	b.markPointers(t, 0, mask)
	if p, ok := b.masks[string(mask)]; ok {
		return p, false
	}
	size := uintptr(len(mask))
	if size == 0 {
		// A pointer-free type's mask is empty, but GCData still
		// points somewhere, as in a gc binary.
		size = 1
	}
	p := b.env.Alloc(size, 1)
	if !b.mem.WriteBytes(p, mask) {
		panic("typedesc: Env.Alloc returned memory that is not writable arena memory")
	}
	b.masks[string(mask)] = p
	return p, false
}

// offsets returns the byte offsets of a struct's fields.
func (b *Builder) offsets(t *types.Struct) []int64 {
	if o, ok := b.fieldOffsets[t]; ok {
		return o
	}
	fields := make([]*types.Var, t.NumFields())
	for i := range fields {
		fields[i] = t.Field(i)
	}
	o := b.sizes.Offsetsof(fields)
	b.fieldOffsets[t] = o
	return o
}
