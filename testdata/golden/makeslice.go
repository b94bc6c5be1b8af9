// make with out-of-range sizes.
package main

var n, big = -1, 1 << 62

func main() {
	func() {
		defer func() { println(recover().(error).Error()) }()
		_ = make([]int, 2, n)
	}()
	func() {
		defer func() { println(recover().(error).Error()) }()
		_ = make([]int, 3, 2+n)
	}()
	func() {
		defer func() { println(recover().(error).Error()) }()
		_ = make([]int64, big)
	}()
	func() {
		defer func() { println(recover().(error).Error()) }()
		_ = make(chan int, n)
	}()
	_ = make(map[int]int, n)
	println("make(map, -1) is fine")
	_ = make([]byte, n)
}
