// A blocked receiver's sudog has its goroutine word forged to 2^40; a send
// then wakes whatever it names.
package main

import (
	"runtime"
	"unsafe"
)

func main() {
	c := make(chan int)
	go func() {
		println("mark: received", <-c)
	}()
	sg := waitRecv(c)
	if sg == 0 {
		return
	}
	println("mark: before")
	*(*uintptr)(unsafe.Pointer(sg)) = 1 << 40
	c <- 1
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
