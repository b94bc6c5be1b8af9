// Function names in a traceback: a method reached through a method value
// inside a closure inside a method called through an interface method
// expression. The closure takes an argument because gc inlines it: an
// inlined frame prints its arguments as "(...)" even when it has none,
// which a runtime without gc's inliner cannot know.
package main

type I interface{ Run() }

type T struct{ n int }

//go:noinline
func (t *T) Run() {
	f := t.fail
	func(n int) {
		f(n)
	}(t.n)
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
