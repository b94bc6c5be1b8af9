// runtime.Goexit from the main goroutine after every other goroutine has
// finished: deferred calls run, then the program dies of deadlock.
package main

import "runtime"

func main() {
	done := make(chan bool)
	go func() {
		println("other goroutine")
		done <- true
	}()
	<-done
	defer println("deferred in main")
	runtime.Goexit()
	println("unreachable")
}
