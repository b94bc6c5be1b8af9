package main

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

type readOp struct {
	key  int
	resp chan int
}

type writeOp struct {
	key, val int
	resp     chan bool
}

func main() {
	requests := make(chan int, 5)
	for i := 1; i <= 5; i++ {
		requests <- i
	}
	close(requests)
	limiter := time.Tick(5 * time.Millisecond)
	start := time.Now()
	for req := range requests {
		<-limiter
		fmt.Println("request", req)
	}
	fmt.Println("rate limited >= 20ms:", time.Since(start) >= 20*time.Millisecond)

	bursty := make(chan time.Time, 3)
	for i := 0; i < 3; i++ {
		bursty <- time.Now()
	}
	go func() {
		for t := range time.Tick(5 * time.Millisecond) {
			bursty <- t
		}
	}()
	breqs := make(chan int, 5)
	for i := 1; i <= 5; i++ {
		breqs <- i
	}
	close(breqs)
	for req := range breqs {
		<-bursty
		fmt.Println("bursty request", req)
	}

	var readOps, writeOps uint64
	reads := make(chan readOp)
	writes := make(chan writeOp)
	go func() {
		state := map[int]int{}
		for {
			select {
			case r := <-reads:
				r.resp <- state[r.key]
			case w := <-writes:
				state[w.key] = w.val
				w.resp <- true
			}
		}
	}()
	var wg sync.WaitGroup
	for r := 0; r < 10; r++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 20; i++ {
				read := readOp{key: i % 5, resp: make(chan int)}
				reads <- read
				<-read.resp
				atomic.AddUint64(&readOps, 1)
			}
		}()
	}
	for w := 0; w < 5; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 10; i++ {
				write := writeOp{key: i % 5, val: i, resp: make(chan bool)}
				writes <- write
				<-write.resp
				atomic.AddUint64(&writeOps, 1)
			}
		}()
	}
	wg.Wait()
	fmt.Println("readOps:", atomic.LoadUint64(&readOps), "writeOps:", atomic.LoadUint64(&writeOps))

	timer := time.NewTimer(50 * time.Millisecond)
	done := make(chan bool)
	go func() {
		<-timer.C
		done <- true
	}()
	if timer.Stop() {
		fmt.Println("timer stopped before firing")
	}
	timer.Reset(2 * time.Millisecond)
	fmt.Println("fired after reset:", <-done)

	t2 := time.NewTimer(time.Millisecond)
	time.Sleep(5 * time.Millisecond)
	fmt.Println("stop after expiry:", t2.Stop())
	select {
	case <-t2.C:
		fmt.Println("stale value received")
	default:
		fmt.Println("no stale value (Go 1.23 timers)")
	}
	tk := time.NewTicker(3 * time.Millisecond)
	n := 0
	timeout := time.After(100 * time.Millisecond)
loop:
	for {
		select {
		case <-tk.C:
			n++
			if n == 2 {
				tk.Reset(time.Millisecond)
			}
			if n == 5 {
				break loop
			}
		case <-timeout:
			fmt.Println("timeout!")
			break loop
		}
	}
	tk.Stop()
	fmt.Println("ticks", n)
	var counter atomic.Int64
	var wg2 sync.WaitGroup
	for i := 0; i < 20; i++ {
		wg2.Add(1)
		go func() {
			defer wg2.Done()
			for {
				old := counter.Load()
				if counter.CompareAndSwap(old, old+1) {
					return
				}
			}
		}()
	}
	wg2.Wait()
	fmt.Println("cas counter", counter.Load())
	d := 1500 * time.Millisecond
	fmt.Printf("%v %.1f %d %s\n", d, d.Seconds(), d.Milliseconds(), time.Duration(123456789))
}
