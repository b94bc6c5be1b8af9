// Function names in a traceback: a method reached through a method value
// inside a closure inside a method called through an interface method
// expression.
package main

type I interface{ Run() }

type T struct{ n int }

//go:noinline
func (t *T) Run() {
	f := t.fail
	func() {
		f(t.n)
	}()
}

//go:noinline
func (t *T) fail(n int) {
	if n > 0 {
		panic("deep")
	}
}

func main() {
	var i I = &T{1}
	run := I.Run
	run(i)
}
