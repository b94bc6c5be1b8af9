package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		fmt.Println("working")
	}()
	wg.Wait()
	defer func() {
		r := recover()
		fmt.Println("recovered:", r)
		wg.Done()
	}()
	wg.Done()
}
