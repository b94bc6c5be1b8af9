// A method call through an interface whose itab word is forged to an address
// outside the arena: the call loads the method's code pointer from the itab.
package main

import "unsafe"

type I interface{ M() }

type T int

func (T) M() { println("mark: M called") }

func main() {
	var i I = T(1)
	(*[2]uintptr)(unsafe.Pointer(&i))[0] = 0x2000_0000_0000
	println("mark: before")
	i.M()
	println("mark: after")
}
