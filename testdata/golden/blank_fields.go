// A composite literal's value for a blank field is evaluated and discarded:
// the field stays zero, in static data and in code alike.
package main

import (
	"fmt"
	"reflect"
)

type S struct{ a, _, c int }

var x = struct{ a, _, c int }{1, 2, 3}
var y = S{4, 5, 6}
var z = []S{{7, 8, 9}}

var calls int

func next() int { calls++; return calls }

func f(n int) S { return S{n, next(), n + 1} }

func main() {
	fmt.Println(reflect.ValueOf(x).Field(1).Int(), reflect.ValueOf(y).Field(1).Int(), reflect.ValueOf(z[0]).Field(1).Int())
	s := f(10)
	fmt.Println(s.a, reflect.ValueOf(s).Field(1).Int(), s.c, calls)
	p := &S{1, 2, 3}
	fmt.Println(reflect.ValueOf(*p).Field(1).Int())
}
