// Methods found through a concrete type: Value.MethodByName, Type.Method
// and Type.MethodByName, whose Method.Type and Method.Func reflect builds
// with FuncOf (the receiver becomes the first argument), called through
// reflect, converted to a func value, and deferred so that it recovers.
package main

import (
	"fmt"
	"reflect"
)

type Counter struct{ n int }

func (c Counter) Get() int                 { return c.n }
func (c *Counter) Add(d int) int           { c.n += d; return c.n }
func (c Counter) Describe(p string) string { return fmt.Sprintf("%s%d", p, c.n) }
func (c *Counter) Recover()                { fmt.Println("recovered:", recover()) }

func main() {
	c := &Counter{n: 1}
	v := reflect.ValueOf(c)
	fmt.Println(v.MethodByName("Add").Call([]reflect.Value{reflect.ValueOf(4)})[0].Int())
	fmt.Println(v.Elem().MethodByName("Describe").Call([]reflect.Value{reflect.ValueOf("n=")})[0])
	fmt.Println(v.MethodByName("Missing").IsValid())

	t := reflect.TypeOf(c)
	for i := 0; i < t.NumMethod(); i++ {
		m := t.Method(i)
		fmt.Println(i, m.Name, m.Type, m.Index, m.IsExported())
	}
	m, ok := t.MethodByName("Add")
	fmt.Println(ok, m.Type.NumIn(), m.Type.In(0), m.Func.Call([]reflect.Value{v, reflect.ValueOf(10)})[0].Int())
	get := reflect.TypeOf(Counter{}).Method(1).Func.Interface().(func(Counter) int)
	fmt.Println(get(Counter{n: 7}))

	func() {
		f := t.Method(3).Func.Interface().(func(*Counter))
		defer f(c)
		panic("to the method expression")
	}()
}
