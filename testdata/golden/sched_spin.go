// A goroutine that spins in a loop without calls must not starve the
// others: with one P, sysmon preempts it after 10 ms (gc preempts it
// asynchronously), so main's sleep ends and the program exits. A ticker and
// a second spinner check that timers fire and Ps are shared while two
// goroutines never block.
package main

import (
	"fmt"
	"runtime"
	"sync/atomic"
	"time"
)

var sink atomic.Int64

func spin() {
	n := int64(0)
	for {
		n++
		if n&(1<<20) != 0 {
			sink.Store(n)
		}
	}
}

func main() {
	prev := runtime.GOMAXPROCS(1)
	go spin()
	time.Sleep(20 * time.Millisecond)
	fmt.Println("main ran after sleeping, with one P")

	runtime.GOMAXPROCS(2)
	go spin()
	t := time.NewTicker(5 * time.Millisecond)
	for i := 0; i < 3; i++ {
		<-t.C
	}
	t.Stop()
	fmt.Println("three ticks with two spinners on two Ps")
	fmt.Println("GOMAXPROCS restored:", runtime.GOMAXPROCS(prev) == 2)
}
