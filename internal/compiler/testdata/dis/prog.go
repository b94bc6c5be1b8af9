// prog.go holds the few functions whose disassembly dis_test.go keeps as
// golden files: a call-heavy recursion, a loop, a closure, a method, a
// defer and a frame-local array. Everything else the compiler does is tested by running programs.
package main

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func sum(xs []int) int {
	s := 0
	for i := 0; i < len(xs); i++ {
		s += xs[i]
	}
	return s
}

func counter() func() int {
	n := 0
	return func() int {
		n++
		return n
	}
}

type T struct{ a, b int }

func (t *T) Swap() { t.a, t.b = t.b, t.a }

func withDefer(c chan int) (r int) {
	defer func() { r = <-c }()
	c <- 1
	return 0
}

// localArray's array is a frame-local object: its pointer words are live
// until its elements' last read, not across the call that follows.
func localArray(a, b *int) int {
	arr := [9]*int{a, b, a, b, a, b, a, b, a}
	x := *arr[0] + *arr[8]
	println()
	return x
}

func main() {
	t := &T{1, 2}
	t.Swap()
	c := make(chan int, 1)
	next := counter()
	println(fib(10), sum([]int{1, 2, 3}), next(), next(), t.a, withDefer(c), localArray(&t.a, &t.b))
}
