package main

import (
	"fmt"
	"iter"
)

func main() {
	ch := make(chan int)
	next, _ := iter.Pull(func(yield func(int) bool) {
		yield(1)
		<-ch
	})
	fmt.Println(next())
	fmt.Println(next())
}
