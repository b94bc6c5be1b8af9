package runtime

import (
	"math/bits"

	"gort/internal/bytecode"
)

// Pointer masks: which words of a value may hold pointers. The collector
// reads an object's words through its span's heap bits, written from these
// masks at allocation, or through the type recorded for a larger object.

// ptrMask is one type's pointer mask.
type ptrMask struct {
	nwords uintptr  // words in a value of the type; 0 for a type without pointers
	bits   []uint64 // bit i set: word i may hold a pointer
}

// typePtrMask returns t's pointer mask, made once per type, or nil for a
// type without pointers. A type with a
// descriptor has its mask from the descriptor's GCData, as gc's runtime
// reads it; the runtime's own records (hchan, sudog, defer records), which
// have only host types, from their fields.
func typePtrMask(vm *vm, t *bytecode.Type) *ptrMask {
	if t == nil || !t.HasPtrs {
		return nil
	}
	if m := vm.gcmasks[t]; m != nil {
		return m
	}
	m := &ptrMask{nwords: t.Size / 8}
	m.bits = make([]uint64, (m.nwords+63)/64)
	if !descMask(vm, t, m) {
		pointerWords(t, 0, func(off uintptr) { m.bits[off/512] |= 1 << (off / 8 % 64) })
	}
	if vm.gcmasks == nil {
		vm.gcmasks = map[*bytecode.Type]*ptrMask{}
	}
	vm.gcmasks[t] = m
	return m
}

// descMask fills m from the GCData of t's descriptor, and reports whether
// the descriptor has one (a type with a huge mask has it made on demand,
// and gort builds that one from the type's fields instead, as it does for
// reflect's kindless frame types, whose fields runtimeDescType made from
// the GCData).
func descMask(vm *vm, t *bytecode.Type, m *ptrMask) bool {
	if t.Desc == 0 || t.Kind == bytecode.Invalid {
		return false
	}
	v := vm.typeView(t.Desc)
	if v.gcdata == 0 || v.ptrBytes == 0 || v.tflag&abiTFlagGCMaskOnDemand != 0 || v.size != t.Size {
		return false
	}
	words := v.ptrBytes / 8
	b := vm.bytesAt(v.gcdata, (words+7)/8)
	for i := uintptr(0); i < words; i++ {
		if b[i/8]&(1<<(i%8)) != 0 {
			m.bits[i/64] |= 1 << (i % 64)
		}
	}
	return true
}

// each calls f with the byte offset of every pointer word of one value.
func (m *ptrMask) each(f func(off uintptr)) {
	for i, w := range m.bits {
		for w != 0 {
			j := uintptr(bits.TrailingZeros64(w))
			w &= w - 1
			f((uintptr(i)*64 + j) * 8)
		}
	}
}

// pointerWords calls f with the offset of each word of a value of type t
// (at offset off) that holds a heap pointer.
func pointerWords(t *bytecode.Type, off uintptr, f func(off uintptr)) {
	if !t.HasPtrs {
		return
	}
	switch t.Kind {
	case bytecode.Pointer, bytecode.UnsafePointer, bytecode.Chan, bytecode.Map, bytecode.FuncKind,
		bytecode.String, bytecode.Slice:
		f(off)
	case bytecode.Interface:
		f(off + 8) // the data word; the first is a type or an itab
	case bytecode.Struct, bytecode.Invalid:
		// A kindless type is reflect's frame type (runtimeDescType),
		// whose pointer words are its fields.
		for _, fl := range t.Fields {
			pointerWords(fl.Type, off+fl.Offset, f)
		}
	case bytecode.Array:
		for i := int64(0); i < t.Len; i++ {
			pointerWords(t.Elem, off+uintptr(i)*t.Elem.Size, f)
		}
	}
}
