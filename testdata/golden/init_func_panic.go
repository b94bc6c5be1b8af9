// A panic in the second init function, named main.init.1 by gc.
package main

func init() {
	println("init")
}

func init() {
	var m map[string]int
	m["a"] = 1
}

func main() {}
