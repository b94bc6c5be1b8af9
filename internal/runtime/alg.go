package runtime

import (
	"math"
	"math/bits"
	"unsafe"

	"gort/internal/arena"
	"gort/internal/bytecode"
)

// Equality and hashing of VM values by type, as alg.go provides them: the
// compiler's == on aggregates and interfaces, and the map hasher.

// rtError is a run-time error raised inside a host helper (hashing or
// comparing an uncomparable value); the caller turns it into a VM panic.
type rtError struct{ msg string }

// typedEqual compares the values of type t at a and b.
func typedEqual(vm *vm, t *bytecode.Type, a, b uintptr) (eq bool, err *rtError) {
	defer func() {
		if r := recover(); r != nil {
			e, ok := r.(*rtError)
			if !ok {
				panic(r)
			}
			eq, err = false, e
		}
	}()
	return equal(vm, t, a, b), nil
}

func equal(vm *vm, t *bytecode.Type, a, b uintptr) bool {
	if t.RegularMemory {
		x := vm.bytesAt(a, t.Size)
		y := vm.bytesAt(b, t.Size)
		return string(x) == string(y)
	}
	switch t.Kind {
	case bytecode.Float32:
		return f32eq(vm, a, b)
	case bytecode.Float64:
		return f64eq(vm, a, b)
	case bytecode.Complex64:
		return f32eq(vm, a, b) && f32eq(vm, a+4, b+4)
	case bytecode.Complex128:
		return f64eq(vm, a, b) && f64eq(vm, a+8, b+8)
	case bytecode.String:
		return loadString(vm, a) == loadString(vm, b)
	case bytecode.Interface:
		return ifaceEqual(vm, len(t.IMethods) == 0, a, b)
	case bytecode.Array:
		for i := int64(0); i < t.Len; i++ {
			off := uintptr(i) * t.Elem.Size
			if !equal(vm, t.Elem, a+off, b+off) {
				return false
			}
		}
		return true
	case bytecode.Struct:
		for _, f := range t.Fields {
			if f.Name == "_" {
				continue
			}
			if !equal(vm, f.Type, a+f.Offset, b+f.Offset) {
				return false
			}
		}
		return true
	}
	x := vm.ld(a)
	y := vm.ld(b)
	return x == y
}

// ifaceEqual compares two interface values: same dynamic type, then equal
// data, panicking if the type is not comparable.
func ifaceEqual(vm *vm, eface bool, a, b uintptr) bool {
	wa := vm.ld(a)
	wb := vm.ld(b)
	ta, tb := dynType(vm, wa, eface), dynType(vm, wb, eface)
	if ta != tb {
		return false
	}
	if ta == 0 {
		return true
	}
	t := typeAt(vm, ta)
	if !t.Comparable {
		panic(&rtError{"comparing uncomparable type " + t.String})
	}
	da := vm.ld(a + 8)
	db := vm.ld(b + 8)
	if t.DirectIface {
		return da == db
	}
	return equal(vm, t, uintptr(da), uintptr(db))
}

// loadString reads the string header at p and returns its bytes as a
// string that aliases VM memory (see stringAt): for comparing and hashing
// at once, never kept.
func loadString(vm *vm, p uintptr) string {
	sp, n := uintptr(vm.ld(p)), uintptr(vm.ld(p+8))
	if n == 0 {
		return ""
	}
	return unsafe.String(&vm.bytesAt(sp, n)[0], int(n))
}

// The descriptors' Equal and Hasher functions (typedesc.EqualNatives):
// funcvals in each type's descriptor, which the map code, reflect and
// sync.Map call as func(p, q unsafe.Pointer) bool and func(p
// unsafe.Pointer, seed uintptr) uintptr, with the ABI0 block at fp. The
// closure context of memequal_varlen holds the size, and that of
// typeequal and typehash the type's descriptor, in its second word.
func init() {
	for name, size := range map[string]uintptr{"runtime.memequal0": 0, "runtime.memequal8": 1,
		"runtime.memequal16": 2, "runtime.memequal32": 4, "runtime.memequal64": 8, "runtime.memequal128": 16} {
		nativeTable[name] = func(mp *m, gp *g, fp uintptr) int {
			return equalResult(mp.vm, fp, string(mp.vm.bytesAt(argPtr(mp.vm, fp), size)) == string(mp.vm.bytesAt(argPtr(mp.vm, fp+8), size)))
		}
	}
	nativeTable["runtime.memequal_varlen"] = func(mp *m, gp *g, fp uintptr) int {
		size := uintptr(mp.vm.ld(mp.ctxt + 8))
		return equalResult(mp.vm, fp, string(mp.vm.bytesAt(argPtr(mp.vm, fp), size)) == string(mp.vm.bytesAt(argPtr(mp.vm, fp+8), size)))
	}
	scalar := map[string]func(vm *vm, a, b uintptr) bool{
		"runtime.f32equal":  f32eq,
		"runtime.f64equal":  f64eq,
		"runtime.c64equal":  func(vm *vm, a, b uintptr) bool { return f32eq(vm, a, b) && f32eq(vm, a+4, b+4) },
		"runtime.c128equal": func(vm *vm, a, b uintptr) bool { return f64eq(vm, a, b) && f64eq(vm, a+8, b+8) },
		"runtime.strequal":  func(vm *vm, a, b uintptr) bool { return loadString(vm, a) == loadString(vm, b) },
	}
	for name, eq := range scalar {
		nativeTable[name] = func(mp *m, gp *g, fp uintptr) int {
			vm := mp.vm
			return equalResult(vm, fp, eq(vm, argPtr(vm, fp), argPtr(vm, fp+8)))
		}
	}
	for name, eface := range map[string]bool{"runtime.interequal": false, "runtime.nilinterequal": true} {
		nativeTable[name] = func(mp *m, gp *g, fp uintptr) int {
			return mapCall(mp, gp, func() { equalResult(mp.vm, fp, ifaceEqual(mp.vm, eface, argPtr(mp.vm, fp), argPtr(mp.vm, fp+8))) })
		}
	}
	nativeTable["gort.typeequal"] = func(mp *m, gp *g, fp uintptr) int {
		t := typeAt(mp.vm, uintptr(mp.vm.ld(mp.ctxt+8)))
		return mapCall(mp, gp, func() { equalResult(mp.vm, fp, equal(mp.vm, t, argPtr(mp.vm, fp), argPtr(mp.vm, fp+8))) })
	}
	nativeTable["gort.typehash"] = func(mp *m, gp *g, fp uintptr) int {
		t := typeAt(mp.vm, uintptr(mp.vm.ld(mp.ctxt+8)))
		return mapCall(mp, gp, func() { mp.vm.st(fp+16, uint64(typehash(mp.vm, t, argPtr(mp.vm, fp), uintptr(mp.vm.ld(fp+8))))) })
	}
}

