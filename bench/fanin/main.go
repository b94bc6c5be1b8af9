// Fanin measures buffered channel throughput with contention: eight
// producers send 250000 values each into one buffered channel, which main
// drains and sums.
package main

import "sync"

const (
	producers = 8
	each      = 250_000
)

func main() {
	c := make(chan int, 128)
	var wg sync.WaitGroup
	for p := 0; p < producers; p++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < each; i++ {
				c <- i & 0xff
			}
		}()
	}
	go func() {
		wg.Wait()
		close(c)
	}()
	sum := 0
	for v := range c {
		sum += v
	}
	println(sum)
}
