// A panic inside methods reached through wrappers: a value method called
// through an interface holding a pointer (the (*T).M wrapper), a promoted
// method through embedding, and a bound method value. gc elides the
// wrappers from the traceback.
package main

type I interface{ M(int) }

type T struct{ n int }

//go:noinline
func (t T) M(depth int) {
	if depth == 0 {
		panic("in T.M")
	}
	var i I = &E{t}
	i.M(depth - 1)
}

type E struct{ T }

func main() {
	var i I = &T{1}
	f := i.M
	f(2)
}
