// Hashing and comparing interface values that hold uncomparable types.
package main

type K struct {
	s []int
}

func main() {
	m := map[any]int{}
	var a, b any = []int{1}, []int{1}
	func() {
		defer func() { println(recover().(error).Error()) }()
		println(a == b)
	}()
	func() {
		defer func() { println(recover().(error).Error()) }()
		var k, l any = K{}, K{}
		println(k == l)
	}()
	func() {
		defer func() { println(recover().(error).Error()) }()
		_ = m[map[int]int{}]
	}()
	var f any = func() {}
	println(a == f)
	m[a] = 1
}
