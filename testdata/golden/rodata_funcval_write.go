// A top-level function's func value is read-only data: writing to its code
// word faults.
package main

import "unsafe"

func hello() { println("hello") }

func main() {
	f := hello
	f()
	code := *(**uintptr)(unsafe.Pointer(&f))
	println(*code != 0)
	*code = 0
	f()
}
