// A channel whose sendq.first is forged to point at the hchan itself, then
// a receive on the empty channel looks for a waiting sender.
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
	*word(80) = h
	select {
	case v := <-c:
		println("mark: received", v)
	default:
		println("mark: nothing received")
	}
	println("mark: after")
}
