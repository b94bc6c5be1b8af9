// A forged type word in an empty interface, asserted to a non-empty
// interface: the itab lookup reads the forged descriptor's method table.
//
// want: stop
package main

import "unsafe"

type I interface{ M() }

func main() {
	junk := new([8]uintptr)
	for i := range junk {
		junk[i] = 0xdeadbeef
	}
	var a any = 1
	(*[2]uintptr)(unsafe.Pointer(&a))[0] = uintptr(unsafe.Pointer(junk))
	println("mark: before")
	i, ok := a.(I)
	println("mark: after", i != nil, ok)
}
