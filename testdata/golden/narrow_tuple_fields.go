// Results that are tuples laid out as memory, with narrow fields: the ok of
// the comma-ok forms, a select's received value, a map iteration's key and
// value. Storing one field must not touch the fields or the values beside it.
package main

import "fmt"

type small int8

func main() {
	c32 := make(chan int32, 1)
	c32 <- -7
	v, ok := <-c32
	fmt.Println(v, ok)

	var e any = small(-3)
	s, ok := e.(small)
	fmt.Println(s, ok)
	_, ok = e.(int32)
	fmt.Println(ok)

	c8 := make(chan int8, 1)
	c8 <- -2
	a, ok := <-c8
	fmt.Println(a, ok)

	var i32 int32
	c32 <- 9
	select {
	case i32, ok = <-c32:
	default:
	}
	fmt.Println(i32, ok)

	var i8 int8
	c8 <- -5
	select {
	case i8, ok = <-c8:
	default:
	}
	fmt.Println(i8, ok)

	var u16 uint16
	c16 := make(chan uint16)
	go func() { c16 <- 65535 }()
	select {
	case u16, ok = <-c16:
	case i8 = <-c8:
	}
	fmt.Println(u16, ok)

	close(c32)
	select {
	case i32, ok = <-c32:
	}
	fmt.Println(i32, ok)

	m := map[int8]int8{-1: -2, 3: -4}
	sum := 0
	for k, v := range m {
		sum += int(k) * int(v)
	}
	fmt.Println(sum)

	m2 := map[string]int32{"a": -9}
	w, ok := m2["a"]
	fmt.Println(w, ok)
	w, ok = m2["b"]
	fmt.Println(w, ok)
}
