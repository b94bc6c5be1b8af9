// A select's results are a tuple with gc's layout: narrow received values
// sit right after the recvOK byte, so each must be written at its own
// width, whether the value was waiting in a buffer, came from a parked
// sender, or arrived while the select was parked.
package main

import "runtime"

func main() {
	c8 := make(chan int8, 1)
	c8 <- -7
	select {
	case v, ok := <-c8:
		println("buffered", v, ok)
	}
	c32 := make(chan int32)
	go func() { c32 <- 234 }()
	for {
		select {
		case v := <-c32:
			println("parked sender", v)
			goto next
		default:
			runtime.Gosched()
		}
	}
next:
	c16 := make(chan uint16)
	go func() {
		for i := 0; i < 3; i++ {
			runtime.Gosched()
		}
		c16 <- 65535
	}()
	select {
	case v := <-c16:
		println("parked select", v)
	}
	cb := make(chan bool, 1)
	cb <- true
	select {
	case v, ok := <-cb:
		println("bool", v, ok)
	}
	close(c8)
	select {
	case v, ok := <-c8:
		println("closed", v, ok)
	}
}
