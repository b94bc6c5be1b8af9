// Timers measures the timer heaps: 100000 goroutines each sleep for a
// duration spread over 1 to 50 ms, then report on a channel.
package main

import (
	"sync"
	"time"
)

const goroutines = 100_000

func main() {
	var wg sync.WaitGroup
	done := make(chan int, 1024)
	for i := 0; i < goroutines; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			time.Sleep(time.Duration(1+i%50) * time.Millisecond)
			done <- i & 1
		}(i)
	}
	go func() {
		wg.Wait()
		close(done)
	}()
	sum := 0
	for v := range done {
		sum += v
	}
	println(sum)
}
