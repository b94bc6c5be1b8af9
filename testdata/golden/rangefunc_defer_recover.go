// `defer recover()` in the body of a range-over-func loop is deferred by
// the enclosing function. Run by that function's return, it recovers as
// a recover called by the function itself would; run by a panic, it is
// not called by a deferred function and recovers nothing (as in
// $GOROOT/test/recover1.go, test6 and test7).
package main

func seq(n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		for i := 0; i < n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

func mustRecover(want int) {
	v := recover()
	if v == nil {
		println("missing recover of", want)
		return
	}
	println("recovered", v.(int))
}

// byPanic: the panic runs the deferred recover, which recovers nothing;
// the deferred closure after it does.
func byPanic() {
	defer mustRecover(1)
	for range seq(1) {
		defer recover()
	}
	panic(1)
}

// byReturn: mustRecover stops the panic of 3, so the closure returns and
// its return runs the deferred recover, which stops the panic of 2.
func byReturn() {
	defer func() {
		println("byReturn: nothing left to recover:", recover() == nil)
	}()
	defer func() {
		for range seq(2) {
			defer recover()
		}
		defer mustRecover(3)
		panic(3)
	}()
	panic(2)
}

// noPanic: a deferred recover with no panic is harmless.
func noPanic() (n int) {
	for i := range seq(3) {
		defer recover()
		n += i
	}
	return n
}

func main() {
	byPanic()
	byReturn()
	println("noPanic", noPanic())
}
