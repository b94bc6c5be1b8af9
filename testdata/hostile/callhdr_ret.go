// The call header of a goroutine blocked in a call: its return word (the
// caller's function index and pc) is forged to a huge function index; the
// callee then returns.
package main

import (
	"runtime"
	"unsafe"
)

// pat is passed to victim so that its frame can be found: a frame starts
// with its arguments, and the call header (context, saved fp offset, return
// word) is the three words below it.
var pat = [2]uintptr{0x5eed_0001_dead_beef, 0x5eed_0002_cafe_f00d}

func victim(c chan int, a, b uintptr) int {
	v := <-c
	return v + 1
}

func main() {
	c := make(chan int)
	done := make(chan bool)
	go func() {
		println("mark: victim returned", victim(c, pat[0], pat[1]))
		done <- true
	}()
	sg := waitRecv(c)
	if sg == 0 {
		return
	}
	// The sudog's elem is the receiver's result slot, in victim's frame.
	elem := *(*uintptr)(unsafe.Pointer(sg + 24))
	fp := uintptr(0)
	for a := elem - 8; a > elem-4096; a -= 8 {
		w := (*[2]uintptr)(unsafe.Pointer(a))
		if w[0] == pat[0] && w[1] == pat[1] {
			fp = a - 8
			break
		}
	}
	if fp == 0 {
		println("mark: victim's frame not found")
		return
	}
	println("mark: before")
	*(*uintptr)(unsafe.Pointer(fp - 8)) = 0xffff_fff0_0000_0005
	c <- 41
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
