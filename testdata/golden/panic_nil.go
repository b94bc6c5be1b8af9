// panic(nil) panics with *runtime.PanicNilError since Go 1.21.
package main

func main() {
	func() {
		defer func() {
			r := recover()
			println(r != nil, r.(error).Error())
			_, isRuntime := r.(interface{ RuntimeError() })
			println("runtime error:", isRuntime)
		}()
		panic(nil)
	}()
	panic(nil)
}
