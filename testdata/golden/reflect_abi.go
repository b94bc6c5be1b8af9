// Argument and result layouts through reflect: functions whose parameters
// and results mix sizes and alignments (narrow integers after wide ones,
// bools, float32s, byte arrays, small and padded structs, zero-sized
// values, complex numbers, interfaces), called through reflect.Value.Call,
// made by reflect.MakeFunc and called from Go, and both at once, so that
// reflect's frame layout and the compiler's must agree on every offset.
package main

import (
	"fmt"
	"reflect"
)

type small struct {
	A int8
	B int32
}

type padded struct {
	X int64
	Y bool
}

type empty struct{}

type F func(a int8, b int64, c int8, d int16, e bool, f float32, g [3]byte, h small, i empty, j string,
	k complex64, l padded, m [0]int, n uint32, o any) (int8, bool, float32, [3]byte, empty, int16, small, complex64, padded, uint8, any)

func direct(a int8, b int64, c int8, d int16, e bool, f float32, g [3]byte, h small, i empty, j string,
	k complex64, l padded, m [0]int, n uint32, o any) (int8, bool, float32, [3]byte, empty, int16, small, complex64, padded, uint8, any) {
	return a + c, !e, f * 2, [3]byte{g[2], g[1], g[0]}, i, d - 1, small{h.A + 1, h.B * 2},
		k * 2, padded{l.X + b, !l.Y}, uint8(n), fmt.Sprint(o, j, len(m))
}

func impl(in []reflect.Value) []reflect.Value {
	out := make([]reflect.Value, 0, 11)
	a, c := in[0].Int(), in[2].Int()
	g := in[6].Interface().([3]byte)
	h := in[7].Interface().(small)
	l := in[11].Interface().(padded)
	out = append(out,
		reflect.ValueOf(int8(a+c)),
		reflect.ValueOf(!in[4].Bool()),
		reflect.ValueOf(float32(in[5].Float()*2)),
		reflect.ValueOf([3]byte{g[2], g[1], g[0]}),
		in[8],
		reflect.ValueOf(int16(in[3].Int()-1)),
		reflect.ValueOf(small{h.A + 1, h.B * 2}),
		reflect.ValueOf(complex64(in[10].Complex()*2)),
		reflect.ValueOf(padded{l.X + in[1].Int(), !l.Y}),
		reflect.ValueOf(uint8(in[13].Uint())),
		reflect.ValueOf(any(fmt.Sprint(in[14].Interface(), in[9].String(), in[12].Len()))),
	)
	return out
}

func show(vs []reflect.Value) {
	for _, v := range vs {
		fmt.Printf("%v ", v.Interface())
	}
	fmt.Println()
}

func main() {
	args := []any{int8(-5), int64(1 << 40), int8(3), int16(-300), true, float32(1.25), [3]byte{1, 2, 3},
		small{7, -9}, empty{}, "str", complex64(complex(1, -1)), padded{10, false}, [0]int{}, uint32(0x1ff), any(3.5)}
	in := make([]reflect.Value, len(args))
	for i, a := range args {
		in[i] = reflect.ValueOf(a)
	}
	in[14] = reflect.ValueOf(&args[14]).Elem() // an interface-typed argument

	fmt.Println(direct(-5, 1<<40, 3, -300, true, 1.25, [3]byte{1, 2, 3}, small{7, -9}, empty{}, "str",
		complex(1, -1), padded{10, false}, [0]int{}, 0x1ff, 3.5))
	show(reflect.ValueOf(direct).Call(in))

	var made F
	reflect.ValueOf(&made).Elem().Set(reflect.MakeFunc(reflect.TypeOf(made), impl))
	fmt.Println(made(-5, 1<<40, 3, -300, true, 1.25, [3]byte{1, 2, 3}, small{7, -9}, empty{}, "str",
		complex(1, -1), padded{10, false}, [0]int{}, 0x1ff, 3.5))
	show(reflect.ValueOf(made).Call(in))

	// Only zero-sized and narrow values.
	tiny := func(a empty, b bool, c empty, d int8) (empty, bool, int8, empty) { return c, !b, -d, a }
	show(reflect.ValueOf(tiny).Call([]reflect.Value{reflect.ValueOf(empty{}), reflect.ValueOf(false), reflect.ValueOf(empty{}), reflect.ValueOf(int8(9))}))
	var tinyMade func(empty, bool, empty, int8) (empty, bool, int8, empty)
	reflect.ValueOf(&tinyMade).Elem().Set(reflect.MakeFunc(reflect.TypeOf(tinyMade), func(in []reflect.Value) []reflect.Value {
		return []reflect.Value{in[2], reflect.ValueOf(!in[1].Bool()), reflect.ValueOf(int8(-in[3].Int())), in[0]}
	}))
	fmt.Println(tinyMade(empty{}, false, empty{}, 9))

	// A method with a narrow receiver and arguments, as a method value.
	fmt.Println(reflect.ValueOf(small{1, 2}).Method(0).Call([]reflect.Value{reflect.ValueOf(int8(4)), reflect.ValueOf(true)})[0])
	mv := reflect.ValueOf(small{1, 2}).Method(0).Interface().(func(int8, bool) small)
	fmt.Println(mv(5, false))
}

func (s small) Mix(k int8, neg bool) small {
	if neg {
		k = -k
	}
	return small{s.A + k, s.B + int32(k)}
}
