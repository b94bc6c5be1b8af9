package runtime

import (
	"gort/internal/arena"
	"gort/internal/bytecode"
)

// ForgedTypeWords is the size in words of the heap object DeriveForged
// writes a forged descriptor into.
const ForgedTypeWords = 32

// DeriveForged writes words into a fresh heap object of a scratch VM and
// takes it as a type descriptor, as typeAt does with a type word a program
// forged, then compares, hashes and walks a zero value of the type. A word
// whose low byte is 0xAA becomes the address of the object's word
// (w>>8)%ForgedTypeWords, so that descriptors can point into themselves; the
// NameOff -1 names "T". It returns the derived type's kind, or faulted if
// the descriptor was refused; any other host panic propagates.
func DeriveForged(words []uint64) (kind bytecode.Kind, faulted bool) {
	v := scratchVM()
	mp := &v.m0
	name := mallocgc(mp, 8, nil)
	v.mem.MustWriteWords(name, []uint64{0x5401}) // flags 0, length 1, "T"
	v.types.reflectOffs.m[-1] = name
	obj := mallocgc(mp, 8*ForgedTypeWords, conservativeType(mp, "forged", 8*ForgedTypeWords))
	w := make([]uint64, ForgedTypeWords)
	for i := range w {
		if i < len(words) {
			w[i] = words[i]
		}
		if w[i]&0xff == 0xAA {
			w[i] = uint64(obj) + 8*((w[i]>>8)%ForgedTypeWords)
		}
	}
	v.mem.MustWriteWords(obj, w)
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(arena.Fault); !ok {
				panic(r)
			}
			faulted = true
		}
	}()
	t := typeAt(v, obj)
	if t.Size <= 4096 {
		a, b := mallocgc(mp, max(t.Size, 1), nil), mallocgc(mp, max(t.Size, 1), nil)
		if t.Comparable {
			equal(v, t, a, b)
			typehash(v, t, a, 0)
		}
		pointerWords(t, 0, func(uintptr) {})
	}
	return t.Kind, false
}
