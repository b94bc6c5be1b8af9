// A buffered channel whose hchan buf word (gc's layout: offset 16) is forged
// to an address outside the arena, then a send into the buffer.
package main

import "unsafe"

func main() {
	c := make(chan int, 4)
	h := *(*uintptr)(unsafe.Pointer(&c))
	*(*uintptr)(unsafe.Pointer(h + 16)) = 0x2000_0000_0000
	println("mark: before")
	c <- 1
	println("mark: sent", len(c))
	println("mark: after")
}
