package main

import "fmt"

func main() {
	defer func() {
		r := recover()
		fmt.Println("got", r)
		panic(r)
	}()
	var m map[string][]int
	m["k"] = append(m["k"], 1)
}
