package main

type T struct {
	a, b int
}

var p *T

func main() {
	func() {
		defer func() { println(recover().(error).Error()) }()
		println(p.b)
	}()
	p.a = 1
}
