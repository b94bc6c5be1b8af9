package main

import (
	"fmt"
	"iter"
	"slices"
	"strings"
)

func Zip[A, B any](a iter.Seq[A], b iter.Seq[B]) iter.Seq2[A, B] {
	return func(yield func(A, B) bool) {
		na, sa := iter.Pull(a)
		defer sa()
		nb, sb := iter.Pull(b)
		defer sb()
		for {
			x, ok1 := na()
			y, ok2 := nb()
			if !ok1 || !ok2 || !yield(x, y) {
				return
			}
		}
	}
}

func Naturals() iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := 0; ; i++ {
			if !yield(i) {
				fmt.Println("  naturals stopped at", i)
				return
			}
		}
	}
}

func Words(s string) iter.Seq[string] {
	return func(yield func(string) bool) {
		defer fmt.Println("  words cleanup")
		for _, w := range strings.Fields(s) {
			if !yield(w) {
				return
			}
		}
	}
}

func Fib() iter.Seq[int] {
	return func(yield func(int) bool) {
		a, b := 0, 1
		for yield(a) {
			a, b = b, a+b
		}
	}
}

func mergeSorted(a, b []int) []int {
	na, sa := iter.Pull(slices.Values(a))
	defer sa()
	nb, sb := iter.Pull(slices.Values(b))
	defer sb()
	var out []int
	x, okx := na()
	y, oky := nb()
	for okx || oky {
		if okx && (!oky || x <= y) {
			out = append(out, x)
			x, okx = na()
		} else {
			out = append(out, y)
			y, oky = nb()
		}
	}
	return out
}

func main() {
	for i, w := range Zip(Naturals(), Words("alpha beta gamma")) {
		fmt.Println(i, w)
	}
	next, stop := iter.Pull(Fib())
	for range 10 {
		v, _ := next()
		fmt.Print(v, " ")
	}
	fmt.Println()
	stop()
	stop()
	v, ok := next()
	fmt.Println(v, ok)
	fmt.Println(mergeSorted([]int{1, 4, 9, 10}, []int{2, 3, 11}))
	n2, s2 := iter.Pull2(func(yield func(string, int) bool) {
		for i, s := range []string{"x", "y"} {
			if !yield(s, i) {
				return
			}
		}
	})
	for {
		k, v, ok := n2()
		if !ok {
			break
		}
		fmt.Println(k, v)
	}
	s2()
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		np, sp := iter.Pull(func(yield func(int) bool) {
			yield(1)
			panic("boom in sequence")
		})
		defer sp()
		fmt.Println(np())
		fmt.Println(np())
	}()
	pulls := make([]func() (int, bool), 3)
	for i := range pulls {
		pulls[i], _ = iter.Pull(slices.Values([]int{i * 10, i*10 + 1}))
	}
	for round := 0; round < 3; round++ {
		for _, p := range pulls {
			v, ok := p()
			fmt.Print(v, ok, " ")
		}
		fmt.Println()
	}
}
