// Command hello imports a package of its own module and one of a
// dependency (replaced by a local directory). The main module says go
// 1.22, so its loop variables are per iteration; the dependency's go.mod
// says go 1.13, so its are per loop.
package main

import (
	"example.com/app/internal/greet"
	"example.com/dep/shout"
)

func main() {
	println(greet.Hello("modules"))
	var fs []func() int
	for i := 0; i < 3; i++ {
		fs = append(fs, func() int { return i })
	}
	for _, f := range fs {
		print(f(), " ")
	}
	println("(app, go 1.22)")
	for _, v := range shout.Loops() {
		print(v, " ")
	}
	println("(dep, go 1.13)")
}
