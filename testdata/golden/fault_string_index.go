// A forged string header (a pointer outside the arena), indexed.
package main

import "unsafe"

func main() {
	s := "hello"
	(*[2]uintptr)(unsafe.Pointer(&s))[0] = 0x2000_0000_0000
	println("mark: before")
	println(s[0])
	println("mark: after")
}
