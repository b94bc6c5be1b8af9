// A panic in a package variable's initialiser: gc shows the frame of main.init.
package main

var x = f()

func f() int {
	panic("in var init")
}

func main() { println(x) }
