// An initialisation cycle through a function: go build reports it as one
// error with indented continuation lines.
package main

var double = func(x int) int { return check(x) * 2 }

var table = []int{double(1), double(2)}

//go:noinline
func check(x int) int {
	if x > 1 && len(table) == 0 && ready {
		panic("checked too early")
	}
	return x
}

var ready bool

func init() {
	println("first init", len(table))
}

func init() {
	ready = true
	func() {
		println(double(5))
	}()
}

func main() {
	println("main not reached")
}
