// An exact copy of a struct type's descriptor in a package variable, which
// no descriptor ever lives in: the runtime takes types only from the image
// and the heap, where reflect makes them.
//
// want: stop
package main

import "unsafe"

type pair = struct{ A, B float64 }

var forged [10]uintptr

func typeWord(x any) uintptr { return (*[2]uintptr)(unsafe.Pointer(&x))[0] }

func main() {
	forged = *(*[10]uintptr)(unsafe.Pointer(typeWord(pair{})))
	var a, b any = pair{1, 2}, pair{1, 2}
	(*[2]uintptr)(unsafe.Pointer(&a))[0] = uintptr(unsafe.Pointer(&forged))
	(*[2]uintptr)(unsafe.Pointer(&b))[0] = uintptr(unsafe.Pointer(&forged))
	println("mark: before")
	println(a == b)
	println("mark: after")
}