// argPtr reads a pointer argument at p, which must not be nil: gc's
// functions dereference it at once.
func argPtr(vm *vm, p uintptr) uintptr {
	v := uintptr(vm.ld(p))
	if v < arena.NilGuard {
		panic(arena.Fault{Addr: v})
	}
	return v
}

// equalResult stores an Equal function's result, after its two arguments.
func equalResult(vm *vm, fp uintptr, eq bool) int {
	vm.st8(fp+16, uint8(b2u(eq)))
	return stContinue
}

// typehash hashes the value of type t at p with seed, as the map hasher.
func typehash(vm *vm, t *bytecode.Type, p, seed uintptr) uintptr {
	if t.RegularMemory {
		b := vm.bytesAt(p, t.Size)
		return memhash(b, seed)
	}
	switch t.Kind {
	case bytecode.Float32:
		v := vm.ld32(p)
		return f64hash(vm, float64(math.Float32frombits(v)), seed)
	case bytecode.Float64:
		v := vm.ld(p)
		return f64hash(vm, math.Float64frombits(v), seed)
	case bytecode.Complex64:
		re := vm.ld32(p)
		im := vm.ld32(p + 4)
		return f64hash(vm, float64(math.Float32frombits(im)), f64hash(vm, float64(math.Float32frombits(re)), seed))
	case bytecode.Complex128:
		re := vm.ld(p)
		im := vm.ld(p + 8)
		return f64hash(vm, math.Float64frombits(im), f64hash(vm, math.Float64frombits(re), seed))
	case bytecode.String:
		return memhash([]byte(loadString(vm, p)), seed)
	case bytecode.Interface:
		w := vm.ld(p)
		dt := dynType(vm, w, len(t.IMethods) == 0)
		if dt == 0 {
			return mix(seed, 0)
		}
		d := typeAt(vm, dt)
		if !d.Comparable {
			panic(&rtError{"hash of unhashable type " + d.String})
		}
		data := vm.ld(p + 8)
		h := mix(seed, uint64(dt))
		if d.DirectIface {
			return mix(h, data)
		}
		return typehash(vm, d, uintptr(data), h)
	case bytecode.Array:
		h := seed
		for i := int64(0); i < t.Len; i++ {
			h = typehash(vm, t.Elem, p+uintptr(i)*t.Elem.Size, h)
		}
		return h
	case bytecode.Struct:
		h := seed
		for _, f := range t.Fields {
			if f.Name != "_" {
				h = typehash(vm, f.Type, p+f.Offset, h)
			}
		}
		return h
	}
	v := vm.ld(p)
	return mix(seed, v)
}

// f64hash hashes a float so that +0 and -0 collide and NaNs scatter.
func f64hash(vm *vm, f float64, seed uintptr) uintptr {
	switch {
	case f == 0:
		return mix(seed, 0)
	case f != f:
		return mix(seed, vm.allp[0].rand.next())
	}
	return mix(seed, math.Float64bits(f))
}

func mix(seed uintptr, v uint64) uintptr {
	hi, lo := bits.Mul64(uint64(seed)^0xa0761d6478bd642f, v^0xe7037ed1a0b428db)
	return uintptr(hi ^ lo)
}

func memhash(b []byte, seed uintptr) uintptr {
	h := uint64(seed) ^ uint64(len(b))*0x9e3779b97f4a7c15
	for len(b) >= 8 {
		v := uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
			uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
		h = uint64(mix(uintptr(h), v))
		b = b[8:]
	}
	var v uint64
	for i, c := range b {
		v |= uint64(c) << (8 * i)
	}
	return mix(uintptr(h), v)
}

func f32eq(vm *vm, a, b uintptr) bool {
	x := vm.ld32(a)
	y := vm.ld32(b)
	return math.Float32frombits(x) == math.Float32frombits(y)
}

func f64eq(vm *vm, a, b uintptr) bool {
	x := vm.ld(a)
	y := vm.ld(b)
	return math.Float64frombits(x) == math.Float64frombits(y)
}
