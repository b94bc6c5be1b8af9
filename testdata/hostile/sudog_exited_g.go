// A sudog names an exited goroutine: the goroutine word of a receiver that
// has since exited is copied into the sudog of a live receiver, then a send
// wakes it.
package main

import (
	"runtime"
	"unsafe"
)

func main() {
	c1, c2 := make(chan int), make(chan int)
	done := make(chan bool)
	go func() {
		<-c1
		done <- true
	}()
	sg := waitRecv(c1)
	if sg == 0 {
		return
	}
	stale := *(*uintptr)(unsafe.Pointer(sg))
	c1 <- 1
	<-done
	for range 10 {
		runtime.Gosched()
	}
	go func() {
		v := <-c2
		println("mark: received", v)
		done <- true
	}()
	sg = waitRecv(c2)
	if sg == 0 {
		return
	}
	println("mark: before")
	*(*uintptr)(unsafe.Pointer(sg)) = stale
	c2 <- 2
	for range 10 {
		runtime.Gosched()
	}
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
