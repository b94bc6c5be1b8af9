// A forged string header: a real heap pointer with length 2^40. Its last
// byte lies outside the arena (and outside gc's heap), so reading it faults.
//
// want: stop
package main

import "unsafe"

func main() {
	b := []byte("hello")
	s := unsafe.String(&b[0], 5)
	(*[2]uintptr)(unsafe.Pointer(&s))[1] = 1 << 40
	println("mark: before", len(s))
	println(s[len(s)-1])
	println("mark: after")
}
