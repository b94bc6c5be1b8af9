// Command loop13 is in a go 1.13 module: a loop has one variable for all
// its iterations, so the closures all see its last value. later.go, whose
// build constraint says go1.22, is compiled at that version instead.
package main

func main() {
	var fs []func() int
	for i := 0; i < 3; i++ {
		fs = append(fs, func() int { return i })
	}
	for _, f := range fs {
		print(f(), " ")
	}
	for _, v := range laterLoop() {
		print(v, " ")
	}
	println()
}
