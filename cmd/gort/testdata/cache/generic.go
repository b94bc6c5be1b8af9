package main

import (
	"fmt"
	"slices"
)

type item struct{ n int }

func main() {
	xs := []item{{3}, {1}, {2}}
	slices.SortFunc(xs, func(a, b item) int { return a.n - b.n })
	fmt.Println(xs)
}
