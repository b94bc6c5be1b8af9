// A type word outside the arena in an empty interface, compared with ==.
//
// want: stop
package main

import "unsafe"

func main() {
	var a, b any = 1, 1
	(*[2]uintptr)(unsafe.Pointer(&a))[0] = 0x2000_0000_0000
	(*[2]uintptr)(unsafe.Pointer(&b))[0] = 0x2000_0000_0000
	println("mark: before")
	println(a == b)
	println("mark: after")
}
