// A closure called where it is written, which captures a variable: gc passes
// the capture as an argument. Its deferred call runs at the closing brace.
package main

func main() {
	x := []any{1, "a", nil, 2.5, true, 'x', uint8(3)}
	for _, v := range x {
		func() {
			defer func() { println(recover().(error).Error()) }()
			_ = v.(int) + 1
		}()
	}
	var e error
	println(e.Error())
}
