// Assertions to an interface type whose method set is not satisfied.
package main

type I interface{ M() }

type J interface {
	M()
	N()
}

type T struct{}

func (T) M() {}

type P struct{}

func (*P) M() {}

func main() {
	var x any = T{}
	var i I = T{}
	func() {
		defer func() { println(recover().(error).Error()) }()
		_ = i.(J)
	}()
	func() {
		defer func() { println(recover().(error).Error()) }()
		var p any = P{}
		_ = p.(I)
	}()
	func() {
		defer func() { println(recover().(error).Error()) }()
		var nothing any
		_ = nothing.(I)
	}()
	_, ok := x.(J)
	println("comma-ok:", ok)
	_ = x.(J)
}
