package main

import "fmt"

type Code int

type Reason struct {
	Code Code
	Why  string
}

func main() {
	defer func() {
		r := recover()
		fmt.Printf("%v %T\n", r, r)
		var e error = fmt.Errorf("wrapped")
		_ = e
		panic(Reason{404, "not found"})
	}()
	panic(Code(7))
}
