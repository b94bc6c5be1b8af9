package main

var n = -1

func main() {
	x := 1
	println(x<<63, x<<64, -8>>70, uint8(x)<<9)
	func() {
		defer func() { println(recover().(error).Error()) }()
		println(x >> n)
	}()
	println(x << n)
}
