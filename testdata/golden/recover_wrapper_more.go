// More wrappers that must be transparent to recover (DESIGN.md §2.1): the
// bound thunk of an interface method value, a method promoted through an
// embedded pointer, a generic type's method called through an interface,
// and a pointer method value taken from an addressable value.
package main

type I interface{ M() }

type P struct{ n int }

func (p *P) M() {
	if r := recover(); r != nil {
		println("recovered", r.(string), "in (*P).M with", p.n)
	}
}

type EP struct{ *P }

type G[T any] struct{ v T }

func (g G[T]) M() {
	if r := recover(); r != nil {
		println("recovered", r.(string), "in G.M")
	}
}

func viaInterfaceMethodValue() {
	var i I = &P{1}
	f := i.M
	defer f()
	panic("interface method value")
}

func viaEmbeddedPointer() {
	var i I = EP{&P{2}}
	defer i.M()
	panic("embedded pointer")
}

func viaGeneric() {
	var i I = G[string]{"x"}
	defer i.M()
	panic("generic")
}

func viaPointerMethodValue() {
	p := P{4}
	defer p.M()
	panic("pointer method value")
}

func viaGoroutine(done chan bool) {
	defer func() { done <- true }()
	var i I = EP{&P{5}}
	f := i.M
	defer f()
	panic("in a goroutine")
}

func main() {
	viaInterfaceMethodValue()
	viaEmbeddedPointer()
	viaGeneric()
	viaPointerMethodValue()
	done := make(chan bool)
	go viaGoroutine(done)
	<-done
	println("done")
}
