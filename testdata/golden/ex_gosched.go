package main

import (
	"fmt"
	"runtime"
	"sync"
)

func say(s string, wg *sync.WaitGroup) {
	defer wg.Done()
	for i := 0; i < 3; i++ {
		runtime.Gosched()
		fmt.Println(s, i)
	}
}

func main() {
	runtime.GOMAXPROCS(1)
	var wg sync.WaitGroup
	wg.Add(2)
	go say("world", &wg)
	go say("there", &wg)
	for i := 0; i < 3; i++ {
		runtime.Gosched()
		fmt.Println("hello", i)
	}
	wg.Wait()
	done := make(chan bool)
	for i := 0; i < 5; i++ {
		go func() {
			fmt.Println("goroutine", i)
			done <- true
		}()
	}
	for i := 0; i < 5; i++ {
		<-done
	}
	fmt.Println("goroutines:", runtime.NumGoroutine())
	ch := make(chan int)
	go func() {
		for i := 0; i < 3; i++ {
			ch <- i
			fmt.Println("sent", i)
		}
		close(ch)
	}()
	for v := range ch {
		fmt.Println("recv", v)
	}
	bch := make(chan int, 2)
	go func() {
		for i := 0; i < 4; i++ {
			bch <- i
			fmt.Println("bsent", i)
		}
		close(bch)
	}()
	runtime.Gosched()
	for v := range bch {
		fmt.Println("brecv", v)
	}
}
