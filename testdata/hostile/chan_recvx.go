// A buffered channel whose recvx is forged to 2^40: a receive reads past the
// ring, at an address outside the arena (and outside gc's heap).
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
	c <- 1
	println("mark: before")
	*word(56) = 1 << 40
	println("mark: received", <-c)
	println("mark: after")
}
