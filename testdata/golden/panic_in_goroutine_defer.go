// A goroutine's deferred function panics during a panic.
package main

func worker(c chan int) {
	defer func() {
		panic("second")
	}()
	v := <-c
	panic(v)
}

func main() {
	c := make(chan int)
	go func() {
		worker(c)
	}()
	c <- 7
	select {}
}
