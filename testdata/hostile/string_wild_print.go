// A forged string header (a pointer outside the arena, length 5) printed
// with println. gc faults copying the bytes into its print buffer ("fatal
// error: unexpected signal during runtime execution"); the string must never
// print as "".
//
// want: stop
package main

import "unsafe"

func main() {
	s := "hello"
	(*[2]uintptr)(unsafe.Pointer(&s))[0] = 0x2000_0000_0000
	println("mark: before")
	println(s)
	println("mark: after")
}
