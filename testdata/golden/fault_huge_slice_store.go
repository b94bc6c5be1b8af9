// A store through a forged slice of length 2^62, at an index that puts the
// element at an address outside gort's arena and gc's heap.
package main

import "unsafe"

func main() {
	b := make([]byte, 8)
	(*[3]uintptr)(unsafe.Pointer(&b))[1] = 1 << 62
	(*[3]uintptr)(unsafe.Pointer(&b))[2] = 1 << 62
	i := 0x3080_0000_0000 - uintptr(unsafe.Pointer(&b[0]))
	println("mark: before")
	b[i] = 1
	println("mark: after")
}
