// A goroutine blocked in a select: the sudog it queued on c1, the first in
// its waitlink chain, links to itself; then c2 wins, and the woken select
// walks the chain.
package main

import (
	"runtime"
	"unsafe"
)

func main() {
	c1, c2 := make(chan int), make(chan int)
	done := make(chan bool)
	go func() {
		select {
		case v := <-c1:
			println("mark: received on c1", v)
		case v := <-c2:
			println("mark: received on c2", v)
		}
		done <- true
	}()
	sg := waitRecv(c1)
	if sg == 0 {
		return
	}
	println("mark: before")
	*(*uintptr)(unsafe.Pointer(sg + 48)) = sg
	c2 <- 1
	<-done
	println("mark: after")
}

// recvq returns the first sudog waiting to receive on c: hchan has gc's
// layout, with recvq.first at offset 64.
func recvq(c chan int) uintptr {
	h := *(*uintptr)(unsafe.Pointer(&c))
	return *(*uintptr)(unsafe.Pointer(h + 64))
}

// waitRecv yields until a goroutine is blocked receiving on c.
func waitRecv(c chan int) uintptr {
	for range 100 {
		if s := recvq(c); s != 0 {
			return s
		}
		runtime.Gosched()
	}
	println("mark: no goroutine blocked on the channel")
	return 0
}
