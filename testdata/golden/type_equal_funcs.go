// The Equal functions in type descriptors (abi.Type's Equal field, at
// offset 24), called as reflect and the map code call them: plain memory of
// several sizes, floats, complexes, strings, interfaces, and types compared
// field by field; comparing uncomparable dynamic types panics.
package main

import "unsafe"

type eqfn = func(unsafe.Pointer, unsafe.Pointer) bool

// equalOf returns the Equal function of x's dynamic type. It is not
// inlined: gc's linker cannot follow a descriptor's Equal word that the
// compiler resolved at compile time.
//
//go:noinline
func equalOf(x any) eqfn {
	typ := (*[2]unsafe.Pointer)(unsafe.Pointer(&x))[0]
	return *(*eqfn)(unsafe.Add(typ, 24))
}

type pair struct {
	a int
	s string
}

type I interface{ M() }

type T int

func (T) M() {}

func main() {
	i8a, i8b := int8(3), int8(3)
	b3a, b3b := [3]byte{1, 2, 3}, [3]byte{1, 2, 3}
	println("[3]byte", equalOf(b3a)(unsafe.Pointer(&b3a), unsafe.Pointer(&b3b)))
	b40a, b40b := [40]byte{9: 1}, [40]byte{9: 2}
	println("[40]byte", equalOf(b40a)(unsafe.Pointer(&b40a), unsafe.Pointer(&b40b)))
	println("int8", equalOf(i8a)(unsafe.Pointer(&i8a), unsafe.Pointer(&i8b)))
	i64a, i64b := int64(1<<40), int64(1<<40+1)
	println("int64", equalOf(i64a)(unsafe.Pointer(&i64a), unsafe.Pointer(&i64b)))
	b16a, b16b := [16]byte{1}, [16]byte{2}
	println("[16]byte", equalOf(b16a)(unsafe.Pointer(&b16a), unsafe.Pointer(&b16b)))

	nanBits, negZeroBits := uint64(0x7ff8000000000001), uint64(1<<63)
	nan := *(*float64)(unsafe.Pointer(&nanBits))
	println("float64 NaN", equalOf(nan)(unsafe.Pointer(&nan), unsafe.Pointer(&nan)))
	z, nz := 0.0, *(*float64)(unsafe.Pointer(&negZeroBits))
	println("float64 0 -0", equalOf(z)(unsafe.Pointer(&z), unsafe.Pointer(&nz)))
	f32a, f32b := float32(1.5), float32(1.5)
	println("float32", equalOf(f32a)(unsafe.Pointer(&f32a), unsafe.Pointer(&f32b)))
	c64a, c64b := complex64(1+2i), complex64(1+3i)
	println("complex64", equalOf(c64a)(unsafe.Pointer(&c64a), unsafe.Pointer(&c64b)))
	c128a, c128b := complex(nz, 1), complex(z, 1)
	println("complex128", equalOf(c128a)(unsafe.Pointer(&c128a), unsafe.Pointer(&c128b)))

	sa, sb := "hello, gort", string([]byte("hello, gort"))
	println("string", equalOf(sa)(unsafe.Pointer(&sa), unsafe.Pointer(&sb)))
	pa, pb := pair{1, "x"}, pair{1, "y"}
	println("struct", equalOf(pa)(unsafe.Pointer(&pa), unsafe.Pointer(&pb)))
	aa, ab := [2]string{"a", "b"}, [2]string{"a", "b"}
	println("[2]string", equalOf(aa)(unsafe.Pointer(&aa), unsafe.Pointer(&ab)))

	var ia, ib I = T(1), T(1)
	var holder struct{ i I }
	println("iface", equalOf(holder)(unsafe.Pointer(&ia), unsafe.Pointer(&ib)))
	ea, eb := any(2.5), any(2.5)
	var eholder struct{ e any }
	eeq := equalOf(eholder)
	println("eface", eeq(unsafe.Pointer(&ea), unsafe.Pointer(&eb)))

	defer func() { println("recovered:", recover().(error).Error()) }()
	sla, slb := any([]int{1}), any([]int{1})
	println("eface of slices", eeq(unsafe.Pointer(&sla), unsafe.Pointer(&slb)))
}
