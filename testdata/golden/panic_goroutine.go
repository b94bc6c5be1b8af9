// An unrecovered panic in a goroutine other than main.
package main

func worker(c chan int) {
	v := <-c
	panic(v)
}

func main() {
	c := make(chan int)
	block := make(chan bool)
	go worker(c)
	c <- 7
	<-block
}
