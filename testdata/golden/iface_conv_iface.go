// Type assertions from a non-empty interface to a concrete type.
package main

type I interface{ M() }

type T struct{ n int }

func (T) M() {}

type U struct{ s string }

func (U) M() {}

func main() {
	var i I = T{1}
	var nothing I
	func() {
		defer func() { println(recover().(error).Error()) }()
		_ = nothing.(T)
	}()
	func() {
		defer func() { println(recover().(error).Error()) }()
		_ = i.(*T)
	}()
	_ = i.(U)
}
