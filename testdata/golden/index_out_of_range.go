// Index expressions out of range: each message is printed after recover,
// and the last one is left to crash the program.
package main

func try(name string, f func()) {
	defer func() {
		r := recover()
		err, ok := r.(error)
		if !ok {
			println(name, "did not panic with an error")
			return
		}
		_, isRuntime := r.(interface{ RuntimeError() })
		println(name, "->", err.Error(), isRuntime)
	}()
	f()
}

var five, minusOne = 5, -1
var huge uint64 = 1 << 63

func main() {
	s := []int{1, 2, 3}
	a := [3]int{1, 2, 3}
	str := "abc"
	try("slice", func() { _ = s[five] })
	try("slice negative", func() { _ = s[minusOne] })
	try("array", func() { _ = a[five] })
	try("string", func() { _ = str[five] })
	try("store", func() { s[five] = 1 })
	try("uint64", func() { _ = s[huge] })
	_ = s[five]
}
