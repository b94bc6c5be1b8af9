// Two forged strings of length 2^40 over different heap bytes that are equal
// at first: they may compare unequal where the bytes first differ, or fault
// where the arena ends, but never equal.
package main

import "unsafe"

func main() {
	x, y := make([]byte, 64), make([]byte, 64)
	s, t := unsafe.String(&x[0], 64), unsafe.String(&y[0], 64)
	(*[2]uintptr)(unsafe.Pointer(&s))[1] = 1 << 40
	(*[2]uintptr)(unsafe.Pointer(&t))[1] = 1 << 40
	println("mark: before")
	if s == t {
		println("mark: WRONG: 1 TiB strings compared equal")
	}
	println("mark: after")
}
