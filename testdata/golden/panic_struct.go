// A panic whose value is a struct with no Error or String method prints the
// type name and the address of the value.
package main

type T struct {
	a int
	b string
}

func main() {
	panic(T{1, "x"})
}
