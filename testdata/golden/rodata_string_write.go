// A string constant is read-only data: writing to its bytes through unsafe
// faults, as a write to gc's rodata does.
package main

import "unsafe"

func main() {
	s := "hello"
	p := unsafe.StringData(s)
	println(s)
	*p = 'J'
	println(s)
}
