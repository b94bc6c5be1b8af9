package main

import (
	"fmt"
	"sync"
)

type Server struct {
	handlers map[string]func(int) int
}

func (s *Server) handle(name string, v int) int {
	return s.handlers[name](v)
}

func main() {
	s := &Server{handlers: map[string]func(int) int{
		"double": func(x int) int { return 2 * x },
	}}
	var wg sync.WaitGroup
	results := make([]int, 2)
	for i, name := range []string{"double", "triple"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = s.handle(name, i+1)
		}()
		wg.Wait()
	}
	fmt.Println(results)
}
