// println of nil pointers, maps, channels, functions, slices and interfaces,
// and the spacing rules of print versus println.
package main

type I interface{ M() }

func main() {
	var p *int
	var m map[string]int
	var c chan int
	var s []int
	var e any
	var i I
	var up uintptr
	println(p, m, c, s, e, i, up)
	println(nil == p, len(s), cap(s))
	print("a", "b", 1, 2, "\n")
	println("a", "b", 1, 2)
	println("done")
}
