// A store into a type descriptor (int's size word). gc keeps descriptors in
// read-only memory, so the store faults.
//
// want: stop
package main

import "unsafe"

func main() {
	var a any = 1
	t := (*[2]uintptr)(unsafe.Pointer(&a))[0]
	println("mark: before")
	*(*uintptr)(unsafe.Pointer(t)) = 1 << 40
	println("mark: after")
}
