// A buffered channel of int whose elemsize is forged to 0xffff: gc copies
// elements by the element type's size, so a send must not copy 64 KiB into
// a 32-byte buffer.
//
// bad: WRONG
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
	var canaries []*[4]int
	for range 64 {
		canaries = append(canaries, &[4]int{7, 7, 7, 7})
	}
	println("mark: before")
	*(*uint16)(unsafe.Pointer(h + 24)) = 0xffff
	c <- 1
	println("mark: received", <-c)
	for _, p := range canaries {
		if *p != [4]int{7, 7, 7, 7} {
			println("mark: WRONG: a neighbouring heap object was overwritten")
			break
		}
	}
	println("mark: after")
}
