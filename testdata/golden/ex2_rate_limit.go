// Rate limiting in the Go by Example style: a time.Tick limiter for a few
// requests, a bursty limiter from a buffered channel refilled by a ticker,
// and a ticker stopped after some ticks; only the order is printed.
package main

import (
	"fmt"
	"time"
)

func main() {
	requests := make(chan int, 5)
	for i := 1; i <= 5; i++ {
		requests <- i
	}
	close(requests)
	limiter := time.Tick(20 * time.Millisecond)
	start := time.Now()
	for req := range requests {
		<-limiter
		fmt.Println("request", req)
	}
	if el := time.Since(start); el < 90*time.Millisecond {
		fmt.Println("too fast:", el)
	}

	bursty := make(chan time.Time, 3)
	for range 3 {
		bursty <- time.Now()
	}
	ticker := time.NewTicker(20 * time.Millisecond)
	done := make(chan bool)
	go func() {
		for t := range ticker.C {
			select {
			case bursty <- t:
			case <-done:
				return
			}
		}
	}()
	burstReqs := make(chan int, 5)
	for i := 1; i <= 5; i++ {
		burstReqs <- i
	}
	close(burstReqs)
	t0 := time.Now()
	var fast int
	for req := range burstReqs {
		<-bursty
		if time.Since(t0) < 10*time.Millisecond {
			fast++
		}
		fmt.Println("bursty request", req)
	}
	ticker.Stop()
	close(done)
	fmt.Println("served immediately:", fast >= 3)

	tk := time.NewTicker(5 * time.Millisecond)
	n := 0
	for range tk.C {
		n++
		if n == 4 {
			tk.Stop()
			break
		}
	}
	tk.Reset(5 * time.Millisecond)
	<-tk.C
	tk.Stop()
	fmt.Println("ticks:", n)
	timer := time.NewTimer(time.Hour)
	fmt.Println("stopped before firing:", timer.Stop())
	timer.Reset(time.Millisecond)
	<-timer.C
	fmt.Println("reset timer fired; stop now:", timer.Stop())
	fired := make(chan string)
	time.AfterFunc(3*time.Millisecond, func() { fired <- "after func" })
	select {
	case s := <-fired:
		fmt.Println(s)
	case <-time.After(time.Second):
		fmt.Println("timeout")
	}
}
