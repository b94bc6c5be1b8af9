// The four runtime errors gc raises when a range-over-func iterator misuses
// its yield function.
package main

func try(name string, f func()) {
	defer func() {
		r := recover()
		err, ok := r.(error)
		if !ok {
			println(name, "-> not an error")
			return
		}
		_, isRuntime := r.(interface{ RuntimeError() })
		println(name, "->", err.Error(), isRuntime)
	}()
	f()
}

// continueAfterFalse calls yield again after it returned false.
func continueAfterFalse(yield func(int) bool) {
	yield(1)
	yield(2)
}

// continueAfterPanic recovers the loop body's panic and calls yield again.
func continueAfterPanic(yield func(int) bool) {
	defer func() {
		recover()
		yield(2)
	}()
	yield(1)
}

var saved func(int) bool

// keepYield saves yield so it can be called after the loop is over.
func keepYield(yield func(int) bool) {
	saved = yield
	yield(1)
}

// swallowPanic recovers the loop body's panic and returns normally.
func swallowPanic(yield func(int) bool) {
	defer func() { recover() }()
	yield(1)
}

func main() {
	try("after false", func() {
		for x := range continueAfterFalse {
			println("body", x)
			break
		}
	})
	try("after panic", func() {
		for x := range continueAfterPanic {
			println("body", x)
			panic("body panic")
		}
	})
	try("after exit", func() {
		for x := range keepYield {
			println("body", x)
		}
		saved(3)
	})
	try("missing panic", func() {
		for x := range swallowPanic {
			println("body", x)
			panic("body panic")
		}
	})
	for x := range continueAfterFalse {
		println("body", x)
		break
	}
}
