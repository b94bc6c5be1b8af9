// A forged type word in an empty interface passed to panic: printing the
// panic value reads the forged descriptor's kind and name.
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
	defer println("mark: deferred call ran")
	println("mark: before")
	panic(a)
}
