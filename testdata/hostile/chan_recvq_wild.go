// A channel whose recvq.first is forged to an address outside the arena,
// then a send looks for a waiting receiver.
//
// want: stop
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
	*word(64) = 0x2000_0000_0000
	c <- 1
	println("mark: received", <-c)
	println("mark: after")
}
