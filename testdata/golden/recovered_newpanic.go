// A panic is recovered and a different value panicked in the same deferred
// function; then an outer deferred function panics again.
package main

func main() {
	defer func() {
		panic("third")
	}()
	defer func() {
		recover()
		panic("second")
	}()
	panic("first")
}
