package main

import (
	"fmt"
	"sync"
)

func gen(nums ...int) <-chan int {
	out := make(chan int)
	go func() {
		for _, n := range nums {
			out <- n
		}
		close(out)
	}()
	return out
}

func sq(in <-chan int) <-chan int {
	out := make(chan int)
	go func() {
		for n := range in {
			out <- n * n
		}
		close(out)
	}()
	return out
}

func merge(cs ...<-chan int) <-chan int {
	var wg sync.WaitGroup
	out := make(chan int, 4)
	output := func(c <-chan int) {
		for n := range c {
			out <- n
		}
		wg.Done()
	}
	wg.Add(len(cs))
	for _, c := range cs {
		go output(c)
	}
	go func() {
		wg.Wait()
		close(out)
	}()
	return out
}

func main() {
	in := gen(1, 2, 3, 4, 5, 6, 7, 8, 9, 10)
	c1 := sq(in)
	c2 := sq(in)
	c3 := sq(in)
	sum := 0
	count := 0
	for n := range merge(c1, c2, c3) {
		sum += n
		count++
	}
	fmt.Println("sum of squares:", sum, "values:", count)

	// done-channel cancellation
	done := make(chan struct{})
	nat := make(chan int)
	go func() {
		defer close(nat)
		for i := 0; ; i++ {
			select {
			case nat <- i:
			case <-done:
				return
			}
		}
	}()
	for v := range nat {
		if v == 5 {
			close(done)
			break
		}
		fmt.Print(v, " ")
	}
	fmt.Println()
	for range nat {
	}
	fmt.Println("drained")
}
