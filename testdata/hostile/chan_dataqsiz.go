// A buffered channel whose dataqsiz is forged to 2^40: sends then write past
// the 4-element buffer.
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
	*word(8) = 1 << 40
	for i := range 6 {
		c <- i
	}
	println("mark: len", len(c))
	println("mark: after")
}
