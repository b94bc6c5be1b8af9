// Channel idioms: closing to broadcast, range over a channel, ok receives
// from a closed channel, nil channels disabling select cases while merging
// two streams, buffered capacity and len, directional parameters, and a
// generator pipeline with cancellation by a done channel.
package main

import (
	"fmt"
	"sort"
	"sync"
)

func gen(done <-chan struct{}, nums ...int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for _, n := range nums {
			select {
			case out <- n:
			case <-done:
				return
			}
		}
	}()
	return out
}

func sq(done <-chan struct{}, in <-chan int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for n := range in {
			select {
			case out <- n * n:
			case <-done:
				return
			}
		}
	}()
	return out
}

func merge(a, b <-chan int) []int {
	var got []int
	for a != nil || b != nil {
		select {
		case v, ok := <-a:
			if !ok {
				a = nil
				got = append(got, -1)
				continue
			}
			got = append(got, v)
		case v, ok := <-b:
			if !ok {
				b = nil
				got = append(got, -2)
				continue
			}
			got = append(got, v)
		}
	}
	return got
}

func main() {
	jobs := make(chan int, 5)
	results := make(chan string, 5)
	var wg sync.WaitGroup
	for w := 1; w <= 3; w++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			for j := range jobs {
				results <- fmt.Sprintf("job%d", j)
			}
		}(w)
	}
	for j := 1; j <= 5; j++ {
		jobs <- j
	}
	fmt.Println("queued", len(jobs), cap(jobs))
	close(jobs)
	wg.Wait()
	close(results)
	var rs []string
	for r := range results {
		rs = append(rs, r)
	}
	sort.Strings(rs)
	fmt.Println(rs)
	v, ok := <-results
	fmt.Printf("%q %v\n", v, ok)

	start := make(chan struct{})
	var ready sync.WaitGroup
	var mu sync.Mutex
	var order []int
	for i := range 4 {
		ready.Add(1)
		go func() {
			defer ready.Done()
			<-start
			mu.Lock()
			order = append(order, i)
			mu.Unlock()
		}()
	}
	close(start)
	ready.Wait()
	sort.Ints(order)
	fmt.Println("all released:", order)

	a := make(chan int)
	b := make(chan int)
	go func() {
		for i := 1; i <= 3; i++ {
			a <- i
		}
		close(a)
	}()
	go func() {
		for i := 10; i <= 30; i += 10 {
			b <- i
		}
		close(b)
	}()
	got := merge(a, b)
	sort.Ints(got)
	fmt.Println(got)

	done := make(chan struct{})
	out := sq(done, sq(done, gen(done, 1, 2, 3, 4, 5)))
	fmt.Println(<-out, <-out)
	close(done)
	for range out {
	}
	fmt.Println("pipeline cancelled")

	var nilch chan int
	select {
	case v := <-nilch:
		fmt.Println("impossible", v)
	default:
		fmt.Println("nil channel never ready")
	}
	sem := make(chan struct{}, 2)
	sem <- struct{}{}
	sem <- struct{}{}
	select {
	case sem <- struct{}{}:
		fmt.Println("acquired")
	default:
		fmt.Println("semaphore full", len(sem))
	}
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		c := make(chan int, 1)
		close(c)
		c <- 1
	}()
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		var c chan int
		close(c)
	}()
}
