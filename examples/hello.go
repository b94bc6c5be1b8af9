package main

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func main() {
	println("hello, gort")
	println("fib(20) =", fib(20))
}
