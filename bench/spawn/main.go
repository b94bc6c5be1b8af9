// Spawn measures goroutine creation and teardown: 100000 goroutines each
// send one value on a shared unbuffered channel; main receives and sums them.
package main

const goroutines = 100_000

func main() {
	c := make(chan int)
	for i := 0; i < goroutines; i++ {
		go func(v int) {
			c <- v
		}(i)
	}
	sum := 0
	for i := 0; i < goroutines; i++ {
		sum += <-c
	}
	println(sum)
}
