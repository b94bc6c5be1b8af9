package main

import (
	"errors"
	"fmt"
	"time"
)

func worker(id int) {
	if id == 2 {
		panic(errors.New("worker failed"))
	}
	fmt.Println("worker", id, "ok")
}

func main() {
	for i := 1; i <= 3; i++ {
		go worker(i)
		time.Sleep(10 * time.Millisecond)
	}
	time.Sleep(time.Second)
}
