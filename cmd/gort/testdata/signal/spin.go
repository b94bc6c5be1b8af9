// spin blocks forever: main sleeps, one goroutine waits on a channel and
// one spins, until SIGQUIT dumps them.
package main

import (
	"fmt"
	"os"
	"time"
)

var sink int

func spin() {
	for {
		sink++
	}
}

func main() {
	ch := make(chan int)
	go func() { <-ch }()
	go spin()
	// With parallel Ms the two goroutines start on other Ps: let the
	// receiver reach its receive before the test's SIGQUIT.
	time.Sleep(100 * time.Millisecond)
	fmt.Println("ready")
	os.Stdout.Sync()
	time.Sleep(time.Hour)
}
