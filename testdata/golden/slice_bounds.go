// Every form of the slice bounds message, printed after recover; the last one
// is left to crash the program.
package main

func try(name string, f func()) {
	defer func() {
		r := recover()
		err, ok := r.(error)
		if !ok {
			println(name, "did not panic with an error")
			return
		}
		println(name, "->", err.Error())
	}()
	f()
}

var i0, i1, i2, i3, i4, i5, im1 = 0, 1, 2, 3, 4, 5, -1

func main() {
	s := make([]int, 2, 3)
	a := [3]int{}
	str := "abc"
	try("s[:5]", func() { _ = s[:i5] })
	try("a[:5]", func() { _ = a[:i5] })
	try("str[:5]", func() { _ = str[:i5] })
	try("s[3:2]", func() { _ = s[i3:i2] })
	try("str[3:2]", func() { _ = str[i3:i2] })
	try("s[5:]", func() { _ = s[i5:] })
	try("str[4:]", func() { _ = str[i4:] })
	try("s[-1:]", func() { _ = s[im1:] })
	try("s[:-1]", func() { _ = s[:im1] })
	try("s[::5]", func() { _ = s[:i1:i5] })
	try("a[::5]", func() { _ = a[:i1:i5] })
	try("s[:3:2]", func() { _ = s[:i3:i2] })
	try("s[2:1:]", func() { _ = s[i2:i1:i3] })
	try("s[::-1]", func() { _ = s[i0:i1:im1] })
	try("to array", func() { _ = [4]int(s) })
	try("to array pointer", func() { _ = (*[4]int)(s) })
	try("ok", func() { _ = s[i3:i3] })
	_ = s[:i5]
}
