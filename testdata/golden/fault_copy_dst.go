// copy into a forged slice whose pointer is outside the arena: copy must not
// report bytes copied while copying none.
package main

import "unsafe"

func main() {
	src := []byte("hello, world")
	dst := make([]byte, 16)
	(*[3]uintptr)(unsafe.Pointer(&dst))[0] = 0x2000_0000_0000
	println("mark: before")
	n := copy(dst, src)
	println("mark: copied", n)
	println("mark: after")
}
