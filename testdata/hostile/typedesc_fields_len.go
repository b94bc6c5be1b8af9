// A forged struct descriptor on the heap whose field count is 2^40, with a
// field array that is really two fields long, used in an equality.
//
// want: stop
package main

import "unsafe"

type pair = struct{ A, B string }

func typeWord(x any) uintptr { return (*[2]uintptr)(unsafe.Pointer(&x))[0] }

func main() {
	forged := new([10]uintptr)
	*forged = *(*[10]uintptr)(unsafe.Pointer(typeWord(pair{})))
	forged[8], forged[9] = 1<<40, 1<<40 // StructType.Fields len and cap
	var a, b any = pair{"x", "y"}, pair{"x", "y"}
	(*[2]uintptr)(unsafe.Pointer(&a))[0] = uintptr(unsafe.Pointer(forged))
	(*[2]uintptr)(unsafe.Pointer(&b))[0] = uintptr(unsafe.Pointer(forged))
	println("mark: before")
	println(a == b)
	println("mark: after")
}
