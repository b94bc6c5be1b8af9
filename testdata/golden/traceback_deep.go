// A traceback of more than 100 frames prints the innermost 50 and the
// outermost 50 and says how many it left out.
package main

func f(n int) {
	if n == 0 {
		panic("deep")
	}
	f(n - 1)
}

func main() {
	f(150)
}
