// A buffered channel whose elemtype word is forged to a heap object that is
// no type descriptor, then a send and a receive.
package main

import "unsafe"

func main() {
	c := make(chan int, 4)
	// hchan has gc's layout: qcount 0, dataqsiz 8, buf 16, elemsize 24
	// (uint16), closed 28, elemtype 40, sendx 48, recvx 56, recvq 64,
	// sendq 80.
	h := *(*uintptr)(unsafe.Pointer(&c))
	word := func(off uintptr) *uintptr { return (*uintptr)(unsafe.Pointer(h + off)) }
	_ = word
	println("mark: before")
	*word(40) = uintptr(unsafe.Pointer(new([8]uintptr)))
	c <- 1
	println("mark: received", <-c)
	println("mark: after")
}
