//go:build go1.22

package main

func laterLoop() []int {
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
