// Type errors: a type that does not implement an interface.
package main

type I interface{ M() }

type T struct{}

func (*T) M() {}

type U struct{}

func main() {
	var i I = T{}
	var j I = U{}
	i, j = j, i
}
