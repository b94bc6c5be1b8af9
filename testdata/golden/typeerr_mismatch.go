// Type errors: assignments and operations on mismatched types.
package main

func f() (int, string) { return 1, "a" }

func main() {
	var s string = 1
	var n int = "x"
	var f64 float64 = 1
	println(n + f64)
	a, b, c := f()
	println(s, a, b, c)
}
