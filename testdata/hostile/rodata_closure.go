// A store into the static closure of a top-level function (its code word),
// then a call through it. gc keeps that closure in read-only memory.
//
// want: stop
package main

import "unsafe"

func hello() { println("mark: hello") }

func main() {
	f := hello
	clo := *(*uintptr)(unsafe.Pointer(&f))
	println("mark: before")
	*(*uintptr)(unsafe.Pointer(clo)) = 0x2000_0000_0000
	f()
	println("mark: after")
}
