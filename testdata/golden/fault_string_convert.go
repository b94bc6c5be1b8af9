// A forged string header (a pointer outside the arena) converted to []byte.
package main

import "unsafe"

func main() {
	s := "hello"
	(*[2]uintptr)(unsafe.Pointer(&s))[0] = 0x2000_0000_0000
	println("mark: before")
	b := []byte(s)
	println("mark: converted", len(b), b[4])
	println("mark: after")
}
