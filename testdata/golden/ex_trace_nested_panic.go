package main

import (
	"errors"
	"fmt"
)

func cleanup() {
	if r := recover(); r != nil {
		fmt.Println("recovered", r)
		panic(fmt.Sprintf("re-panic: %v", r))
	}
}

func work() {
	defer cleanup()
	panic(errors.New("original"))
}

func main() {
	defer func() {
		panic("in deferred")
	}()
	work()
}
