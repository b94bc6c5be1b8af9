// Fib measures call overhead: naive doubly recursive fib(35).
package main

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func main() {
	println(fib(35))
}
