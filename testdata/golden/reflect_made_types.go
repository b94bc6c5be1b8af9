// Types that reflect makes at run time (PointerTo, SliceOf, ArrayOf,
// ChanOf, FuncOf) used as the runtime uses any type: allocated, boxed in
// interfaces, switched on, compared, printed by fmt.
package main

import (
	"fmt"
	"reflect"
)

type Point struct {
	X, Y int
}

func (p Point) String() string { return fmt.Sprintf("(%d,%d)", p.X, p.Y) }

type Named interface{ Name() string }

func describe(x any) string {
	switch v := x.(type) {
	case nil:
		return "nil"
	case **Point:
		return "**Point " + (*v).String()
	case fmt.Stringer:
		return "Stringer " + v.String()
	case Named:
		return "Named " + v.Name()
	case interface{ Len() int }:
		return "has Len"
	default:
		return fmt.Sprintf("other %T", v)
	}
}

func main() {
	// *[]float64 occurs nowhere in this program: reflect makes it.
	fs := reflect.TypeOf([]float64{})
	pfs := reflect.PointerTo(fs)
	fmt.Println(pfs, pfs.Kind(), pfs.Elem() == fs, reflect.PointerTo(fs) == pfs)
	p := reflect.New(pfs) // a **[]float64 made at run time too
	p.Elem().Set(reflect.New(fs))
	p.Elem().Elem().Set(reflect.ValueOf([]float64{1.5, 2.5}))
	fmt.Printf("%v %T %T\n", p.Elem().Elem().Interface(), p.Interface(), p.Elem().Interface())
	fmt.Println(describe(p.Elem().Interface()), "|", describe(p.Interface()))
	fmt.Println(p.Elem().Elem().Len(), p.Elem().Elem().Index(1).Float())

	// **Point occurs in describe's switch: PointerTo must find it.
	pp := reflect.PointerTo(reflect.TypeOf(&Point{}))
	pv := reflect.New(pp.Elem())
	pv.Elem().Set(reflect.ValueOf(&Point{5, 6}))
	fmt.Println(pv.Type() == pp, describe(pv.Interface()), describe(pv.Elem().Elem().Interface()))

	// A slice of a type whose slice type is not in the program.
	st := reflect.SliceOf(reflect.TypeOf(Point{}))
	s := reflect.MakeSlice(st, 0, 1)
	for i := range 5 {
		s = reflect.Append(s, reflect.ValueOf(Point{i, i * i}))
	}
	s = reflect.AppendSlice(s, s.Slice(1, 3))
	fmt.Printf("%v %T len=%d cap>=len:%v\n", s.Interface(), s.Interface(), s.Len(), s.Cap() >= s.Len())
	fmt.Println(s.Index(3).Interface(), s.Index(3).Field(1).Int(), describe(s.Interface()))
	fmt.Printf("%+v\n", s.Slice(0, 2).Interface())

	// Arrays made at run time: values of them compare and hash as arrays.
	at := reflect.ArrayOf(4, reflect.TypeOf(""))
	a1, a2 := reflect.New(at).Elem(), reflect.New(at).Elem()
	for i := range 3 {
		word := fmt.Sprint(i, "x", i*i)
		a1.Index(i).SetString(word)
		a2.Index(i).SetString(word)
	}
	x1, x2 := a1.Interface(), a2.Interface()
	fmt.Printf("%v %T %q %d\n", x1, x1, x1, at.Len())
	fmt.Println(x1 == x2, at.Comparable(), at.Size() == 4*reflect.TypeOf("").Size())
	a2.Index(1).SetString("other")
	fmt.Println(x1 == a2.Interface(), a1.Interface() == x1)
	seen := map[any]int{x1: 1}
	seen[a2.Interface()]++
	seen[a1.Interface()]++
	fmt.Println(len(seen), seen[x1], seen[x2])

	aa := reflect.ArrayOf(2, at)
	av := reflect.New(aa).Elem()
	av.Index(1).Set(a2)
	fmt.Printf("%v %T\n", av.Interface(), av.Interface())
	af := reflect.ArrayOf(5, reflect.TypeOf(0.0))
	f1 := reflect.New(af).Elem()
	f1.Index(0).SetFloat(-0.0)
	f2 := reflect.New(af).Elem()
	fmt.Println(f1.Interface() == f2.Interface(), describe(f1.Interface()))

	// Channel and func types: named, compared, printed.
	ct := reflect.ChanOf(reflect.RecvDir, st)
	ft := reflect.FuncOf([]reflect.Type{st, reflect.TypeOf(0)}, []reflect.Type{at}, false)
	vt := reflect.FuncOf([]reflect.Type{reflect.TypeOf(""), reflect.SliceOf(pfs)}, nil, true)
	fmt.Println(ct, ct.ChanDir(), ct.Elem() == st)
	fmt.Println(ft, ft.NumIn(), ft.Out(0) == at)
	fmt.Println(vt, vt.IsVariadic(), vt.In(1).Elem() == pfs)
	fmt.Printf("%T %v\n", reflect.Zero(ft).Interface(), reflect.Zero(ft).IsNil())
}
