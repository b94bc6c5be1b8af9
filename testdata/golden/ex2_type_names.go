// %T and reflect.Kind across many kinds: basic, named, generic, pointer,
// slice, array, map, chan directions, func signatures, struct literals,
// interfaces, and nil values.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"
	"strings"
	"time"
)

type ID int
type Pair[A any, B comparable] struct {
	a A
	b B
}
type Handler func(string) error
type Shape interface{ Area() float64 }

func main() {
	values := []any{
		true, 1, int8(1), uint16(2), uintptr(3), 1.5, float32(2), complex64(1i), 'r', byte('b'), "s",
		ID(4), &[]ID{}, [3]bool{}, map[string][]int{}, make(chan int), make(<-chan string), make(chan<- error),
		func(int, ...string) (bool, error) { return false, nil }, Handler(nil), func() {},
		struct{ X, y int }{}, struct{}{}, &struct{ A *int }{}, Pair[string, ID]{}, Pair[[]int, [2]string]{},
		errors.New("e"), io.EOF, os.Stdout, strings.NewReader(""), time.Second, time.Month(3), reflect.TypeOf(0),
		new(error), new(Shape), []any{nil}, nil, [0]int{}, map[Pair[int, int]]struct{}{},
	}
	for _, v := range values {
		k := "invalid"
		if v != nil {
			k = reflect.TypeOf(v).Kind().String()
		}
		fmt.Printf("%-45T %s\n", v, k)
	}
	var sh Shape
	var err error
	fmt.Printf("%T %T %v %v\n", sh, err, sh, err)
	t := reflect.TypeOf(Pair[string, ID]{})
	fmt.Println(t.Name(), t.PkgPath(), t.String(), t.NumField(), t.Field(1).Type)
	ft := reflect.TypeOf(fmt.Fprintf)
	fmt.Println(ft, ft.NumIn(), ft.IsVariadic(), ft.In(2), ft.Out(0))
	ct := reflect.TypeOf(make(<-chan string))
	fmt.Println(ct.ChanDir(), ct.Elem(), reflect.TypeOf(map[ID]bool{}).Key())
}
