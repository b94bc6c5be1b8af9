// An interface whose method order differs between sorting by types.Id
// ("main.alpha" < "Ωmega") and gc's order (exported names first): itabs
// made by the compiler and at run time, and reflect, must all use gc's.
package main

import (
	"fmt"
	"reflect"
)

type I interface {
	alpha() string
	Ωmega() string
	Beta() string
}

type T struct{ n int }

func (t T) alpha() string { return fmt.Sprint("alpha", t.n) }
func (t T) Ωmega() string { return fmt.Sprint("omega", t.n) }
func (t T) Beta() string  { return fmt.Sprint("beta", t.n) }

type U struct{ T }

func call(i I) { fmt.Println(i.alpha(), i.Ωmega(), i.Beta()) }

func main() {
	call(T{1}) // a static itab
	var x any = U{T{2}}
	call(x.(I)) // an itab made at run time
	var p any = &T{3}
	if i, ok := p.(I); ok {
		call(i)
	}
	it := reflect.TypeOf((*I)(nil)).Elem()
	for i := range it.NumMethod() {
		fmt.Println(i, it.Method(i).Name)
	}
	fmt.Println(reflect.TypeOf(T{}).Implements(it), reflect.TypeOf(x).Implements(it))
}
