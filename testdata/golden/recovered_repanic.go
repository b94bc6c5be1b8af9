// A panic is recovered and the same value panicked again.
package main

func main() {
	defer func() {
		r := recover()
		println("recovered:", r.(string))
		panic(r)
	}()
	panic("original")
}
