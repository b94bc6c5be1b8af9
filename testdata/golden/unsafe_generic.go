// unsafe.Sizeof, Alignof and Offsetof of operands whose types depend on a
// type parameter are not constants: gort computes them per instantiation.
package main

import "unsafe"

type Inner struct {
	X int8
	Y int64
}

type Pair[K any] struct {
	A K
	Inner
	B struct{ C, D K }
}

func sizes[K any](p Pair[K], q *Pair[K]) {
	println(unsafe.Sizeof(p), unsafe.Alignof(p.A), unsafe.Sizeof(p.B))
	println(unsafe.Offsetof(p.A), unsafe.Offsetof(p.Y), unsafe.Offsetof(p.Inner))
	println(unsafe.Offsetof(q.B), unsafe.Offsetof(q.B.D), unsafe.Offsetof(q.Inner.Y), unsafe.Offsetof((q).X))
}

func main() {
	sizes(Pair[int8]{}, new(Pair[int8]))
	sizes(Pair[string]{}, new(Pair[string]))
	sizes(Pair[[3]int16]{}, new(Pair[[3]int16]))
}
