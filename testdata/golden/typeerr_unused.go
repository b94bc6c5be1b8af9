// Type errors: unused variables and a constant of the wrong type.
package main

func main() {
	x := 1
	y, z := 2, 3
	_ = z
	var s string = 4
	_ = s
}
