// Fib measures call overhead: naive doubly recursive fib(35).
package main

// n is the argument; cmd/gort's allocation test runs this program at
// other sizes by rewriting this line.
const n = 35

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func main() {
	println(fib(n))
}
