// A deferred call blocks on a channel while its goroutine is panicking; the
// goroutine that feeds the channel runs only once main has parked inside
// the deferred call. Then the deferred call recovers (DESIGN.md §4.1).
package main

func feed(c chan int, n int) {
	for i := 1; i <= n; i++ {
		c <- i * 10
	}
	close(c)
}

func work(c chan int) (sum int) {
	defer func() {
		for v := range c { // parks several times mid-panic
			sum += v
		}
		r := recover()
		println("recovered:", r.(string), "sum:", sum)
	}()
	go feed(c, 4)
	panic("boom")
}

func nested(c chan int) {
	defer func() {
		println("outer deferred call: recover() =", recover() == nil)
	}()
	defer func() {
		v := <-c // parks while the second panic is in flight
		println("inner deferred call received", v)
		panic("second")
	}()
	go func() { c <- 7 }()
	panic("first")
}

func main() {
	println("work returned", work(make(chan int)))
	nested(make(chan int))
	println("main done")
}
