package main

import (
	"fmt"
	"time"
)

func main() {
	c1 := make(chan string, 1)
	go func() {
		time.Sleep(200 * time.Millisecond)
		c1 <- "result 1"
	}()
	select {
	case res := <-c1:
		fmt.Println(res)
	case <-time.After(50 * time.Millisecond):
		fmt.Println("timeout 1")
	}

	c2 := make(chan string, 1)
	go func() {
		time.Sleep(20 * time.Millisecond)
		c2 <- "result 2"
	}()
	select {
	case res := <-c2:
		fmt.Println(res)
	case <-time.After(500 * time.Millisecond):
		fmt.Println("timeout 2")
	}

	// non-blocking
	messages := make(chan string)
	select {
	case msg := <-messages:
		fmt.Println("received", msg)
	default:
		fmt.Println("no message received")
	}
	select {
	case messages <- "hi":
		fmt.Println("sent")
	default:
		fmt.Println("no message sent")
	}

	// ticker
	ticker := time.NewTicker(10 * time.Millisecond)
	n := 0
	for range ticker.C {
		n++
		if n == 3 {
			ticker.Stop()
			break
		}
	}
	fmt.Println("ticks:", n)

	// timer stop
	timer := time.NewTimer(time.Second)
	stopped := timer.Stop()
	fmt.Println("stopped:", stopped)
	t2 := time.NewTimer(5 * time.Millisecond)
	<-t2.C
	fmt.Println("timer 2 fired; reset:", t2.Reset(5*time.Millisecond))
	<-t2.C
	fmt.Println("fired again")

	var nilch chan int
	select {
	case v := <-nilch:
		fmt.Println("impossible", v)
	case <-time.After(time.Millisecond):
		fmt.Println("nil channel never ready")
	}

	start := time.Now()
	time.Sleep(30 * time.Millisecond)
	el := time.Since(start)
	fmt.Println("slept at least 30ms:", el >= 30*time.Millisecond)

	afc := make(chan int)
	time.AfterFunc(5*time.Millisecond, func() { afc <- 42 })
	fmt.Println("AfterFunc:", <-afc)
}
