package main

func main() {
	var n int = "one"
	println(n, helper())
}
