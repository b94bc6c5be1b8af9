// A deferred call run by runtime.Goexit panics: the traceback shows the
// runtime.Goexit frame between the deferred call and the goroutine's frame.
package main

import "runtime"

func worker(done chan bool) {
	defer func() {
		panic("in deferred call during Goexit")
	}()
	runtime.Goexit()
}

func main() {
	done := make(chan bool)
	go worker(done)
	<-done
}
