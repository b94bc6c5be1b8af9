// The newer builtins and loops: min and max over numbers and strings
// (NaN included), clear on maps and slices, range over an int, and loop
// variables that are fresh each iteration.
package main

import (
	"fmt"
	"math"
)

func main() {
	fmt.Println(min(3, 1, 2), max(3, 1, 2), min(2.5, -1), max("apple", "banana", "cherry"), min("b", "a"))
	fmt.Println(min(math.NaN(), 1), max(1, math.Inf(1)), min(math.Copysign(0, -1), 0), max(-0.0, 0.0))
	const c = min(10, 20) * 2
	var u8 uint8 = max(200, 100)
	fmt.Println(c, u8)

	m := map[string]int{"a": 1, "b": 2}
	clear(m)
	m["c"] = 3
	fmt.Println(len(m), m)
	s := []int{1, 2, 3, 4}
	clear(s[1:3])
	fmt.Println(s, len(s))

	for i := range 3 {
		fmt.Print(i, " ")
	}
	fmt.Println()
	var n int64 = 4
	for i := range n {
		fmt.Printf("%T:%d ", i, i)
	}
	fmt.Println()
	for range 0 {
		fmt.Println("never")
	}
	type celsius int
	for t := range celsius(2) {
		fmt.Printf("%T %v\n", t, t)
	}

	var funcs []func() int
	for i := 0; i < 3; i++ {
		funcs = append(funcs, func() int { return i * 10 })
	}
	for _, f := range funcs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	var ptrs []*int
	for i := range 3 {
		ptrs = append(ptrs, &i)
	}
	fmt.Println(*ptrs[0], *ptrs[1], *ptrs[2], ptrs[0] != ptrs[1])
}
