// Recover in nested and sequential panics, and `defer recover()`: a
// deferred call that recovers one panic and then panics and recovers again
// keeps running the first panic's deferred calls; `defer recover()` recovers
// when its function's return runs it and not when a panic does. (The cases
// of $GOROOT/test/recover1.go, which needs package runtime.)
package main

func mustRecover(name string, x any) {
	mustNotRecover(name) // not called by a deferred function
	v := recover()
	if v != x {
		println(name, "recovered", v, "want", x)
	}
	if recover() != nil {
		println(name, "recovered twice")
	}
}

func mustNotRecover(name string) {
	if v := recover(); v != nil {
		println(name, "recovered", v, "where it should not")
	}
}

func nested() {
	defer mustRecover("nested", 1)
	defer func() {
		defer mustRecover("nested inner", 2)
		panic(2)
	}()
	panic(1)
}

func sequential() {
	defer mustNotRecover("sequential")
	defer func() {
		if v := recover(); v != 2 {
			println("sequential: recovered", v, "want 2")
		}
		defer mustRecover("sequential inner", 3)
		panic(3)
	}()
	panic(2)
}

func deferredRecover() {
	defer mustNotRecover("deferred recover")
	defer func() {
		defer recover()
	}()
	panic(5)
}

func deferredRecoverAfterPanic() {
	defer mustNotRecover("after panic")
	defer func() {
		defer recover() // runs when mustRecover has stopped panic 3
		defer mustRecover("after panic inner", 3)
		panic(3)
	}()
	panic(2)
}

func deferredRecoverRunByPanic() {
	defer mustRecover("run by panic", 2)
	defer func() {
		defer mustRecover("run by panic inner", 3)
		defer recover() // run by panic 3: recovers nothing
		panic(3)
	}()
	panic(2)
}

func main() {
	nested()
	sequential()
	deferredRecover()
	deferredRecoverAfterPanic()
	deferredRecoverRunByPanic()
	println("done")
}
