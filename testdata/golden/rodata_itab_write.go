// A static itab is read-only data: writing to its method table faults.
package main

import "unsafe"

type S interface{ M() }

type T int

func (T) M() { println("M") }

func main() {
	var s S = T(1)
	s.M()
	tab := (*[4]uintptr)((*[2]unsafe.Pointer)(unsafe.Pointer(&s))[0])
	println(tab[3] != 0)
	tab[3] = 0
	s.M()
}
