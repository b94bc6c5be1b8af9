// A panic in the body of a range-over-func loop: gc names the loop body
// after the function it is in (main.main-range1, and a nested body
// main.main-range1-range2) and shows the iterator's frames between.
package main

//go:noinline
func seq(yield func(int) bool) {
	for i := 0; i < 3; i++ {
		if !yield(i) {
			return
		}
	}
}

func main() {
	for i := range seq {
		for j := range seq {
			if i == 2 && j == 1 {
				panic("in the loop body")
			}
		}
	}
}
