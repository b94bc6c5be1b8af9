// A deferred call run when its function returns normally panics.
package main

func f(n int) int {
	defer func() {
		if n > 0 {
			panic("deferred")
		}
	}()
	return n * 2
}

func main() {
	println(f(0))
	println(f(1))
}
