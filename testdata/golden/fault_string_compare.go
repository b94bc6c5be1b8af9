// A forged string header (a pointer outside the arena) compared with a
// constant of its length: the comparison reads the bytes.
package main

import "unsafe"

func main() {
	s := "hello"
	(*[2]uintptr)(unsafe.Pointer(&s))[0] = 0x2000_0000_0000
	println("mark: before")
	println(s == "hello")
	println("mark: after")
}
