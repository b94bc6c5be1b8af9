package typedesc

import (
	"go/types"
)

// EqualNatives lists every runtime native a descriptor's Equal funcval or a
// map descriptor's Hasher funcval can point at, by the name passed to
// Env.NativeText. Each funcval is a static object whose first word is the
// native's code pointer; some carry a second word:
//
//	runtime.memequal_varlen  {code, size}: compare size bytes
//	gort.typeequal           {code, descriptor}: compare two values of that
//	                         type field by field (structs and arrays whose
//	                         equality is not plain memory)
//	gort.typehash            {code, key descriptor}: hash a map key of that
//	                         type with the given seed
//
// The others are the runtime's own functions of the same names, with the
// signature func(p, q unsafe.Pointer) bool.
var EqualNatives = []string{
	"runtime.memequal0",
	"runtime.memequal8",
	"runtime.memequal16",
	"runtime.memequal32",
	"runtime.memequal64",
	"runtime.memequal128",
	"runtime.memequal_varlen",
	"runtime.f32equal",
	"runtime.f64equal",
	"runtime.c64equal",
	"runtime.c128equal",
	"runtime.strequal",
	"runtime.interequal",
	"runtime.nilinterequal",
	"gort.typeequal",
	"gort.typehash",
}

// alg is how values of a type are compared and hashed, as gc classifies
// types (cmd/compile's AlgKind, before it refines plain memory by size).
type alg int

const (
	algMem      alg = iota // plain memory: compare and hash the bytes
	algNoEq                // not comparable (slices, maps, funcs, or containing one)
	algNoAlg               // a compiler-internal type with no algorithms (map groups)
	algString              // string
	algInter               // non-empty interface
	algNilInter            // empty interface
	algFloat32             // float32: +0 == -0, NaN != NaN
	algFloat64             // float64
	algCplx64              // complex64
	algCplx128             // complex128
	algSpecial             // comparable, but field by field
)

// priority settles a struct's or array's algorithm from its parts: a part
// that cannot be compared wins over one that needs a special compare,
// which wins over plain memory.
func (a alg) priority() int {
	switch a {
	case algMem:
		return -1
	case algSpecial:
		return 1
	case algNoEq:
		return 2
	case algNoAlg:
		return 3
	}
	return 0
}

func (b *Builder) alg(t types.Type) alg {
	switch t := t.Underlying().(type) {
	case *types.Basic:
		switch t.Kind() {
		case types.Float32:
			return algFloat32
		case types.Float64:
			return algFloat64
		case types.Complex64:
			return algCplx64
		case types.Complex128:
			return algCplx128
		case types.String:
			return algString
		}
		return algMem
	case *types.Pointer, *types.Chan:
		return algMem
	case *types.Map, *types.Slice, *types.Signature:
		return algNoEq
	case *types.Interface:
		if t.NumMethods() == 0 {
			return algNilInter
		}
		return algInter
	case *types.Array:
		if b.noalg[t] {
			return algNoAlg
		}
		switch a := b.alg(t.Elem()); a {
		case algMem, algNoEq, algNoAlg:
			return a
		default:
			switch t.Len() {
			case 0:
				return algMem
			case 1:
				return a
			}
			return algSpecial
		}
	case *types.Struct:
		if b.noalg[t] {
			return algNoAlg
		}
		n := t.NumFields()
		if n == 1 && t.Field(0).Name() != "_" {
			return b.alg(t.Field(0).Type())
		}
		result := algMem
		offsets := b.offsets(t)
		size := b.sizes.Sizeof(t)
		for i := range n {
			f := t.Field(i)
			a := b.alg(f.Type())
			switch a {
			case algNoEq, algNoAlg:
			case algMem:
				end := size
				if i+1 < n {
					end = offsets[i+1]
				}
				if f.Name() == "_" || offsets[i]+b.sizes.Sizeof(f.Type()) != end {
					a = algSpecial // blank or followed by padding
				}
			default:
				a = algSpecial
			}
			if a.priority() > result.priority() {
				result = a
			}
		}
		return result
	}
	panic("typedesc: no algorithm for " + t.String())
}

// equalFunc returns the Equal funcval: its native and extra word, as gc
// does: plain memory of 0, 1, 2, 4, 8 or 16 bytes has a native of its own
// (amd64 tolerates the unaligned loads), other sizes the variable-length
// compare. Types with no equality get none.
func (b *Builder) equalFunc(t types.Type, desc uintptr) uintptr {
	switch b.alg(t) {
	case algNoEq, algNoAlg:
		return 0
	case algMem:
		switch size := b.sizes.Sizeof(t); size {
		case 0:
			return b.closure("runtime.memequal0", 0)
		case 1:
			return b.closure("runtime.memequal8", 0)
		case 2:
			return b.closure("runtime.memequal16", 0)
		case 4:
			return b.closure("runtime.memequal32", 0)
		case 8:
			return b.closure("runtime.memequal64", 0)
		case 16:
			return b.closure("runtime.memequal128", 0)
		default:
			return b.closure("runtime.memequal_varlen", uintptr(size))
		}
	case algString:
		return b.closure("runtime.strequal", 0)
	case algInter:
		return b.closure("runtime.interequal", 0)
	case algNilInter:
		return b.closure("runtime.nilinterequal", 0)
	case algFloat32:
		return b.closure("runtime.f32equal", 0)
	case algFloat64:
		return b.closure("runtime.f64equal", 0)
	case algCplx64:
		return b.closure("runtime.c64equal", 0)
	case algCplx128:
		return b.closure("runtime.c128equal", 0)
	}
	return b.closure("gort.typeequal", desc)
}

type closureKey struct {
	native string
	extra  uintptr
}

// closure returns a static funcval calling the named native, with a
// second word when extra is not zero. Funcvals are shared.
func (b *Builder) closure(native string, extra uintptr) uintptr {
	k := closureKey{native, extra}
	if p, ok := b.closures[k]; ok {
		return p
	}
	size := uintptr(ptrSize)
	if extra != 0 {
		size = 2 * ptrSize
	}
	p := b.env.Alloc(size, ptrSize)
	b.store64(p, uint64(b.env.NativeText(native)))
	if extra != 0 {
		b.store64(p+ptrSize, uint64(extra))
	}
	b.closures[k] = p
	return p
}

// needKeyUpdate reports whether a map assignment must overwrite the stored
// key with the new, equal one: true where equal keys can differ in their
// bytes (±0, strings with other backing arrays, interfaces holding those).
func needKeyUpdate(t types.Type) bool {
	switch t := t.Underlying().(type) {
	case *types.Basic:
		switch t.Kind() {
		case types.Float32, types.Float64, types.Complex64, types.Complex128, types.String:
			return true
		}
		return false
	case *types.Interface:
		return true
	case *types.Array:
		return needKeyUpdate(t.Elem())
	case *types.Struct:
		for i := range t.NumFields() {
			if needKeyUpdate(t.Field(i).Type()) {
				return true
			}
		}
	}
	return false
}

// hashMightPanic reports whether hashing a key of type t can panic: only an
// interface can hold an unhashable dynamic type.
func hashMightPanic(t types.Type) bool {
	switch t := t.Underlying().(type) {
	case *types.Interface:
		return true
	case *types.Array:
		return hashMightPanic(t.Elem())
	case *types.Struct:
		for i := range t.NumFields() {
			if hashMightPanic(t.Field(i).Type()) {
				return true
			}
		}
	}
	return false
}
