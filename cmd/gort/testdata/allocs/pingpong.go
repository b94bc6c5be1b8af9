// pingpong is bench/pingpong at a size set by the test: allocs_test.go
// rewrites the value of n.
package main

const n = 100_000

func main() {
	ping := make(chan int)
	pong := make(chan int)
	done := make(chan int)
	go func() {
		for {
			v := <-ping
			if v < 0 {
				done <- 0
				return
			}
			pong <- v + 1
		}
	}()
	sum := 0
	v := 0
	for i := 0; i < n; i++ {
		ping <- v
		v = <-pong
		sum += v & 0xff
	}
	ping <- -1
	<-done
	println(v, sum)
}
