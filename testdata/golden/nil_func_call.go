package main

var f func(int) int

func main() {
	println("calling nil func")
	println(f(1))
}
