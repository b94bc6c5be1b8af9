// Range-over-func iterators: iter.Seq and iter.Seq2 generators, early
// break, chaining filter/map adapters, slices.All/Backward/Chunk, maps.All
// sorted, and iter.Pull.
package main

import (
	"fmt"
	"iter"
	"maps"
	"slices"
)

func Count(start int) iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := start; ; i++ {
			if !yield(i) {
				fmt.Println("  (count stopped at", i, ")")
				return
			}
		}
	}
}

func Filter[T any](s iter.Seq[T], keep func(T) bool) iter.Seq[T] {
	return func(yield func(T) bool) {
		for v := range s {
			if keep(v) && !yield(v) {
				return
			}
		}
	}
}

func Map[T, U any](s iter.Seq[T], f func(T) U) iter.Seq[U] {
	return func(yield func(U) bool) {
		for v := range s {
			if !yield(f(v)) {
				return
			}
		}
	}
}

func Take[T any](s iter.Seq[T], n int) iter.Seq[T] {
	return func(yield func(T) bool) {
		if n <= 0 {
			return
		}
		i := 0
		for v := range s {
			if !yield(v) {
				return
			}
			i++
			if i == n {
				return
			}
		}
	}
}

func Enumerate[T any](s []T) iter.Seq2[int, T] {
	return func(yield func(int, T) bool) {
		for i, v := range s {
			if !yield(i, v) {
				return
			}
		}
	}
}

type Tree struct {
	Left, Right *Tree
	Val         int
}

func (t *Tree) All() iter.Seq[int] {
	return func(yield func(int) bool) {
		t.walk(yield)
	}
}

func (t *Tree) walk(yield func(int) bool) bool {
	if t == nil {
		return true
	}
	return t.Left.walk(yield) && yield(t.Val) && t.Right.walk(yield)
}

func main() {
	for v := range Count(1) {
		if v > 3 {
			break
		}
		fmt.Println("v", v)
	}
	squares := Map(Filter(Count(1), func(x int) bool { return x%3 == 0 }), func(x int) string { return fmt.Sprint(x * x) })
	fmt.Println(slices.Collect(Take(squares, 4)))
	for i, s := range Enumerate([]string{"a", "b", "c", "d"}) {
		if i == 2 {
			continue
		}
		fmt.Println(i, s)
	}
	t := &Tree{Val: 5, Left: &Tree{Val: 2, Right: &Tree{Val: 3}}, Right: &Tree{Val: 8, Left: &Tree{Val: 7}}}
	for v := range t.All() {
		fmt.Print(v, " ")
		if v == 7 {
			break
		}
	}
	fmt.Println()
	for i, v := range slices.Backward([]int{1, 2, 3}) {
		fmt.Print(i, "=", v, " ")
	}
	fmt.Println()
	for c := range slices.Chunk([]int{1, 2, 3, 4, 5}, 2) {
		fmt.Print(c, " ")
	}
	fmt.Println()
	m := map[string]int{"x": 1, "y": 2, "z": 3}
	keys := slices.Sorted(maps.Keys(m))
	fmt.Println(keys, slices.Collect(slices.Values(keys)))
	next, stop := iter.Pull(t.All())
	for {
		v, ok := next()
		if !ok {
			break
		}
		fmt.Print("pulled ", v, "; ")
		if v == 5 {
			stop()
		}
	}
	fmt.Println()
	next2, stop2 := iter.Pull2(maps.All(map[int]int{1: 10}))
	k, v, ok := next2()
	fmt.Println(k, v, ok)
	stop2()
	k, v, ok = next2()
	fmt.Println(k, v, ok)
	sum := 0
	func() {
		defer func() { fmt.Println("deferred in loop func, sum", sum) }()
		for v := range Count(10) {
			sum += v
			if sum > 30 {
				return
			}
		}
	}()
}
