// Type assertions from an empty interface to a concrete type.
package main

type MyInt int

func main() {
	var x any = 1
	var nothing any
	func() {
		defer func() { println(recover().(error).Error()) }()
		_ = nothing.(int)
	}()
	func() {
		defer func() { println(recover().(error).Error()) }()
		_ = x.(MyInt)
	}()
	func() {
		defer func() { println(recover().(error).Error()) }()
		_ = x.(*int)
	}()
	_ = x.(string)
}
