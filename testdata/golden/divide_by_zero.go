// Integer division by zero panics; the overflowing division MinInt64 / -1
// does not, and floating-point division by zero is not an error.
package main

var zero, minusOne = 0, -1
var minInt64 int64 = -1 << 63
var fzero float64

func main() {
	println(minInt64/int64(minusOne), minInt64%int64(minusOne))
	println(1/fzero, -1/fzero)
	func() {
		defer func() { println(recover().(error).Error()) }()
		println(1 % zero)
	}()
	func() {
		defer func() { println(recover().(error).Error()) }()
		println(uint8(1) / uint8(zero))
	}()
	println(10 / zero)
}
