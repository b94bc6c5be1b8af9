// copy from a forged slice whose pointer is outside the arena.
package main

import "unsafe"

func main() {
	src := make([]byte, 16)
	(*[3]uintptr)(unsafe.Pointer(&src))[0] = 0x2000_0000_0000
	dst := make([]byte, 16)
	println("mark: before")
	n := copy(dst, src)
	println("mark: copied", n)
	println("mark: after")
}
