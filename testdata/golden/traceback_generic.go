// A generic function and a method of a generic type in a traceback.
package main

type Box[T any] struct{ v T }

//go:noinline
func (b Box[T]) Get() T {
	panic("in generic method")
}

//go:noinline
func Apply[T any](f func() T) T {
	return f()
}

func main() {
	b := Box[int]{1}
	println(Apply(b.Get))
}
