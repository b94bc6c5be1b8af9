// A panic whose value implements String (and not error) prints the result of
// String.
package main

type T struct{ name string }

func (t T) String() string { return "T(" + t.name + ")" }

func main() {
	panic(T{"stringer"})
}
