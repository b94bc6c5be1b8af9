// recover called directly by a deferred method works when the call goes
// through a wrapper: an interface, a method value, a method expression, a
// promoted method. recover called one frame deeper returns nil.
package main

type I interface{ M() }

type T struct{ n int }

func (t T) M() {
	if r := recover(); r != nil {
		println("recovered", r.(string), "in T.M with", t.n)
	}
}

type P struct{ n int }

func (p *P) M() {
	if r := recover(); r != nil {
		println("recovered", r.(string), "in (*P).M with", p.n)
	}
}

type E struct{ T }

func helper() {
	if r := recover(); r != nil {
		println("helper must not recover", r.(string))
	}
}

func deep() {
	helper()
}

func viaInterface() {
	var i I = T{1}
	defer i.M()
	panic("interface")
}

func viaPointerInterface() {
	var i I = &P{2}
	defer i.M()
	panic("pointer interface")
}

func viaMethodValue() {
	f := T{3}.M
	defer f()
	panic("method value")
}

func viaMethodExpr() {
	defer T.M(T{4})
	panic("method expression")
}

func viaPointerMethodExpr() {
	t := T{5}
	defer (*T).M(&t)
	panic("pointer method expression on value method")
}

func viaPromoted() {
	var i I = E{T{6}}
	defer i.M()
	panic("promoted")
}

func viaInterfaceMethodExpr() {
	defer I.M(T{7})
	panic("interface method expression")
}

func notDirect() {
	defer func() {
		recover()
		println("outer recovered after helper")
	}()
	defer deep()
	panic("not direct")
}

func main() {
	viaInterface()
	viaPointerInterface()
	viaMethodValue()
	viaMethodExpr()
	viaPointerMethodExpr()
	viaPromoted()
	viaInterfaceMethodExpr()
	notDirect()
	println("recover outside panic:", recover() == nil)
}
