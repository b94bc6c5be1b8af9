// Type errors: a missing return and a wrong number of return values.
package main

func f(x int) int {
	if x > 0 {
		return 1
	}
}

func g() (int, int) {
	return 1
}

func main() {
	println(f(1))
	println(g())
}
