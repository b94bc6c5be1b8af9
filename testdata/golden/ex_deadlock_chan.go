package main

import "fmt"

func main() {
	ch := make(chan int)
	fmt.Println("about to block")
	ch <- 1
	fmt.Println(<-ch)
}
