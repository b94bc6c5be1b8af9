package main

func main() {
	println("a:", greeting())
	for _, s := range parts {
		println(s)
	}
}
