// Pingpong measures channel handoff and goroutine switching: two goroutines
// bounce an int back and forth over two unbuffered channels.
package main

// n is the number of round trips; cmd/gort's allocation test runs this
// program at other sizes by rewriting this line.
const n = 500_000

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
