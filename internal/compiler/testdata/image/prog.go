// A program for the image round trip: fmt's closure, interfaces, maps,
// closures, generics and a line directive.
package main

import (
	"fmt"
	"sort"
	"strings"
)

type shape interface{ area() float64 }

type rect struct{ w, h float64 }

func (r rect) area() float64 { return r.w * r.h }

func keys[K comparable, V any](m map[K]V) []K {
	var out []K
	for k := range m {
		out = append(out, k)
	}
	return out
}

var table = map[string]int{"a": 1, "b": 2}

func main() {
	var s shape = rect{2, 3}
	ks := keys(table)
	sort.Strings(ks)
	add := func(x int) int { return x + len(ks) }
//line renamed.go:10
	fmt.Println(s.area(), strings.Join(ks, ","), add(1))
}
