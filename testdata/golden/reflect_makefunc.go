// reflect.MakeFunc: the swap example from reflect's documentation (written
// anew), typed function values of several shapes, functions made by MakeFunc
// called from Go, through reflect, as deferred calls that recover, from
// deep recursion, and as func-typed fields and callbacks.
package main

import (
	"errors"
	"fmt"
	"reflect"
	"sort"
	"strings"
)

// makeSwap fills fptr, a pointer to a nil function of type func(T, T) (T, T),
// with a function that returns its two arguments the other way round.
func makeSwap(fptr any) {
	fn := reflect.ValueOf(fptr).Elem()
	swapper := func(in []reflect.Value) []reflect.Value { return []reflect.Value{in[1], in[0]} }
	fn.Set(reflect.MakeFunc(fn.Type(), swapper))
}

type pair struct {
	A string
	B []int
}

type Handler struct {
	Name   string
	Handle func(string) string
}

func (h Handler) Run(s string) string { return h.Name + ":" + h.Handle(s) }

func fibImpl(self *func(int) int) func([]reflect.Value) []reflect.Value {
	return func(in []reflect.Value) []reflect.Value {
		n := int(in[0].Int())
		if n < 2 {
			return []reflect.Value{reflect.ValueOf(n)}
		}
		// A big local array makes each level's frame large, so the stack
		// grows and moves while callReflect frames are on it.
		var pad [64]int
		pad[n%64] = n
		r := (*self)(n-1) + (*self)(n-2) + pad[n%64] - n
		return []reflect.Value{reflect.ValueOf(r)}
	}
}

func recoverer(in []reflect.Value) []reflect.Value {
	fmt.Println("deferred MakeFunc recovered:", recover())
	return nil
}

func main() {
	var intSwap func(int, int) (int, int)
	makeSwap(&intSwap)
	fmt.Println(intSwap(0, 1))
	var strSwap func(string, string) (string, string)
	makeSwap(&strSwap)
	fmt.Println(strSwap("hello", "world"))
	var floatSwap func(float64, float64) (float64, float64)
	makeSwap(&floatSwap)
	fmt.Println(floatSwap(2.5, -1))
	var pairSwap func(pair, pair) (pair, pair)
	makeSwap(&pairSwap)
	fmt.Println(pairSwap(pair{"x", []int{1}}, pair{"y", []int{2, 3}}))

	// Arguments of mixed sizes and alignments, and several results.
	mixed := reflect.MakeFunc(reflect.TypeOf(func(bool, int8, int64, float32, string, []byte) (string, error) { return "", nil }),
		func(in []reflect.Value) []reflect.Value {
			s := fmt.Sprint(in[0].Bool(), in[1].Int(), in[2].Int(), in[3].Float(), in[4].String(), string(in[5].Bytes()))
			var err error
			if in[0].Bool() {
				err = errors.New("flagged")
			}
			return []reflect.Value{reflect.ValueOf(s), reflect.ValueOf(&err).Elem()}
		}).Interface().(func(bool, int8, int64, float32, string, []byte) (string, error))
	fmt.Println(mixed(true, -3, 1<<40, 0.25, "str", []byte("bytes")))
	fmt.Println(mixed(false, 127, -1, 8, "", nil))

	// A variadic function.
	sum := reflect.MakeFunc(reflect.TypeOf(func(string, ...int) string { return "" }),
		func(in []reflect.Value) []reflect.Value {
			t := 0
			for i := 0; i < in[1].Len(); i++ {
				t += int(in[1].Index(i).Int())
			}
			return []reflect.Value{reflect.ValueOf(fmt.Sprintf("%s=%d", in[0].String(), t))}
		}).Interface().(func(string, ...int) string)
	fmt.Println(sum("none"), sum("three", 1, 2, 3), sum("slice", []int{10, 20}...))

	// A result assignable to, not identical with, the declared type.
	type myInt int
	conv := reflect.MakeFunc(reflect.TypeOf(func() any { return nil }), func([]reflect.Value) []reflect.Value {
		return []reflect.Value{reflect.ValueOf(myInt(7))}
	}).Interface().(func() any)
	fmt.Printf("%v %T\n", conv(), conv())

	// The made function called through reflect.Value.Call.
	fv := reflect.ValueOf(intSwap)
	out := fv.Call([]reflect.Value{reflect.ValueOf(8), reflect.ValueOf(9)})
	fmt.Println("via Call:", out[0].Int(), out[1].Int())

	// As a func-typed field, and as a callback Go code calls many times.
	h := Handler{Name: "upper"}
	reflect.ValueOf(&h).Elem().FieldByName("Handle").Set(reflect.MakeFunc(reflect.TypeOf(h.Handle),
		func(in []reflect.Value) []reflect.Value {
			return []reflect.Value{reflect.ValueOf(strings.ToUpper(in[0].String()))}
		}))
	fmt.Println(h.Run("shout"))
	run := h.Run // a method value whose receiver holds the made function
	fmt.Println(run("again"))
	xs := []int{5, 2, 8, 1, 9, 3}
	less := reflect.MakeFunc(reflect.TypeOf(func(int, int) bool { return false }),
		func(in []reflect.Value) []reflect.Value {
			return []reflect.Value{reflect.ValueOf(xs[in[0].Int()] < xs[in[1].Int()])}
		}).Interface().(func(int, int) bool)
	sort.Slice(xs, less)
	fmt.Println(xs)

	// Recursion through made functions grows and moves the stack.
	var fib func(int) int
	reflect.ValueOf(&fib).Elem().Set(reflect.MakeFunc(reflect.TypeOf(fib), fibImpl(&fib)))
	fmt.Println("fib(18):", fib(18))

	// A panic in the implementation reaches the caller.
	bad := reflect.MakeFunc(reflect.TypeOf(func(int) int { return 0 }), func(in []reflect.Value) []reflect.Value {
		panic(fmt.Sprintf("bad %d", in[0].Int()))
	}).Interface().(func(int) int)
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		bad(42)
	}()
	// Wrong results panic in reflect.
	wrong := reflect.MakeFunc(reflect.TypeOf(func() int { return 0 }), func([]reflect.Value) []reflect.Value { return nil }).Interface().(func() int)
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		wrong()
	}()
	wrongType := reflect.MakeFunc(reflect.TypeOf(func() int { return 0 }), func([]reflect.Value) []reflect.Value {
		return []reflect.Value{reflect.ValueOf("not an int")}
	}).Interface().(func() int)
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		wrongType()
	}()

	// A made function as a deferred call: it may recover the panic, as a
	// deferred function literal may.
	func() {
		defer reflect.MakeFunc(reflect.TypeOf(func() {}), recoverer).Interface().(func())()
		panic("to the made function")
	}()
	// Deferred at a normal return it runs too, and recovers nothing.
	func() {
		defer reflect.MakeFunc(reflect.TypeOf(func() {}), recoverer).Interface().(func())()
		fmt.Println("returning normally")
	}()
	// Called by a deferred function, not deferred itself: it cannot recover.
	func() {
		defer func() { fmt.Println("outer recovered:", recover()) }()
		inner := reflect.MakeFunc(reflect.TypeOf(func() {}), recoverer).Interface().(func())
		defer func() { inner() }()
		panic("not for inner")
	}()
	fmt.Println("done")
}
