package main

import (
	"fmt"
)

type Status struct {
	Code int
	Msg  string
}

func (s *Status) Error() string { return fmt.Sprintf("status %d: %s", s.Code, s.Msg) }

func handle(n int) {
	defer fmt.Println("cleanup", n)
	if n == 3 {
		panic(&Status{500, "boom"})
	}
	handle(n + 1)
}

func main() {
	fmt.Println("start")
	handle(1)
}
