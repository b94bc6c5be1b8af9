// gc's names for closures outside ordinary functions: a package-level
// variable's closure and a closure in the second init function, seen in a
// traceback from a panic during initialisation.
package main

var check = func(x int) int {
	if x > 4 {
		panic("too big")
	}
	return x
}

var small = check(1)

func init() {
	println("first init", small)
}

func init() {
	func() {
		println(check(5))
	}()
}

func main() {
	println("main not reached")
}
