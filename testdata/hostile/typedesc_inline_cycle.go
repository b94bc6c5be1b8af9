// A forged struct descriptor on the heap, a copy of a real one whose first
// field's type is the forged descriptor itself: a struct that holds itself
// inline. Comparing two interfaces of that type walks its fields.
//
// want: stop
package main

import "unsafe"

type pair = struct{ A, B int }

func typeWord(x any) uintptr { return (*[2]uintptr)(unsafe.Pointer(&x))[0] }

func main() {
	real := (*[10]uintptr)(unsafe.Pointer(typeWord(pair{})))
	forged := new([10]uintptr)
	*forged = *real
	// StructType.Fields is the slice at word 7; each field is 3 words.
	fields := new([6]uintptr)
	*fields = *(*[6]uintptr)(unsafe.Pointer(real[7]))
	fields[1] = uintptr(unsafe.Pointer(forged))
	forged[7] = uintptr(unsafe.Pointer(fields))
	var a, b any = pair{1, 2}, pair{1, 2}
	(*[2]uintptr)(unsafe.Pointer(&a))[0] = uintptr(unsafe.Pointer(forged))
	(*[2]uintptr)(unsafe.Pointer(&b))[0] = uintptr(unsafe.Pointer(forged))
	println("mark: before")
	println(a == b)
	println("mark: after")
}
