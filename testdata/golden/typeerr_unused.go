// Type errors: an unused variable and an unused import.
package main

import "strings"

func main() {
	x := 1
	y, z := 2, 3
	_ = z
}
