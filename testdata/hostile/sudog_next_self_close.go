// A blocked receiver's sudog whose next link is forged to point at itself,
// then the channel is closed: close releases every receiver in queue order,
// and the forged link puts the same, already released, receiver first again.
package main

import (
	"runtime"
	"unsafe"
)

func main() {
	c := make(chan int)
	done := make(chan bool)
	go func() {
		v, ok := <-c
		println("mark: received", v, ok)
		done <- true
	}()
	runtime.Gosched() // the receiver blocks
	// hchan has gc's layout: recvq.first at 64; a sudog's next is at 8.
	h := *(*uintptr)(unsafe.Pointer(&c))
	sg := *(*uintptr)(unsafe.Pointer(h + 64))
	if sg == 0 {
		println("mark: no blocked receiver")
		return
	}
	*(*uintptr)(unsafe.Pointer(sg + 8)) = sg
	println("mark: before")
	close(c)
	<-done
	println("mark: after")
}
