// A forged type word in an empty interface, compared with ==. The type word
// names a heap object that is no type descriptor; equality must read the
// descriptor's equal function.
//
// want: stop
package main

import "unsafe"

func main() {
	junk := new([8]uintptr)
	for i := range junk {
		junk[i] = 0xdeadbeef
	}
	var a, b any = 1, 1
	forgeType(&a, uintptr(unsafe.Pointer(junk)))
	forgeType(&b, uintptr(unsafe.Pointer(junk)))
	println("mark: before")
	println(a == b)
	println("mark: after")
}

func forgeType(e *any, t uintptr) {
	(*[2]uintptr)(unsafe.Pointer(e))[0] = t
}
