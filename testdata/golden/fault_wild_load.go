// A load from an address mapped neither by gc nor inside gort's arena.
package main

import "unsafe"

func main() {
	p := (*int)(unsafe.Pointer(uintptr(0x2000_0000_0000)))
	println("mark: before")
	println(*p)
	println("mark: after")
}
