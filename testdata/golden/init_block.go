// Package initialisation blocks on channels fed by goroutines it started
// (DESIGN.md §4.1): a package-level variable's initialiser and an init
// function each park until another goroutine sends; main runs after both.
package main

var ready = make(chan string)

var first = waitFor(ready, "from the variable initialiser")

func waitFor(c chan string, what string) string {
	go func() { c <- what }()
	return <-c
}

var total int

func init() {
	c := make(chan int)
	go func() {
		for i := 1; i <= 5; i++ {
			c <- i
		}
		close(c)
	}()
	for v := range c {
		total += v
	}
	println("init: total", total)
}

func init() {
	done := make(chan bool)
	go func() {
		println("second init's goroutine runs")
		done <- true
	}()
	<-done
	println("second init done")
}

func main() {
	println("main:", first, total)
}
