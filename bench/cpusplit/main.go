// Cpusplit measures parallel speedup: a CPU-bound loop (no allocation, no
// communication) split over two goroutines.
package main

import "sync"

const total = 400_000_000

func work(lo, hi int) int {
	s := 0
	for i := lo; i < hi; i++ {
		s += i * i % 7
	}
	return s
}

func main() {
	var wg sync.WaitGroup
	var res [2]int
	for k := 0; k < 2; k++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			res[k] = work(k*total/2, (k+1)*total/2)
		}()
	}
	wg.Wait()
	println(res[0] + res[1])
}
