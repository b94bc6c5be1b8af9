package main

import "fmt"

type Registry struct {
	byName map[string]int
}

func (r *Registry) Register(name string, id int) {
	r.byName[name] = id
}

func main() {
	var r Registry
	fmt.Println("registering")
	r.Register("x", 1)
}
