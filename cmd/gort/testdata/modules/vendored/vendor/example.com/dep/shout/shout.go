// Package shout is the dependency of example.com/app, found through a
// replace directive. Its module is at go 1.13.
//
// This is the copy `go mod vendor` made for example.com/vendored, edited
// afterwards so that the program shows which copy was compiled.
package shout

// Loud shouts s.
func Loud(s string) string { return s + "! (from vendor/)" }

// Loops returns what closures made in a three-step loop see of its
// variable: before Go 1.22 there is one variable for the whole loop.
func Loops() []int {
	var fs []func() int
	for i := 0; i < 3; i++ {
		fs = append(fs, func() int { return i })
	}
	var r []int
	for _, f := range fs {
		r = append(r, f())
	}
	return r
}
