package main

import "runtime"

// A finalizer that cannot take the object is a fatal error.

type T struct{ a, b int }

func main() {
	runtime.SetFinalizer(&T{}, func(*int) {})
}
