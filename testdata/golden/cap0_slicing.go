// When a slice or string expression's result has capacity 0, gc does not
// advance the pointer, so it never points past the end of the object.
package main

import "unsafe"

var i3 = 3

func main() {
	s := make([]int, 3)
	println("slice [3:]", unsafe.SliceData(s[i3:]) == unsafe.SliceData(s))
	println("slice [1:]", unsafe.SliceData(s[1:]) == &s[1])
	a := [3]int{}
	println("array [3:]", unsafe.SliceData(a[i3:]) == &a[0])
	str := "abc" + string(rune('0'+i3))
	println("string [4:]", unsafe.StringData(str[i3+1:]) == unsafe.StringData(str))
	println("string [1:]", unsafe.StringData(str[1:]) == unsafe.StringData(str))
	t := s[1:2:2]
	println("len", len(t[1:]), "cap", cap(t[1:]), unsafe.SliceData(t[1:]) == &s[1])
}
