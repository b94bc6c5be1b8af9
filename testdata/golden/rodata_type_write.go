// A type descriptor is read-only data: writing through the type word of an
// empty interface faults.
package main

import "unsafe"

type T struct{ a, b int }

func main() {
	var e any = T{1, 2}
	w := (*[2]unsafe.Pointer)(unsafe.Pointer(&e))
	size := (*uintptr)(w[0]) // abi.Type.Size_ is the first word
	println(*size)
	*size = 99
	println(*size)
}
