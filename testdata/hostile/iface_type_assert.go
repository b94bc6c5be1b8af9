// A forged type word in an empty interface, asserted to a concrete type
// without comma-ok: the failed assertion's panic names the dynamic type, so
// the descriptor is read.
//
// want: stop
// bad: is <nil>
package main

import "unsafe"

func main() {
	junk := new([8]uintptr)
	for i := range junk {
		junk[i] = 0xdeadbeef
	}
	var a any = 1
	(*[2]uintptr)(unsafe.Pointer(&a))[0] = uintptr(unsafe.Pointer(junk))
	println("mark: before")
	n := a.(int)
	println("mark: after", n)
}
