// fib is bench/fib at a size set by the test: allocs_test.go rewrites the
// value of n.
package main

const n = 27

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func main() {
	println(fib(n))
}
