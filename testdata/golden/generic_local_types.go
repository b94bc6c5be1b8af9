// A type declared inside a generic function (or method of a generic type) is
// a distinct type per instance, and gc spells it with the instance's type
// arguments before its own, separated by ';'; a type argument declared in
// a function keeps its ·N.
package main

import "fmt"

func F[A any]() {
	type L int
	type G[B any] struct {
		a A
		b B
	}
	type S struct{ x A }
	fmt.Printf("%T %T %T %T\n", L(0), G[int]{}, G[L]{}, S{})
	fmt.Printf("%T\n", []G[string]{})
}

func H() {
	type L int
	type G[B any] struct{ b B }
	fmt.Printf("%T %T %T\n", L(0), G[int]{}, G[L]{})
}

type R[T any] struct{}

func (R[T]) M() any {
	type L struct{ t T }
	return L{}
}

func F2[A, B any]() any {
	f := func() any {
		type In int
		return In(0)
	}
	type P struct{}
	return []any{f(), P{}, map[string]P{}}
}

func main() {
	F[int]()
	F[string]()
	H()
	fmt.Printf("%T %T\n", R[int]{}.M(), R[string]{}.M())
	for _, v := range F2[int, string]().([]any) {
		fmt.Printf("%T\n", v)
	}
	var x, y any = R[int]{}.M(), R[string]{}.M()
	fmt.Println(x == y)
}
