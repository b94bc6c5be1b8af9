// Type errors: undefined names.
package main

func main() {
	x := undefinedVar + 1
	println(x)
	undefinedFunc()
	var t T
	_ = t
}
