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
	fmt.Println("ready")
	os.Stdout.Sync()
	time.Sleep(time.Hour)
}
