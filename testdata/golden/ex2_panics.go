// Runtime panics that programs recover from, with their exact messages:
// slice and index bounds of every form, conversions, nil maps and
// pointers, type assertions, panic(nil), custom error values, re-panics
// and Goexit-free defers order; then an unrecovered custom error.
package main

import (
	"errors"
	"fmt"
	"os"
	"strconv"
)

type MyErr struct{ Code int }

func (e MyErr) Error() string { return "my error " + strconv.Itoa(e.Code) }

func try(name string, f func()) {
	defer func() {
		r := recover()
		if e, ok := r.(error); ok {
			var re interface{ RuntimeError() }
			fmt.Printf("%-12s %T: %v (runtime=%v)\n", name, r, e, errors.As(e, &re))
			return
		}
		fmt.Printf("%-12s %T: %v\n", name, r, r)
	}()
	f()
}

func main() {
	s := []int{1, 2, 3}
	arr := [4]int{}
	str := "hello"
	i, j, k := 5, 1, -1
	var m map[string]int
	var p *MyErr
	var any1 any = "str"
	var iface fmt.Stringer
	try("index", func() { _ = s[i] })
	try("index-neg", func() { _ = s[k] })
	try("arr", func() { _ = arr[i%8] })
	try("slice-hi", func() { _ = s[:i] })
	try("slice-lo", func() { _ = s[i-1:] })
	try("slice-inv", func() { _ = s[2:j] })
	try("slice3", func() { _ = s[0:1:i] })
	try("slice3-inv", func() { _ = s[0:2:j] })
	try("str-index", func() { _ = str[i+10] })
	try("str-slice", func() { _ = str[3:j] })
	try("to-array", func() { _ = [4]int(s) })
	try("nil-map", func() { m["x"] = 1 })
	try("nil-ptr", func() { _ = p.Code })
	try("assert", func() { _ = any1.(int) })
	try("assert-ifc", func() { _ = any1.(fmt.Stringer) })
	try("nil-ifc", func() { _ = iface.String() })
	try("div", func() { _ = i / (j - 1) })
	try("shift", func() { _ = 1 << k })
	try("make", func() { _ = make([]int, k) })
	try("makecap", func() { _ = make([]int, 2, j) })
	try("nil", func() { panic(nil) })
	try("custom", func() { panic(MyErr{7}) })
	try("errorf", func() { panic(fmt.Errorf("wrapped: %w", os.ErrNotExist)) })
	try("value", func() { panic([]int{1, 2}) })
	try("repanic", func() {
		defer func() {
			r := recover()
			panic(fmt.Sprint("again: ", r))
		}()
		panic("first")
	})
	func() {
		for n := range 3 {
			defer fmt.Println("deferred", n)
		}
	}()
	x := 1
	defer fmt.Println("deferred x =", x)
	x = 2
	defer func() {
		fmt.Println("closure sees x =", x)
	}()
	panic(MyErr{42})
}
