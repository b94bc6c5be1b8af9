// A store through a top-level function's code pointer: the func value of a
// top-level function points at a read-only closure whose first word is the
// code pointer, which points at code (gc: text, gort: the text region).
// Both stores fault in gc.
//
// want: stop
package main

import "unsafe"

func hello() { println("mark: hello") }

func main() {
	f := hello
	clo := *(*uintptr)(unsafe.Pointer(&f))
	code := *(*uintptr)(unsafe.Pointer(clo))
	println("mark: before")
	*(*uintptr)(unsafe.Pointer(code)) = 0
	f()
	println("mark: after")
}
