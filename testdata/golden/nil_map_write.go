package main

func main() {
	var m map[string]int
	println(m["missing"], len(m))
	delete(m, "missing")
	for range m {
		println("unreachable")
	}
	m["x"] = 1
}
