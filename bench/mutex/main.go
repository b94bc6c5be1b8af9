// Mutex measures a contended sync.Mutex: four goroutines each increment a
// shared counter 250000 times under the lock.
package main

import "sync"

const (
	workers = 4
	each    = 2_500_000
)

func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	counter := 0
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < each; i++ {
				mu.Lock()
				counter++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	println(counter)
}
