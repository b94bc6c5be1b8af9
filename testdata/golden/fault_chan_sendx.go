// A buffered channel whose sendx (gc's layout: offset 48) is forged so that
// the next send's slot, buf + sendx*elemsize, is an address outside the
// arena.
package main

import "unsafe"

func main() {
	c := make(chan int, 4)
	h := *(*uintptr)(unsafe.Pointer(&c))
	buf := *(*uintptr)(unsafe.Pointer(h + 16))
	*(*uintptr)(unsafe.Pointer(h + 48)) = (0x2000_0000_0000 - buf) / 8
	println("mark: before")
	c <- 1
	println("mark: sent", len(c))
	println("mark: after")
}
