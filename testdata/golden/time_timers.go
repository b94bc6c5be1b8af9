package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	start := time.Now()
	time.Sleep(20 * time.Millisecond)
	fmt.Println("slept", time.Since(start) >= 20*time.Millisecond)
	t := time.NewTimer(10 * time.Millisecond)
	<-t.C
	fmt.Println("timer fired")
	select {
	case <-time.After(5 * time.Millisecond):
		fmt.Println("after")
	case <-time.After(time.Second):
		fmt.Println("wrong")
	}
	var wg sync.WaitGroup
	wg.Add(1)
	time.AfterFunc(5*time.Millisecond, func() { fmt.Println("afterfunc"); wg.Done() })
	wg.Wait()
	tk := time.NewTicker(3 * time.Millisecond)
	n := 0
	for range tk.C {
		n++
		if n == 3 {
			tk.Stop()
			break
		}
	}
	fmt.Println("ticks", n)
	t2 := time.NewTimer(time.Hour)
	fmt.Println("stop", t2.Stop(), t2.Stop())
	t3 := time.NewTimer(time.Millisecond)
	time.Sleep(5 * time.Millisecond)
	fmt.Println("reset", t3.Reset(time.Millisecond))
	<-t3.C
	done := make(chan bool)
	for i := 0; i < 3; i++ {
		go func(i int) {
			time.Sleep(time.Duration(3-i) * 5 * time.Millisecond)
			fmt.Println("g", i)
			done <- true
		}(i)
	}
	for i := 0; i < 3; i++ {
		<-done
	}
	ctxTimeout := time.After(20 * time.Millisecond)
	<-ctxTimeout
	fmt.Println("end")
}
