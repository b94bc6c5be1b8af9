// An unrecovered panic raised under reflect.Value.Call, in a function that
// a function made by reflect.MakeFunc calls: the traceback shows reflect's
// frames as gc shows them (Value.call and Value.Call, not the runtime's
// reflectcall or reflect's callReflect and makeFuncStub).
package main

import "reflect"

func boom(n int) int {
	if n > 0 {
		panic("boom")
	}
	return n
}

func main() {
	f := reflect.MakeFunc(reflect.TypeOf(boom), func(in []reflect.Value) []reflect.Value {
		return reflect.ValueOf(boom).Call(in)
	})
	g := f.Interface().(func(int) int)
	println(g(0))
	g(1)
}
