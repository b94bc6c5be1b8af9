package main

import (
	"fmt"
	"sort"
)

type Stack[T any] struct{ items []T }

func (s *Stack[T]) Pop() T {
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v
}

type Calc struct{ name string }

func (c *Calc) Run(f func(int) int) int { return f(3) }

func apply[T any](xs []T, f func(T)) {
	for _, x := range xs {
		f(x)
	}
}

func main() {
	c := &Calc{"c"}
	run := c.Run
	fmt.Println(run(func(x int) int { return x * 2 }))
	xs := []int{3, 1, 2}
	sort.Slice(xs, func(i, j int) bool { return xs[i] < xs[j] })
	fmt.Println(xs)
	s := &Stack[string]{items: []string{"a"}}
	apply([]int{1, 2}, func(i int) {
		fmt.Println("pop", s.Pop())
	})
}
