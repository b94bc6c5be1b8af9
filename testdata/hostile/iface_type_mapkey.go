// A forged type word in an empty interface used as a map key: hashing reads
// the forged descriptor's hash function.
//
// want: stop
package main

import "unsafe"

func main() {
	junk := new([8]uintptr)
	for i := range junk {
		junk[i] = 0xdeadbeef
	}
	var a any = 1
	(*[2]uintptr)(unsafe.Pointer(&a))[0] = uintptr(unsafe.Pointer(junk))
	m := map[any]int{}
	println("mark: before")
	m[a] = 1
	println("mark: after", len(m))
}
